namespace AutoLab.Analysis.Torch;

/// <summary>A libtorch network (MLP or 1-D CNN) held by the shim: train, predict, save, load.</summary>
/// <remarks>
/// <para>
/// Arrays are float32, row-major: inputs (rows × <see cref="NetworkSpec.InputWidth"/>), targets
/// (rows × width), predictions (rows × <see cref="NetworkSpec.Outputs"/>, raw logits). The shim copies
/// inputs once, onto the device, and keeps nothing of the caller's memory.
/// </para>
/// <para>
/// Thread safety: calls on one instance are serialised with a lock, because a libtorch module is not
/// safe for a concurrent train and predict (training flips it to training mode and changes its
/// weights in place). Separate instances run in parallel. Same spec seed, same options seed and same
/// thread count give the same predictions on the CPU, provided no other network trains in the
/// process at the same time (dropout masks draw from libtorch's process-wide generator).
/// </para>
/// <seealso cref="TorchRuntime"/>
/// </remarks>
public sealed class TorchNetwork : IDisposable
{
    private readonly ModelHandle _handle;
    private readonly Lock _gate = new();

    private TorchNetwork(ModelHandle handle, NetworkSpec spec, string device, long parameterCount)
    {
        _handle = handle;
        Spec = spec;
        Device = device;
        ParameterCount = parameterCount;
    }

    /// <summary>The architecture this network was built with.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Where it lives, e.g. "cpu" or "cuda:0" ("auto" already resolved).</summary>
    public string Device { get; }

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount { get; }

    /// <summary>Builds a network with freshly initialised weights (seeded by <see cref="NetworkSpec.Seed"/>).</summary>
    /// <param name="spec">The architecture; validated first.</param>
    /// <param name="device">"cpu", "cuda", "cuda:N" or "auto".</param>
    /// <returns>The network; dispose it.</returns>
    /// <exception cref="ArgumentException">The spec is invalid.</exception>
    /// <exception cref="TorchException">The shim refused (e.g. CUDA asked for where there is none).</exception>
    /// <exception cref="TorchUnavailableException">The shim is not installed.</exception>
    public static unsafe TorchNetwork Create(NetworkSpec spec, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        spec.Validate();
        TorchLibrary.EnsureLoaded();
        int[] channels = [.. spec.ConvChannels];
        int[] kernels = [.. spec.ConvKernels];
        int[] hidden = [.. spec.HiddenSizes];
        ModelHandle handle;
        fixed (int* channelsPointer = channels)
        fixed (int* kernelsPointer = kernels)
        fixed (int* hiddenPointer = hidden)
        {
            var native = new NativeNetworkSpec
            {
                Kind = (int)spec.Kind,
                InputLength = spec.InputLength,
                Outputs = spec.Outputs,
                ConvLayers = spec.Kind == NetworkKind.Cnn1D ? channels.Length : 0,
                ConvChannels = channelsPointer,
                ConvKernels = kernelsPointer,
                Pool = spec.Pool,
                BatchNorm = spec.BatchNorm ? 1 : 0,
                HiddenLayers = hidden.Length,
                HiddenSizes = hiddenPointer,
                Dropout = spec.Dropout,
                Seed = spec.Seed,
                InputChannels = spec.InputChannels,
            };
            int status = NativeMethods.ModelCreate(&native, device, out handle);
            if (status != NativeMethods.Ok)
            {
                string message = NativeMethods.LastError;
                handle.Dispose();
                throw new TorchException("TorchNetwork.Create", message);
            }
        }

        try
        {
            NativeMethods.Check(NativeMethods.ModelParameterCount(handle, out long count), "TorchNetwork.Create");
            string resolved = NativeMethods.ReadString(
                (buffer, capacity) => NativeMethods.ModelDevice(handle, (byte*)buffer, capacity), "TorchNetwork.Create");
            return new TorchNetwork(handle, spec, resolved, count);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Builds a network of <paramref name="spec"/> and loads weights saved by <see cref="Save"/>.</summary>
    /// <param name="spec">The spec the weights were saved with.</param>
    /// <param name="path">The file <see cref="Save"/> wrote.</param>
    /// <param name="device">"cpu", "cuda", "cuda:N" or "auto"; need not be where it was saved.</param>
    /// <returns>The network; dispose it.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="TorchException">The file was saved from another spec (the message names the first differing tensor) or is not a saved network.</exception>
    public static TorchNetwork Load(NetworkSpec spec, string path, string device = "cpu")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no saved network at {path}", path);
        }

        TorchNetwork network = Create(spec, device);
        try
        {
            NativeMethods.Check(NativeMethods.ModelLoad(network._handle, Path.GetFullPath(path)), $"TorchNetwork.Load({path})");
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Trains in place with Adam over shuffled minibatches.</summary>
    /// <param name="inputs">rows × <see cref="NetworkSpec.InputWidth"/>, finite.</param>
    /// <param name="targets">rows × width; the width (targets.Length / rows) must fit the loss (see <see cref="TrainingLoss"/>).</param>
    /// <param name="rows">Number of samples, at least 1.</param>
    /// <param name="options">Loss, epochs, batch size, learning rate, seed.</param>
    /// <returns>Final loss, time and throughput.</returns>
    /// <exception cref="ArgumentException">Lengths do not match rows or the spec.</exception>
    /// <exception cref="TorchException">The shim refused (a non-finite value, named by row; targets out of range) or training diverged.</exception>
    public unsafe TrainingReport Train(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int rows, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckInputs(inputs, rows);
        if (targets.Length == 0 || targets.Length % rows != 0)
        {
            throw new ArgumentException($"length {targets.Length} is not a positive multiple of rows ({rows})", nameof(targets));
        }

        CheckOptions(options);
        var native = new NativeTrainOptions
        {
            Loss = (int)options.Loss,
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            WeightDecay = options.WeightDecay,
            CosineSchedule = options.CosineSchedule ? 1 : 0,
            FractionWeight = options.FractionWeight,
            PresenceThreshold = options.PresenceThreshold,
            Seed = options.Seed,
        };
        NativeTrainReport report;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            fixed (float* x = inputs)
            fixed (float* y = targets)
            {
                NativeMethods.Check(
                    NativeMethods.ModelTrain(_handle, x, rows, Spec.InputWidth, y, targets.Length / rows, &native, &report),
                    "TorchNetwork.Train");
            }
        }

        return new TrainingReport(report.FinalLoss, report.Seconds, report.SamplesSeen);
    }

    /// <summary>Raw outputs (logits: no softmax or sigmoid) for each row.</summary>
    /// <param name="inputs">rows × <see cref="NetworkSpec.InputWidth"/>, finite.</param>
    /// <param name="rows">Number of samples, at least 1.</param>
    /// <param name="monteCarloSamples">
    /// 0: evaluation mode (dropout off, batch-norm running statistics), deterministic; the result is
    /// rows × outputs. N ≥ 1: N Monte-Carlo dropout passes (dropout on, batch norm in evaluation
    /// mode); the result is N × rows × outputs, pass-major.
    /// </param>
    /// <returns>The outputs as described.</returns>
    /// <exception cref="ArgumentException">Lengths do not match rows or the spec, or a negative sample count.</exception>
    /// <exception cref="TorchException">The shim refused (a non-finite input, named by row).</exception>
    public unsafe float[] Predict(ReadOnlySpan<float> inputs, int rows, int monteCarloSamples = 0)
    {
        CheckInputs(inputs, rows);
        ArgumentOutOfRangeException.ThrowIfNegative(monteCarloSamples);
        float[] output = new float[(long)Math.Max(monteCarloSamples, 1) * rows * Spec.Outputs];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            fixed (float* x = inputs)
            fixed (float* y = output)
            {
                NativeMethods.Check(
                    NativeMethods.ModelPredict(_handle, x, rows, Spec.InputWidth, monteCarloSamples, y), "TorchNetwork.Predict");
            }
        }

        return output;
    }

    /// <summary>Saves parameters and buffers (a torch::save archive); reload with <see cref="Load"/> and the same spec.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="TorchException">The file could not be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            NativeMethods.Check(NativeMethods.ModelSave(_handle, Path.GetFullPath(path)), $"TorchNetwork.Save({path})");
        }
    }

    /// <summary>Frees the native model; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _handle.Dispose();
        }
    }

    private static void CheckOptions(TrainingOptions options)
    {
        if (options.Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be >= 1, got {options.Epochs}", nameof(options));
        }

        if (options.BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be >= 1, got {options.BatchSize}", nameof(options));
        }

        if (!(options.LearningRate > 0f) || float.IsInfinity(options.LearningRate))
        {
            throw new ArgumentException($"LearningRate must be finite and > 0, got {options.LearningRate}", nameof(options));
        }
    }

    private void CheckInputs(ReadOnlySpan<float> inputs, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (inputs.Length != (long)rows * Spec.InputWidth)
        {
            throw new ArgumentException(
                $"length {inputs.Length} != rows ({rows}) x input width ({Spec.InputLength} points x {Spec.InputChannels} channels)", nameof(inputs));
        }
    }
}
