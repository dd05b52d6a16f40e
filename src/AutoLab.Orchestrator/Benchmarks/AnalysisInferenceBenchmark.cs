using System.Diagnostics;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Xrd;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Inference latency of the phase-identification CNN: one pattern at a time and in batches, for one network and an ensemble.</summary>
/// <remarks>
/// The networks have the phase identifier's shape (2K outputs: presence and fraction logits) and run in
/// evaluation mode; latency does not depend on the weights, so they are not trained. An ensemble's time is
/// the sum of its members' (they run one after another, as <c>PhaseIdentifier</c> runs them). Preprocessing
/// is excluded: the inputs are already preprocessed patterns.
/// </remarks>
public static class AnalysisInferenceBenchmark
{
    /// <summary>Times predictions on rows of <paramref name="data"/>.</summary>
    /// <param name="settings">Call counts, batch size, ensemble size, threads, device.</param>
    /// <param name="data">Preprocessed patterns; rows are reused cyclically to fill a batch.</param>
    /// <returns>The figures.</returns>
    public static InferenceFigures Measure(AnalysisBenchSettings settings, XrdTrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        TorchRuntime.SetThreads(settings.Threads);
        int length = data.Grid.Points;
        int outputs = 2 * data.PhaseNames.Count;
        TorchNetwork[] members = new TorchNetwork[settings.EnsembleSize];
        try
        {
            for (int m = 0; m < members.Length; m++)
            {
                members[m] = TorchNetwork.Create(AnalysisBenchmark.PhaseCnn(length, outputs, 100 + m), settings.Device);
            }

            float[] single = data.Input(0).ToArray();
            float[] batch = new float[settings.InferenceBatch * length];
            for (int r = 0; r < settings.InferenceBatch; r++)
            {
                data.Input(r % data.Count).CopyTo(batch.AsSpan(r * length, length));
            }

            int warmUp = Math.Max(3, settings.InferenceSingleCalls / 10);
            double singleSeconds = MedianSeconds(members[..1], single, 1, warmUp, settings.InferenceSingleCalls);
            double ensembleSingleSeconds = MedianSeconds(members, single, 1, warmUp, settings.InferenceSingleCalls);
            double batchSeconds = MedianSeconds(members[..1], batch, settings.InferenceBatch, 2, settings.InferenceBatchCalls);
            double ensembleBatchSeconds = MedianSeconds(members, batch, settings.InferenceBatch, 2, settings.InferenceBatchCalls);
            return new InferenceFigures(
                members[0].Device, settings.Threads, length, outputs, members.Length, settings.InferenceBatch,
                singleSeconds * 1e6, settings.InferenceBatch / batchSeconds,
                ensembleSingleSeconds * 1e6, settings.InferenceBatch / ensembleBatchSeconds);
        }
        finally
        {
            foreach (TorchNetwork? member in members)
            {
                member?.Dispose();
            }
        }
    }

    // Median wall time of one call through every network in turn; the warm-up calls let libtorch size its buffers first.
    private static double MedianSeconds(TorchNetwork[] networks, float[] inputs, int rows, int warmUp, int calls)
    {
        double[] times = new double[calls];
        for (int i = -warmUp; i < calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            foreach (TorchNetwork network in networks)
            {
                network.Predict(inputs, rows);
            }

            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
        }

        return AnalysisBenchmark.Median(times);
    }
}
