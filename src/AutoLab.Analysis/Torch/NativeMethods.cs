using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Torch;

/// <summary>The runtime and network entry points of libautolab_torch.so (native/autolab_torch.h).</summary>
/// <remarks>
/// Callers go through <see cref="TorchLibrary.EnsureLoaded"/> first, which installs the resolver that
/// finds the library and turns a missing one into <see cref="TorchUnavailableException"/>. Functions
/// returning <c>int</c> give <see cref="Ok"/> or an error whose text <see cref="LastError"/> reads.
/// Strings the library owns come back as pointers, never as marshalled strings, because the
/// generated stub would free memory it does not own.
/// </remarks>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "autolab_torch";

    /// <summary>AL_OK.</summary>
    internal const int Ok = 0;

    /// <summary>AL_ABI_VERSION this binding was written against.</summary>
    internal const int AbiVersion = 2;

    [LibraryImport(Library, EntryPoint = "al_last_error")]
    internal static partial nint LastErrorPointer();

    [LibraryImport(Library, EntryPoint = "al_version")]
    internal static partial nint VersionPointer();

    [LibraryImport(Library, EntryPoint = "al_abi_version")]
    internal static partial int GetAbiVersion();

    [LibraryImport(Library, EntryPoint = "al_set_num_threads")]
    internal static partial int SetNumThreads(int threads);

    [LibraryImport(Library, EntryPoint = "al_get_num_threads")]
    internal static partial int GetNumThreads();

    [LibraryImport(Library, EntryPoint = "al_cuda_device_count")]
    internal static partial int CudaDeviceCount();

    [LibraryImport(Library, EntryPoint = "al_resolve_device", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ResolveDevice(string device, byte* buffer, int capacity);

    [LibraryImport(Library, EntryPoint = "al_model_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModelCreate(NativeNetworkSpec* spec, string device, out ModelHandle model);

    [LibraryImport(Library, EntryPoint = "al_model_free")]
    internal static partial void ModelFree(nint model);

    [LibraryImport(Library, EntryPoint = "al_model_parameter_count")]
    internal static partial int ModelParameterCount(ModelHandle model, out long count);

    [LibraryImport(Library, EntryPoint = "al_model_device")]
    internal static partial int ModelDevice(ModelHandle model, byte* buffer, int capacity);

    [LibraryImport(Library, EntryPoint = "al_model_train")]
    internal static partial int ModelTrain(
        ModelHandle model, float* x, long rows, long features, float* y, long targets, NativeTrainOptions* options, NativeTrainReport* report);

    [LibraryImport(Library, EntryPoint = "al_model_predict")]
    internal static partial int ModelPredict(ModelHandle model, float* x, long rows, long features, int monteCarloSamples, float* output);

    [LibraryImport(Library, EntryPoint = "al_model_save", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModelSave(ModelHandle model, string path);

    [LibraryImport(Library, EntryPoint = "al_model_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ModelLoad(ModelHandle model, string path);

    /// <summary>This thread's last error message from the library ("" when none).</summary>
    internal static string LastError => Marshal.PtrToStringUTF8(LastErrorPointer()) ?? string.Empty;

    /// <summary>Throws <see cref="TorchException"/> for a failed call, with the library's message.</summary>
    /// <param name="status">The call's return value.</param>
    /// <param name="operation">What was being done, for the message (e.g. "TorchNetwork.Train").</param>
    internal static void Check(int status, string operation)
    {
        if (status != Ok)
        {
            throw new TorchException(operation, LastError);
        }
    }

    /// <summary>Reads a string the library writes into a caller buffer (device names).</summary>
    /// <param name="write">The call, given a buffer and its capacity in bytes.</param>
    /// <param name="operation">What was being done, for the error message.</param>
    internal static string ReadString(Func<nint, int, int> write, string operation)
    {
        const int Capacity = 128;
        byte* buffer = stackalloc byte[Capacity];
        Check(write((nint)buffer, Capacity), operation);
        return Marshal.PtrToStringUTF8((nint)buffer) ?? string.Empty;
    }
}
