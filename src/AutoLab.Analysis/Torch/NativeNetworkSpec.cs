using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Torch;

/// <summary>al_network_spec, field for field; the arrays point into memory pinned for the call.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeNetworkSpec
{
    public int Kind;
    public int InputLength;
    public int Outputs;
    public int ConvLayers;
    public int* ConvChannels;
    public int* ConvKernels;
    public int Pool;
    public int BatchNorm;
    public int HiddenLayers;
    public int* HiddenSizes;
    public float Dropout;
    public long Seed;
    public int InputChannels;
}
