using System.Collections.Concurrent;
using System.Globalization;
using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Contracts;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Models;

/// <summary>
/// "adaptive-xrd": identifies the phases in a sample's merged pattern and decides whether its adaptive measurement
/// stops or which 2θ window is re-measured next, with a longer count (<see cref="AdaptiveXrdPolicy"/>).
/// </summary>
/// <remarks>
/// <para>The stage is stateless: it reads the pattern the diffractometer merged from every scan of the sample so far
/// (option <c>accumulate: true</c>: counts per second under key <c>key</c>, default "pattern", and the summed
/// exposure per point under <c>exposure_key</c>, default "exposure_s"), so any analysis worker can take any scan.
/// The merged pattern goes through the registry phase identifier, as in <see cref="PhaseIdModel"/>; the policy
/// (XRD-AutoAnalyzer's adaptive scans, Szymanski et al., npj Comput. Mater. 9, 31, 2023) then sees the same sums
/// (<see cref="AdaptiveXrdMeasurement"/>), rebuilt on the instrument's grid from the rates and exposures.</para>
/// <para>Objectives: <c>decision_confidence</c>; <c>confident</c> (1 when it reached the threshold) and <c>stop</c>
/// (1 when confident or after the most windows); <c>next_two_theta_start</c>, <c>next_two_theta_stop</c> (degrees)
/// and <c>next_count_time</c> (s per point) of the next window, or the full range at the fast count time when
/// stopping, so every output is a number; <c>next_scans</c> = K, the scans of that window, with
/// <c>next_scan_k_start</c> and <c>next_scan_k_stop</c> for k = 1 … K (one scan for a span; several for segments);
/// <c>scans</c>, <c>windows</c> and <c>counting_seconds</c> so far; <c>phases_present</c>, <c>top_phase_index</c>,
/// <c>top_phase_confidence</c> and <c>presence_P</c> per phase.</para>
/// <para>Windows so far: the point's integer knob <c>window</c> when it has one (the <c>adaptive-scan</c> strategy
/// sets it when the space holds it), else the instrument's <c>scans</c> reading less the fast scan. Segmented
/// windows take several scans each, so with <c>segment_width</c> set the knob is required.</para>
/// <para>Options: <c>model</c> (default <see cref="XrdPhaseBuiltIn.ModelName"/>; its phases must be phases of the
/// built-in Fe–Ni–Al diagram, whose expected patterns the policy computes), <c>train</c>, <c>key</c>,
/// <c>exposure_key</c>, <c>threshold</c> (default 0.95), <c>max_windows</c> (default 4), <c>window_width</c>
/// (degrees, default 4), <c>window_factor</c> (default 8), <c>segment_width</c> (degrees, default 0: each window one
/// span; else the span's points in segments of this width, <see cref="AdaptiveXrdOptions.SegmentWidth"/>),
/// <c>fast_count_time</c> (s per point; default the
/// smallest exposure in the pattern, which is the fast scan's wherever no window fell), <c>map</c>.</para>
/// <seealso cref="AdaptiveXrdPolicy"/> <seealso cref="PhaseIdModel"/>
/// </remarks>
public sealed class AdaptiveXrdStage(RegistryModelCache models) : IAnalysisModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "adaptive-xrd";

    /// <summary>The point's knob numbering the windows (0 for the fast scan), as the adaptive-scan strategy sets it.</summary>
    public const string WindowKnob = "window";

    /// <summary>The exposure data key read by default.</summary>
    public const string DefaultExposureKey = "exposure_s";

    // Policies compute every phase's expected pattern once per grid and settings; campaigns reuse a handful.
    private readonly ConcurrentDictionary<string, AdaptiveXrdPolicy> _policies = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public AnalysisResult Apply(AnalysisInput input, IReadOnlyDictionary<string, string> options)
    {
        ModelOptions read = new(Name, options, "model", "key", "exposure_key", "train", "threshold", "max_windows", "window_width", "window_factor", "segment_width", "fast_count_time", "map");
        string modelName = read.GetString("model") ?? XrdPhaseBuiltIn.ModelName;
        MeasuredArray pattern = DataFiles.ReadArray(input, read.GetString("key") ?? PhaseIdModel.DefaultKey);
        pattern.RequireCounts("count rates", PatternPreprocessor.MinimumPoints);
        MeasuredArray exposure = DataFiles.ReadArray(input, read.GetString("exposure_key") ?? DefaultExposureKey);
        if (exposure.Values.Length != pattern.Values.Length || exposure.Values.Any(e => !(e > 0) || !double.IsFinite(e)))
        {
            throw new AnalysisException($"{exposure.Path}: the exposure must give a positive time for each of the pattern's {pattern.Values.Length} points; got {exposure.Values.Length} values");
        }

        SharedModel<PhaseIdentifier> shared = models.PhaseIdentifier(modelName, StageOutputs.Policy(read));
        PhasePrediction prediction = Predict(shared, pattern, exposure);
        XrdPatternGrid grid = GridOf(pattern);
        AdaptiveXrdOptions settings = new()
        {
            ConfidenceThreshold = read.GetDouble("threshold", 0.95),
            MaxSteps = (int)read.GetDouble("max_windows", 4),
            WindowWidth = read.GetDouble("window_width", 4.0),
            WindowCountFactor = read.GetDouble("window_factor", 8.0),
            SegmentWidth = read.GetDouble("segment_width", 0.0),
            FastCountTime = read.GetDouble("fast_count_time", exposure.Values.Min()),
        };
        AdaptiveXrdPolicy policy = PolicyFor(modelName, shared, grid, settings);
        AdaptiveXrdMeasurement measurement = Rebuild(grid, pattern, exposure);
        int scans = input.Readings.TryGetValue("scans", out double reported) && reported >= 1 ? (int)reported : 1;
        int windows = WindowsSoFar(input.Parameters, scans, settings.SegmentWidth, pattern.Path);
        AdaptiveXrdDecision decision = policy.Decide(measurement, prediction, windows);
        double countingSeconds = input.Readings.TryGetValue("exposure_total_s", out double total) ? total : exposure.Values.Sum();

        Dictionary<string, double> objectives = new(StringComparer.Ordinal)
        {
            ["decision_confidence"] = decision.Confidence,
            ["confident"] = decision.Reason == "confident" ? 1.0 : 0.0,
            ["stop"] = decision.Stop ? 1.0 : 0.0,
            ["next_two_theta_start"] = decision.Stop ? grid.Start : decision.WindowStart,
            ["next_two_theta_stop"] = decision.Stop ? grid.Stop : decision.WindowStop,
            ["next_count_time"] = decision.Stop ? settings.FastCountTime : decision.CountTime,
            ["next_scans"] = decision.Stop ? 1 : decision.Scans.Count,
            ["scans"] = scans,
            ["windows"] = windows,
            ["counting_seconds"] = countingSeconds,
            ["phases_present"] = prediction.Presence.Count(p => p >= EnsembleCombiner.PresenceCut),
            ["top_phase_index"] = prediction.TopPhase,
            ["top_phase_confidence"] = prediction.Confidence,
        };
        NextScans(decision, grid, objectives);
        Dictionary<string, double> uncertainties = new(StringComparer.Ordinal);
        for (int k = 0; k < prediction.PhaseNames.Count; k++)
        {
            string slug = StageOutputs.Slug(prediction.PhaseNames[k]);
            objectives[$"presence_{slug}"] = prediction.Presence[k];
            uncertainties[$"presence_{slug}"] = prediction.PresenceSpread[k];
        }

        StageOutputs.ApplyMap(read.GetString("map"), objectives, uncertainties);
        return new AnalysisResult
        {
            Objectives = objectives,
            Uncertainties = uncertainties,
            Diagnostics = new Dictionary<string, double>(StringComparer.Ordinal) { ["candidates"] = decision.Candidates.Count },
        };
    }

    // Segments take one experiment each, so the scans the instrument counted no longer say how many windows were
    // measured; the strategy numbers them on the point.
    private static int WindowsSoFar(ParameterPoint point, int scans, double segmentWidth, string path)
    {
        if (point.Values.TryGetValue(WindowKnob, out double window))
        {
            if (!(window >= 0) || window != Math.Floor(window))
            {
                throw new AnalysisException($"{path}: the point's '{WindowKnob}' knob must be a whole number of windows from 0; got {window.ToString(CultureInfo.InvariantCulture)}");
            }

            return (int)window;
        }

        return segmentWidth > 0
            ? throw new AnalysisException($"{path}: with segment_width set a window takes several scans, so the point needs the integer knob '{WindowKnob}' (add {{name: {WindowKnob}, type: integer, bounds: [0, max_windows]}} to the space; the adaptive-scan strategy fills it)")
            : scans - 1;
    }

    // The scans of the next window as numbered outputs; a stop asks for the fast full scan, as the span outputs do.
    private static void NextScans(AdaptiveXrdDecision decision, XrdPatternGrid grid, Dictionary<string, double> objectives)
    {
        if (decision.Stop)
        {
            objectives["next_scan_1_start"] = grid.Start;
            objectives["next_scan_1_stop"] = grid.Stop;
            return;
        }

        for (int k = 0; k < decision.Scans.Count; k++)
        {
            ScanRange scan = decision.Scans[k];
            string n = (k + 1).ToString(CultureInfo.InvariantCulture);
            objectives[$"next_scan_{n}_start"] = scan.Start;
            objectives[$"next_scan_{n}_stop"] = scan.At(scan.Points - 1);
        }
    }

    /// <summary>The instrument's grid as the merged pattern shows it: first to last point at the smallest spacing.</summary>
    /// <param name="pattern">The merged pattern, ascending 2θ.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="AnalysisException">The axis is not ascending.</exception>
    public static XrdPatternGrid GridOf(MeasuredArray pattern)
    {
        double step = double.PositiveInfinity;
        for (int i = 1; i < pattern.Axis.Length; i++)
        {
            double gap = pattern.Axis[i] - pattern.Axis[i - 1];
            if (!(gap > 0))
            {
                throw new AnalysisException($"{pattern.Path}: 2θ must ascend; point {i} is at {pattern.Axis[i]}° after {pattern.Axis[i - 1]}°");
            }

            step = Math.Min(step, gap);
        }

        int points = (int)Math.Round((pattern.Axis[^1] - pattern.Axis[0]) / step) + 1;
        return new XrdPatternGrid(pattern.Axis[0], pattern.Axis[^1], points);
    }

    /// <summary>The policy's view of the merged pattern: per grid point the counts (rate × exposure) and the exposure.</summary>
    /// <param name="grid">The grid (from <see cref="GridOf"/>).</param>
    /// <param name="pattern">Merged count rates (counts/s).</param>
    /// <param name="exposure">Summed exposure per point (s).</param>
    /// <returns>The measurement, with the same sums the instrument holds.</returns>
    public static AdaptiveXrdMeasurement Rebuild(XrdPatternGrid grid, MeasuredArray pattern, MeasuredArray exposure)
    {
        AdaptiveXrdMeasurement measurement = new(grid);
        // Points that share an exposure were counted for the same time in total; one pattern per exposure
        // restores their counts exactly (a handful of groups: the fast scan, and each overlap of windows).
        foreach (IGrouping<double, int> group in Enumerable.Range(0, pattern.Axis.Length).GroupBy(i => exposure.Values[i]))
        {
            int[] points = [.. group];
            measurement.Add(new PowderPattern([.. points.Select(i => pattern.Axis[i])], [.. points.Select(i => pattern.Values[i] * group.Key)], group.Key));
        }

        return measurement;
    }

    private static PhasePrediction Predict(SharedModel<PhaseIdentifier> shared, MeasuredArray pattern, MeasuredArray exposure)
    {
        PatternPreprocessor preprocessor = shared.Use(identifier => identifier.Preprocessor);
        float[] features = new float[preprocessor.InputWidth];
        try
        {
            // The pattern holds rates; a model with the exposure channel also reads how long each point was counted.
            preprocessor.Process(pattern.Axis, pattern.Values, exposure.Values, features);
        }
        catch (ArgumentException ex)
        {
            throw new AnalysisException($"{pattern.Path}: {ex.Message}", ex);
        }

        return shared.Use(identifier => identifier.PredictPreprocessed(features, 1)[0]);
    }

    private AdaptiveXrdPolicy PolicyFor(string modelName, SharedModel<PhaseIdentifier> shared, XrdPatternGrid grid, AdaptiveXrdOptions settings)
    {
        string key = string.Create(CultureInfo.InvariantCulture, $"{modelName}|{grid.Start:R}|{grid.Stop:R}|{grid.Points}|{settings}");
        return _policies.GetOrAdd(key, _ =>
        {
            (IReadOnlyList<string> names, DiffractometerSettings instrument) = shared.Use(identifier => (identifier.PhaseNames, identifier.Manifest.Options.Data.Instrument));
            IReadOnlyList<DiagramPhase> known = BuiltInPhaseDiagrams.FeNiAl().Phases;
            List<DiagramPhase> phases = [];
            foreach (string name in names)
            {
                phases.Add(known.FirstOrDefault(p => p.Name == name)
                    ?? throw new AnalysisException($"model '{modelName}' identifies '{name}', which is not a phase of the built-in Fe-Ni-Al diagram; adaptive-xrd computes its window from those phases' patterns"));
            }

            try
            {
                return new AdaptiveXrdPolicy(phases, grid, instrument, settings);
            }
            catch (ArgumentException ex)
            {
                throw new AnalysisException($"model '{ModelName}': {ex.Message}", ex);
            }
        });
    }
}
