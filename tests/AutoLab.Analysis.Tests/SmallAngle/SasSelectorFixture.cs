using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Sas;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Tests.SmallAngle;

/// <summary>One small selector (sphere, cylinder, chain) trained once for the selector tests, with a held-out set.</summary>
public sealed class SasSelectorFixture : IDisposable
{
    /// <summary>
    /// Generator options of the small sets: 64 points over 0.01–0.3 Å⁻¹, because the cost of a cylinder curve is the
    /// orientation and size quadrature, which grows with the q range and with q.
    /// </summary>
    public static readonly SasGeneratorOptions Generator = new()
    {
        Points = 64,
        QMin = 0.01,
        QMax = 0.3,
        Families = [SaxsModel.Sphere, SaxsModel.Cylinder, SaxsModel.GaussianChain],
    };

    public SasSelectorFixture()
    {
        Training = SasTrainingSetGenerator.Generate(Generator with { CurvesPerFamily = 100 }, 21);
        Test = SasTrainingSetGenerator.Generate(Generator with { CurvesPerFamily = 40 }, 22);
        Options = new SasSelectorOptions
        {
            // A CNN: a size change is a shift along log q, which convolutions share across positions.
            Classifier = new NetworkSpec { Kind = NetworkKind.Cnn1D, ConvChannels = [8, 16, 16], ConvKernels = [7, 5, 5], Pool = 2, BatchNorm = true, HiddenSizes = [32], Dropout = 0.1f },
            ClassifierTraining = new TrainingOptions { Loss = TrainingLoss.CrossEntropy, Epochs = 60, BatchSize = 32, LearningRate = 3e-3f },
            Regressor = new NetworkSpec { Kind = NetworkKind.Mlp, HiddenSizes = [64, 32], Dropout = 0.1f },
            RegressorTraining = new TrainingOptions { Loss = TrainingLoss.MeanSquaredError, Epochs = 100, BatchSize = 32, LearningRate = 3e-3f },
            MonteCarloSamples = 20,
            // These networks are too small to gain from a second, busy core (see SasSelectorOptions.Threads).
            Threads = 1,
            Seed = 4,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Selector = SasModelSelector.Train(Training, Options);
        TrainingSeconds = clock.Elapsed.TotalSeconds;
    }

    public double TrainingSeconds { get; }

    public SasTrainingSet Training { get; }

    public SasTrainingSet Test { get; }

    public SasSelectorOptions Options { get; }

    public SasModelSelector Selector { get; }

    public void Dispose() => Selector.Dispose();
}
