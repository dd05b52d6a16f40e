using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Torch;

/// <summary>al_train_report, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeTrainReport
{
    public double FinalLoss;
    public double Seconds;
    public long SamplesSeen;
}
