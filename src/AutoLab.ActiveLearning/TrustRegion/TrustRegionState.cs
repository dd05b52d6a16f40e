namespace AutoLab.ActiveLearning.TrustRegion;

/// <summary>
/// The TuRBO-1 trust-region state (side length, success and failure counters, restarts), rebuilt by
/// replaying a history rather than stored, so the strategy stays stateless.
/// </summary>
/// <remarks>
/// <see cref="Replay(IReadOnlyList{double}, IReadOnlyList{double}, TurboSettings)"/> walks the oriented values (larger is better) in sequence order. A segment starts
/// with <see cref="TurboSettings.InitialPoints"/> design points; then every <see cref="TurboSettings.BatchSize"/>
/// consecutive observations form one batch and are passed to <see cref="Observe(IReadOnlyList{double}, IReadOnlyList{double})"/>. A trailing group
/// shorter than a batch is a batch still in flight: it updates nothing until it is complete. When the
/// side falls below <see cref="TurboSettings.LengthMin"/>, a restart begins a new segment, and the model,
/// centre and incumbent then see only that segment's observations (TuRBO-1 discards the old data).
/// With outcome constraints each observation also carries its total violation, and "best" follows SCBO's
/// order (<see cref="IsBetter"/>): feasible before infeasible, then larger value or smaller violation.
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

    /// <summary>Oriented value of the current segment's incumbent (its best feasible point, else its least-violating one), or −∞ when it has none.</summary>
    public double Best { get; private set; } = double.NegativeInfinity;

    /// <summary>True while the current segment's Sobol design is not complete.</summary>
    public bool InDesign => SegmentCount < settings.InitialPoints;

    /// <summary>Total constraint violation Σⱼ max(0, gⱼ) of the incumbent; 0 when it is feasible, +∞ when the segment has none.</summary>
    public double BestViolation { get; private set; } = double.PositiveInfinity;

    /// <summary>Replays a history without outcome constraints.</summary>
    /// <param name="values">Oriented values (larger is better) in sequence order.</param>
    /// <param name="settings">Lengths, tolerances, design and batch sizes.</param>
    /// <returns>The state after the last complete batch.</returns>
    public static TrustRegionState Replay(IReadOnlyList<double> values, TurboSettings settings) =>
        Replay(values, new double[values.Count], settings);

    /// <summary>Replays a history with outcome constraints (SCBO, Eriksson and Poloczek 2021).</summary>
    /// <param name="values">Oriented values (larger is better) in sequence order.</param>
    /// <param name="violations">Each observation's total violation Σⱼ max(0, gⱼ), 0 when feasible, same order.</param>
    /// <param name="settings">Lengths, tolerances, design and batch sizes.</param>
    /// <returns>The state after the last complete batch.</returns>
    public static TrustRegionState Replay(IReadOnlyList<double> values, IReadOnlyList<double> violations, TurboSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(violations.Count, values.Count);
        TrustRegionState state = new(settings);
        int i = 0;
        while (i < values.Count)
        {
            if (state.InDesign)
            {
                state.Record(values[i], violations[i]);
                i++;
                continue;
            }

            if (values.Count - i < settings.BatchSize)
            {
                // The rest of this batch is in flight; its values still count for the incumbent.
                for (; i < values.Count; i++)
                {
                    state.Record(values[i], violations[i]);
                }

                break;
            }

            state.Observe([.. values.Skip(i).Take(settings.BatchSize)], [.. violations.Skip(i).Take(settings.BatchSize)]);
            i += settings.BatchSize;
            if (state.Length < settings.LengthMin)
            {
                state.Restart(i);
            }
        }

        return state;
    }

    /// <summary>Applies one complete batch without outcome constraints: success or failure, then doubling or halving the side.</summary>
    /// <param name="batch">The batch's oriented values (larger is better).</param>
    /// <remarks>As TuRBO-1: a batch succeeds when its best beats the incumbent by 10⁻³·|incumbent|.</remarks>
    public void Observe(IReadOnlyList<double> batch) => Observe(batch, new double[batch.Count]);

    /// <summary>Applies one complete batch with outcome constraints: success or failure, then doubling or halving the side.</summary>
    /// <param name="batch">The batch's oriented values (larger is better).</param>
    /// <param name="violations">Each value's total violation Σⱼ max(0, gⱼ), 0 when feasible.</param>
    /// <remarks>
    /// As SCBO's update (Eriksson and Poloczek 2021, and the reference implementation in BoTorch's tutorial):
    /// the batch's best point is its best feasible value, or its least violation when none is feasible. A
    /// feasible best succeeds when the incumbent is infeasible or is beaten by 10⁻³·|incumbent| (TuRBO-1's rule);
    /// an infeasible best succeeds only when the incumbent is infeasible too and violates more. Without
    /// violations this is exactly TuRBO-1.
    /// </remarks>
    public void Observe(IReadOnlyList<double> batch, IReadOnlyList<double> violations)
    {
        ArgumentOutOfRangeException.ThrowIfZero(batch.Count);
        ArgumentOutOfRangeException.ThrowIfNotEqual(violations.Count, batch.Count);
        int best = 0;
        for (int i = 1; i < batch.Count; i++)
        {
            if (IsBetter(batch[i], violations[i], batch[best], violations[best]))
            {
                best = i;
            }
        }

        bool improved;
        if (double.IsNegativeInfinity(Best) && double.IsPositiveInfinity(BestViolation))
        {
            improved = true;
        }
        else if (violations[best] <= 0.0)
        {
            improved = BestViolation > 0.0 || batch[best] > Best + (RelativeImprovement * Math.Abs(Best));
        }
        else
        {
            improved = violations[best] < BestViolation;
        }

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

        for (int i = 0; i < batch.Count; i++)
        {
            Record(batch[i], violations[i]);
        }
    }

    /// <summary>SCBO's order of points: feasible beats infeasible, then the larger value among feasible ones and the smaller violation among infeasible ones.</summary>
    /// <param name="value">Oriented value of the first point.</param>
    /// <param name="violation">Total violation of the first point.</param>
    /// <param name="otherValue">Oriented value of the second point.</param>
    /// <param name="otherViolation">Total violation of the second point.</param>
    /// <returns>True when the first point is strictly better.</returns>
    public static bool IsBetter(double value, double violation, double otherValue, double otherViolation)
    {
        bool feasible = violation <= 0.0;
        bool otherFeasible = otherViolation <= 0.0;
        if (feasible != otherFeasible)
        {
            return feasible;
        }

        return feasible ? value > otherValue : violation < otherViolation;
    }

    private void Record(double value, double violation)
    {
        SegmentCount++;
        if (IsBetter(value, violation, Best, BestViolation))
        {
            Best = value;
            BestViolation = Math.Max(violation, 0.0);
        }
    }

    private void Restart(int start)
    {
        Restarts++;
        SegmentStart = start;
        SegmentCount = 0;
        Best = double.NegativeInfinity;
        BestViolation = double.PositiveInfinity;
        Length = settings.LengthInit;
        Successes = 0;
        Failures = 0;
    }
}
