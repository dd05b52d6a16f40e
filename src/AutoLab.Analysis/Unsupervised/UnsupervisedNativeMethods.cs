using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>The unsupervised entry points of libautolab_torch.so (al_nmf, al_pca, al_kmeans, al_gmm).</summary>
/// <remarks>
/// The public wrappers call <see cref="Torch.TorchLibrary.EnsureLoaded"/> before the first call here; it
/// installs the resolver that binds the library name "autolab_torch" to the loaded shim.
/// </remarks>
internal static unsafe partial class UnsupervisedNativeMethods
{
    private const string Library = "autolab_torch";

    [LibraryImport(Library, EntryPoint = "al_nmf", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Nmf(
        float* x, long rows, long cols, int rank, int maxIterations, double tolerance, int init, long seed, string device,
        float* w, float* h, NativeNmfResult* result);

    [LibraryImport(Library, EntryPoint = "al_pca", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Pca(
        float* x, long rows, long cols, int k, string device, float* components, float* explainedVariance, float* mean, float* scores);

    [LibraryImport(Library, EntryPoint = "al_kmeans", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int KMeans(
        float* x, long rows, long cols, int k, int restarts, int maxIterations, double tolerance, long seed, string device,
        int* labels, float* centers, double* inertia, int* iterations);

    [LibraryImport(Library, EntryPoint = "al_gmm", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Gmm(
        float* x, long rows, long cols, int k, int maxIterations, double tolerance, double regularization, long seed, string device,
        float* weights, float* means, float* covariances, float* responsibilities, double* logLikelihood, int* iterations);
}
