using System.Diagnostics;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Sas;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>The accuracy part of <c>autolab bench analysis</c>: the evaluations of the phase identifier and the SAS selector, and NMFk on a simulated ternary library.</summary>
/// <remarks>
/// The full run uses each evaluation's own defaults (the figures docs/benchmarks.md reports); the quick run
/// shrinks grids, set sizes and epochs so the same code finishes in seconds, and its figures are then only a
/// smoke test, not the model's accuracy.
/// </remarks>
public static class AnalysisAccuracyBenchmark
{
    private const long Seed = 7;

    /// <summary>Runs the three evaluations.</summary>
    /// <param name="settings">Threads, device and whether sizes are quick.</param>
    /// <param name="progress">Receives one line per step.</param>
    /// <returns>The figures.</returns>
    public static AnalysisAccuracyFigures Run(AnalysisBenchSettings settings, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        Stopwatch clock = Stopwatch.StartNew();
        TorchRuntime.SetThreads(settings.Threads);

        PhaseIdentificationEvaluationOptions phaseOptions = PhaseOptions(settings);
        progress($"phase identification: training {phaseOptions.Identifier.EnsembleSize} members on {phaseOptions.Identifier.TrainingPatterns} patterns");
        PhaseIdentificationReport phase = PhaseIdentificationEvaluation.Run(phaseOptions, Seed);

        SasEvaluationOptions sasOptions = SasOptions(settings);
        progress($"SAS model selection: {sasOptions.TrainingCurvesPerFamily} training curves per family");
        SasEvaluationReport sas = SasModelSelectionEvaluation.Run(sasOptions, (int)Seed);

        // 150 patterns is about the fewest at which every random start at the true rank lands on the same basis (measured: 60 gave a rank-3 silhouette of 0.73).
        int rows = settings.IsQuick ? 150 : 300;
        int points = settings.IsQuick ? 700 : 1400;
        progress($"NMFk rank selection on a simulated ternary library of {rows} patterns");
        (float[] x, float[] basis) = TernaryXrdLibrary.Generate(rows, points, Seed);
        NmfRankOptions rankOptions = new() { Restarts = settings.IsQuick ? 4 : 8, Seed = Seed, Device = settings.Device };
        NmfRankReport rank = NmfRankSelection.Select(x, rows, points, 1, settings.IsQuick ? 4 : 6, rankOptions);
        BasisMatch match = BasisMatching.Match(basis, 3, rank.Best.H, rank.Best.Rank, points);

        return new AnalysisAccuracyFigures(
            phaseOptions.Identifier.TrainingPatterns, phaseOptions.Identifier.EnsembleSize, phase.TrainingSeconds,
            phase.SinglePhaseTopOne, phase.TwoPhaseFractionMae, phase.ThreePhaseFractionMae, phase.SinglePhaseEce, phase.MixturePresenceEce,
            sas.Accuracy, sas.Families.Count, sas.TestCurves, sas.TrainingSeconds,
            $"simulated XRD, {string.Join(" + ", TernaryXrdLibrary.PhaseNames)}, {rows} x {points} counts",
            3, rank.SelectedRank, match.MinimumCosine, match.MeanCosine, clock.Elapsed.TotalSeconds);
    }

    private static PhaseIdentificationEvaluationOptions PhaseOptions(AnalysisBenchSettings settings)
    {
        PhaseIdentificationEvaluationOptions defaults = new();
        if (!settings.IsQuick)
        {
            return defaults with { Identifier = defaults.Identifier with { Device = settings.Device, Threads = settings.Threads } };
        }

        return new PhaseIdentificationEvaluationOptions
        {
            Identifier = new PhaseIdentifierOptions
            {
                Data = new XrdTrainingSetOptions { Grid = new XrdPatternGrid(10.0, 80.0, 700) },
                TrainingPatterns = 400,
                ValidationPatterns = 100,
                EnsembleSize = 1,
                Epochs = 3,
                Device = settings.Device,
                Threads = settings.Threads,
            },
            SinglePhasePatterns = 100,
            TwoPhasePatterns = 50,
            ThreePhasePatterns = 50,
        };
    }

    private static SasEvaluationOptions SasOptions(AnalysisBenchSettings settings)
    {
        SasEvaluationOptions defaults = new() { Device = settings.Device };
        if (!settings.IsQuick)
        {
            return defaults;
        }

        SasSelectorOptions selector = new();
        return defaults with
        {
            Generator = new SasGeneratorOptions { Points = 64, QMin = 0.01, QMax = 0.3 },
            TrainingCurvesPerFamily = 40,
            TestCurvesPerFamily = 10,
            Selector = selector with
            {
                ClassifierTraining = selector.ClassifierTraining with { Epochs = 10 },
                RegressorTraining = selector.RegressorTraining with { Epochs = 10 },
                MonteCarloSamples = 5,
            },
        };
    }
}
