using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Torch;

/// <summary>al_train_options, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeTrainOptions
{
    public int Loss;
    public int Epochs;
    public int BatchSize;
    public float LearningRate;
    public float WeightDecay;
    public int CosineSchedule;
    public float FractionWeight;
    public float PresenceThreshold;
    public long Seed;
}
