using System.Reflection;
using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Torch;

/// <summary>Finds, loads and checks libautolab_torch.so, the C ABI shim over libtorch.</summary>
/// <remarks>
/// <para>
/// The library is searched in this order: the full path in the environment variable
/// <c>AUTOLAB_TORCH_SHIM</c>; <see cref="AppContext.BaseDirectory"/> (MSBuild copies it beside every
/// project that references AutoLab.Analysis); then <c>artifacts/native/lib</c> of the checkout, found
/// by walking up from the base directory (where <c>scripts/build-native.sh</c> puts it).
/// </para>
/// <para>
/// On first load the ABI version must equal the one this binding was written for, and libtorch's
/// threads are set deliberately to <see cref="Environment.ProcessorCount"/> (or
/// <c>AUTOLAB_TORCH_THREADS</c>), OpenBLAS's included, so that the two pools do not oversubscribe
/// the cores. <see cref="TorchRuntime.SetThreads"/> changes that later.
/// </para>
/// </remarks>
public static class TorchLibrary
{
    /// <summary>The file name of the shim.</summary>
    public const string FileName = "libautolab_torch.so";

    private static readonly Lazy<string?> Failure = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static nint _handle;

    /// <summary>Loads and checks the shim once per process; later calls return at once.</summary>
    /// <exception cref="TorchUnavailableException">The shim is missing, does not load, or has another ABI version.</exception>
    public static void EnsureLoaded()
    {
        if (Failure.Value is { } reason)
        {
            throw new TorchUnavailableException(reason);
        }
    }

    /// <summary>Whether the shim loads; never throws.</summary>
    /// <param name="reason">Why not (the same text as <see cref="TorchUnavailableException"/>), or "" when it does.</param>
    /// <returns>True when the Torch API can be used.</returns>
    public static bool IsAvailable(out string reason)
    {
        reason = Failure.Value ?? string.Empty;
        return reason.Length == 0;
    }

    /// <summary>The places searched, in order (for messages and tests).</summary>
    /// <returns>Candidate full paths of the shim.</returns>
    public static IReadOnlyList<string> Candidates()
    {
        var candidates = new List<string>();
        string? fromEnvironment = Environment.GetEnvironmentVariable("AUTOLAB_TORCH_SHIM");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, FileName));
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string built = Path.Combine(folder.FullName, "artifacts", "native", "lib", FileName);
            if (File.Exists(built))
            {
                candidates.Add(built);
                break;
            }
        }

        return candidates;
    }

    // Returns null on success, else the message for TorchUnavailableException. Runs once.
    private static string? Load()
    {
        IReadOnlyList<string> candidates = Candidates();
        var problems = new List<string>();
        foreach (string candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                problems.Add($"{candidate}: not found");
                continue;
            }

            if (!NativeLibrary.TryLoad(candidate, out nint handle))
            {
                // TryLoad hides dlopen's reason (usually a missing libtorch); Load reports it.
                try
                {
                    handle = NativeLibrary.Load(candidate);
                }
                catch (DllNotFoundException error)
                {
                    problems.Add($"{candidate}: does not load ({error.Message})");
                    continue;
                }
            }

            _handle = handle;
            NativeLibrary.SetDllImportResolver(typeof(TorchLibrary).Assembly, Resolve);
            int abi = NativeMethods.GetAbiVersion();
            if (abi != NativeMethods.AbiVersion)
            {
                return $"{candidate} has ABI version {abi} but this AutoLab needs {NativeMethods.AbiVersion}; " +
                       "rebuild it from this checkout with scripts/build-native.sh.";
            }

            NativeMethods.Check(NativeMethods.SetNumThreads(DefaultThreads()), "TorchLibrary.EnsureLoaded");
            return null;
        }

        if (!candidates.Any(c => c.Contains(Path.Combine("artifacts", "native", "lib"), StringComparison.Ordinal)))
        {
            problems.Add($"artifacts/native/lib/{FileName}: in no folder above {AppContext.BaseDirectory}");
        }

        return "the libtorch shim (" + FileName + ") is not available. Searched:\n  " + string.Join("\n  ", problems) +
               "\nTo fix: install libtorch (as root: apt-get install -y --no-install-recommends libtorch-dev libopenblas0-pthread), " +
               "then build the shim with scripts/build-native.sh (any build of AutoLab.Analysis runs it), " +
               "or set AUTOLAB_TORCH_SHIM to the library's full path.";
    }

    private static int DefaultThreads()
    {
        string? value = Environment.GetEnvironmentVariable("AUTOLAB_TORCH_THREADS");
        return int.TryParse(value, out int threads) && threads >= 1 ? threads : Environment.ProcessorCount;
    }

    // Every [LibraryImport("autolab_torch")] in this assembly (the unsupervised routines' too) binds to
    // the handle loaded above; other libraries fall through to the default search.
    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == NativeMethods.Library ? _handle : nint.Zero;
}
