namespace AutoLab.Analysis.Torch;

/// <summary>What a training run did.</summary>
/// <param name="FinalLoss">Mean training loss over the last epoch.</param>
/// <param name="Seconds">Wall time of the optimisation loop, s (the copy onto the device excluded).</param>
/// <param name="SamplesSeen">Epochs × rows.</param>
public sealed record TrainingReport(double FinalLoss, double Seconds, long SamplesSeen)
{
    /// <summary>Training throughput, samples/s (0 when no time was measured).</summary>
    public double SamplesPerSecond => Seconds > 0.0 ? SamplesSeen / Seconds : 0.0;
}
