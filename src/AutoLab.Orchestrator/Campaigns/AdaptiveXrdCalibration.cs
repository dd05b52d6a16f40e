using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Chooses the adaptive run's fast count time, stop threshold and window budget on calibration samples (never
/// the test samples): the setting whose slow-scan / adaptive time ratio is largest on them.
/// </summary>
/// <remarks>
/// Each calibration sample is measured once per fast time with the stop disabled (threshold 1, the largest
/// window budget), keeping the prediction after every scan. Because the window a policy picks does not depend on
/// the threshold and the noise of scan k is seeded by k as in <see cref="AdaptiveXrdRun"/>, the run with
/// threshold θ and budget m is that trajectory cut at the first scan whose decision confidence reaches θ, or at
/// window m: one trajectory answers every (θ, m).
/// </remarks>
internal static class AdaptiveXrdCalibration
{
    /// <summary>Stop thresholds tried.</summary>
    public static readonly double[] Thresholds = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    /// <summary>Window budgets tried.</summary>
    public static readonly int[] Budgets = [1, 2, 4];

    /// <summary>Per scan of one sample: cumulative counting time (s), whether the call was right, the decision confidence.</summary>
    /// <param name="Seconds">Cumulative counting time after each scan (s).</param>
    /// <param name="Correct">Whether the called set after each scan is the true set.</param>
    /// <param name="Confidence">Decision confidence after each scan.</param>
    public sealed record Trajectory(double[] Seconds, bool[] Correct, double[] Confidence)
    {
        /// <summary>The scan a run with threshold θ and budget m stops after.</summary>
        /// <param name="threshold">θ.</param>
        /// <param name="budget">m.</param>
        /// <returns>0-based scan index.</returns>
        public int StopAt(double threshold, int budget)
        {
            int last = Math.Min(budget, Seconds.Length - 1);
            for (int s = 0; s < last; s++)
            {
                if (Confidence[s] >= threshold)
                {
                    return s;
                }
            }

            return last;
        }
    }

    /// <summary>Measures every sample with the stop disabled, all samples of one scan index in one batch.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <param name="policy">A policy whose threshold is 1 and budget the largest tried.</param>
    /// <param name="samples">The samples.</param>
    /// <param name="simulator">The simulator.</param>
    /// <param name="seed">Noise seed base; sample i uses seed + i as <see cref="AdaptiveXrdRun"/> would.</param>
    /// <returns>One trajectory per sample.</returns>
    public static Trajectory[] Measure(PhaseIdentifier identifier, AdaptiveXrdPolicy policy, AdaptiveXrdSample[] samples, PowderPatternSimulator simulator, long seed)
    {
        int n = samples.Length;
        int scans = policy.Options.MaxSteps + 1;
        AdaptiveXrdMeasurement[] measurements = [.. samples.Select(_ => new AdaptiveXrdMeasurement(policy.Grid))];
        IReadOnlyList<ScanRange>?[] next = [.. samples.Select(_ => (IReadOnlyList<ScanRange>?)[AdaptiveXrdPolicy.FullScan(policy.Grid, policy.Options.FastCountTime)])];
        List<double>[] seconds = [.. samples.Select(_ => new List<double>())];
        List<bool>[] correct = [.. samples.Select(_ => new List<bool>())];
        List<double>[] confidence = [.. samples.Select(_ => new List<double>())];
        for (int step = 0; step < scans; step++)
        {
            int[] active = [.. Enumerable.Range(0, n).Where(i => next[i] is not null)];
            if (active.Length == 0)
            {
                break;
            }

            foreach (int i in active)
            {
                AdaptiveXrdRun.MeasureScans(measurements[i], simulator, samples[i], next[i]!, seed + i, step);
            }

            IReadOnlyList<PhasePrediction> predictions = identifier.Predict([.. active.Select(i => measurements[i].ToPattern())]);
            for (int a = 0; a < active.Length; a++)
            {
                int i = active[a];
                AdaptiveXrdDecision decision = policy.Decide(measurements[i], predictions[a], step);
                seconds[i].Add(measurements[i].TotalSeconds);
                correct[i].Add(AdaptiveXrdRun.IsCorrect(predictions[a], samples[i].PresentPhases));
                confidence[i].Add(decision.Confidence);
                next[i] = decision.Stop ? null : decision.Scans;
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => new Trajectory([.. seconds[i]], [.. correct[i]], [.. confidence[i]]))];
    }
}
