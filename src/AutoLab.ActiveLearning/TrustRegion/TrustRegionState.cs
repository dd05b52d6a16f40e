namespace AutoLab.ActiveLearning.TrustRegion;

/// <summary>
/// The TuRBO-1 trust-region state (side length, success and failure counters, restarts), rebuilt by
/// replaying a history rather than stored, so the strategy stays stateless.
/// </summary>
/// <remarks>
/// <see cref="Replay"/> walks the oriented values (larger is better) in sequence order. A segment starts
/// with <see cref="TurboSettings.InitialPoints"/> design points; then every <see cref="TurboSettings.BatchSize"/>
/// consecutive observations form one batch and are passed to <see cref="Observe"/>. A trailing group
/// shorter than a batch is a batch still in flight: it updates nothing until it is complete. When the
/// side falls below <see cref="TurboSettings.LengthMin"/>, a restart begins a new segment, and the model,
/// centre and incumbent then see only that segment's observations (TuRBO-1 discards the old data).
/// <seealso cref="TurboStrategy"/>
/// </remarks>
public sealed class TrustRegionState
{
    /// <summary>Relative improvement a batch must make to count as a success (TuRBO's 10⁻³).</summary>
    public const double RelativeImprovement = 1e-3;

    private readonly TurboSettings settings;

    /// <summary>Creates the state of a fresh segment.</summary>
    /// <param name="settings">Lengths and tolerances.</param>
    public TrustRegionState(TurboSettings settings)
    {
        this.settings = settings;
        Length = settings.LengthInit;
    }

    /// <summary>Side length L of the region in unit-cube units (before the length-scale weights).</summary>
    public double Length { get; private set; }

    /// <summary>Consecutive improving batches since the last change of side.</summary>
    public int Successes { get; private set; }

    /// <summary>Consecutive non-improving batches since the last change of side.</summary>
    public int Failures { get; private set; }

    /// <summary>Restarts so far (0 in the first segment).</summary>
    public int Restarts { get; private set; }

    /// <summary>Index (in sequence order) of the first observation of the current segment.</summary>
    public int SegmentStart { get; private set; }

    /// <summary>Observations of the current segment that were replayed.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>Best oriented value of the current segment, or −∞ when it has none.</summary>
    public double Best { get; private set; } = double.NegativeInfinity;

    /// <summary>True while the current segment's Sobol design is not complete.</summary>
    public bool InDesign => SegmentCount < settings.InitialPoints;

    /// <summary>Replays a history.</summary>
    /// <param name="values">Oriented values (larger is better) in sequence order.</param>
    /// <param name="settings">Lengths, tolerances, design and batch sizes.</param>
    /// <returns>The state after the last complete batch.</returns>
    public static TrustRegionState Replay(IReadOnlyList<double> values, TurboSettings settings)
    {
        TrustRegionState state = new(settings);
        int i = 0;
        while (i < values.Count)
        {
            if (state.InDesign)
            {
                state.Record(values[i]);
                i++;
                continue;
            }

            if (values.Count - i < settings.BatchSize)
            {
                // The rest of this batch is in flight; its values still count for the incumbent.
                for (; i < values.Count; i++)
                {
                    state.Record(values[i]);
                }

                break;
            }

            state.Observe([.. values.Skip(i).Take(settings.BatchSize)]);
            i += settings.BatchSize;
            if (state.Length < settings.LengthMin)
            {
                state.Restart(i);
            }
        }

        return state;
    }

    /// <summary>Applies one complete batch: success or failure, then doubling or halving the side.</summary>
    /// <param name="batch">The batch's oriented values (larger is better).</param>
    /// <remarks>As TuRBO-1: a batch succeeds when its best beats the incumbent by 10⁻³·|incumbent|.</remarks>
    public void Observe(IReadOnlyList<double> batch)
    {
        ArgumentOutOfRangeException.ThrowIfZero(batch.Count);
        double batchBest = batch.Max();
        bool improved = double.IsNegativeInfinity(Best) || batchBest > Best + (RelativeImprovement * Math.Abs(Best));
        if (improved)
        {
            Successes++;
            Failures = 0;
        }
        else
        {
            Successes = 0;
            Failures++;
        }

        if (Successes == settings.SuccessTolerance)
        {
            Length = Math.Min(2.0 * Length, settings.LengthMax);
            Successes = 0;
        }
        else if (Failures == settings.FailureTolerance)
        {
            Length /= 2.0;
            Failures = 0;
        }

        foreach (double value in batch)
        {
            Record(value);
        }
    }

    private void Record(double value)
    {
        SegmentCount++;
        Best = Math.Max(Best, value);
    }

    private void Restart(int start)
    {
        Restarts++;
        SegmentStart = start;
        SegmentCount = 0;
        Best = double.NegativeInfinity;
        Length = settings.LengthInit;
        Successes = 0;
        Failures = 0;
    }
}
