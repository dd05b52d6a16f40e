using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Adaptive;

/// <summary>Runs one adaptive XRD measurement of a simulated sample: a fast full scan, then windows while the identifier is unsure.</summary>
/// <remarks>
/// After every scan the merged pattern (<see cref="AdaptiveXrdMeasurement"/>) goes through the identifier and
/// the <see cref="AdaptiveXrdPolicy"/> decides; every decision is kept in <see cref="AdaptiveXrdResult.Steps"/>.
/// The time is counting time only (points × count time); goniometer moves are left out for both the adaptive
/// and the slow scans, which favours neither much because a window is one extra move.
/// </remarks>
public static class AdaptiveXrdRun
{
    /// <summary>Measures <paramref name="sample"/> adaptively.</summary>
    /// <param name="identifier">The phase identifier; its phases must be the policy's, in the same order.</param>
    /// <param name="policy">The policy (with the options).</param>
    /// <param name="sample">The sample with its true phases.</param>
    /// <param name="simulator">The diffractometer simulator.</param>
    /// <param name="seed">Seed of the counting noise; the same seed gives the same run.</param>
    /// <returns>The identification, its confidence and correctness, the time and the logged steps.</returns>
    /// <exception cref="ArgumentException">The identifier's phases are not the policy's.</exception>
    public static AdaptiveXrdResult Run(PhaseIdentifier identifier, AdaptiveXrdPolicy policy, AdaptiveXrdSample sample, PowderPatternSimulator simulator, long seed)
    {
        if (!identifier.PhaseNames.SequenceEqual(policy.Phases.Select(p => p.Name), StringComparer.Ordinal))
        {
            throw new ArgumentException($"identifier phases [{string.Join(", ", identifier.PhaseNames)}] are not the policy's [{string.Join(", ", policy.Phases.Select(p => p.Name))}]", nameof(policy));
        }

        AdaptiveXrdOptions options = policy.Options;
        AdaptiveXrdMeasurement measurement = new(policy.Grid);
        List<AdaptiveXrdStep> steps = [];
        IReadOnlyList<ScanRange> scans = [AdaptiveXrdPolicy.FullScan(policy.Grid, options.FastCountTime)];
        while (true)
        {
            int index = steps.Count;
            double before = measurement.TotalSeconds;
            MeasureScans(measurement, simulator, sample, scans, seed, index);
            PhasePrediction prediction = identifier.Predict([measurement.ToPattern()])[0];
            AdaptiveXrdDecision decision = policy.Decide(measurement, prediction, index);
            ScanRange last = scans[^1];
            steps.Add(new AdaptiveXrdStep(index, scans[0].Start, last.At(last.Points - 1), scans[0].CountTime, measurement.TotalSeconds - before, prediction.TopPhaseName, decision));
            if (decision.Stop)
            {
                return Result(prediction, decision, sample, measurement.TotalSeconds, steps);
            }

            scans = decision.Scans;
        }
    }

    /// <summary>Measures the scans of one step (the fast scan, or a window's span or segments) and merges them.</summary>
    /// <param name="measurement">The merged measurement to add to.</param>
    /// <param name="simulator">The diffractometer simulator.</param>
    /// <param name="sample">The sample.</param>
    /// <param name="scans">The step's scans (<see cref="AdaptiveXrdDecision.Scans"/>).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="step">0 for the fast scan, k for the k-th window: scan s of step k draws from its own seeded stream.</param>
    public static void MeasureScans(AdaptiveXrdMeasurement measurement, PowderPatternSimulator simulator, AdaptiveXrdSample sample, IReadOnlyList<ScanRange> scans, long seed, int step)
    {
        for (int s = 0; s < scans.Count; s++)
        {
            // Segment s > 0 of a window draws from its own stream; a span (s = 0) keeps the stream it always had.
            Random noise = RandomStreams.For(seed, s == 0 ? "adaptive-xrd/scan" : $"adaptive-xrd/scan-segment-{s}", step + 1);
            measurement.Add(simulator.Measure(sample.Contributions, sample.Instrument, scans[s], noise));
        }
    }

    /// <summary>Whether the phases called present (presence ≥ 0.5) are exactly the true ones.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="present">Indices of the true phases.</param>
    /// <returns>True when the sets are equal.</returns>
    public static bool IsCorrect(PhasePrediction prediction, IReadOnlyList<int> present)
    {
        for (int j = 0; j < prediction.Presence.Count; j++)
        {
            if ((prediction.Presence[j] >= EnsembleCombiner.PresenceCut) != present.Contains(j))
            {
                return false;
            }
        }

        return true;
    }

    private static AdaptiveXrdResult Result(PhasePrediction prediction, AdaptiveXrdDecision decision, AdaptiveXrdSample sample, double seconds, List<AdaptiveXrdStep> steps) =>
        new(
            [.. Enumerable.Range(0, prediction.Presence.Count).Where(j => prediction.Presence[j] >= EnsembleCombiner.PresenceCut).Select(j => prediction.PhaseNames[j])],
            decision.Confidence,
            decision.Reason == "confident",
            IsCorrect(prediction, sample.PresentPhases),
            seconds,
            steps);
}
