using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.LinearAlgebra;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// Figures for the Gaussian-process strategies: hyperparameter fit beside scikit-learn on the same data
/// (<c>peers/sklearn_gp_fit.py</c>), "bo" suggestion latency, and simple regret on Hartmann6 and Branin.
/// </summary>
/// <remarks>
/// Both fits use Matérn-5/2 ARD × constant + white noise with the same bounds, the same first start, the same
/// number of full-data L-BFGS runs (1 + restarts) and the same OpenBLAS thread count
/// (<see cref="NativeLinearAlgebra.SetThreadCount"/> here, <c>OPENBLAS_NUM_THREADS</c> for Python). They differ in
/// where the random restarts begin: scikit-learn draws them log-uniformly; AutoLab's default fit
/// (<see cref="GaussianProcessOptions.WarmStartPoints"/>) screens 16 log-uniform candidates per restart on a
/// 250-point subset and runs each chosen restart to convergence on the subset before its full-data run, and that
/// subset work is timed and counted too. Regret is f(best point found) − f*, medians over seeds 1…k.
/// </remarks>
public static class GaussianProcessBenchmark
{
    /// <summary>Where the scikit-learn peer lives, relative to the repository root.</summary>
    public const string PeerScriptPath = "src/AutoLab.Orchestrator/Benchmarks/peers/sklearn_gp_fit.py";

    /// <summary>The Hartmann6 settings of issue 3: 10 Sobol points then 50 BO evaluations.</summary>
    public static IReadOnlyDictionary<string, string> Hartmann6Options { get; } = new Dictionary<string, string>
    {
        ["initial_points"] = "10",
        ["acquisition"] = "ucb",
    };

    /// <summary>The Branin settings: 6 Sobol points then 19 BO evaluations (25 in all).</summary>
    public static IReadOnlyDictionary<string, string> BraninOptions { get; } = new Dictionary<string, string>
    {
        ["initial_points"] = "6",
    };

    /// <summary>Training data for the fit comparison: uniform points in [0, 1]⁶ and Hartmann6 plus Gaussian noise of 0.05.</summary>
    /// <param name="n">Number of points.</param>
    /// <param name="seed">Seed.</param>
    /// <returns>Inputs and outputs.</returns>
    public static (double[][] X, double[] Y) FitData(int n, long seed)
    {
        Hartmann6 problem = new();
        SplitMix64 random = SplitMix64.ForStream(seed, 6);
        double[][] x = [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray())];
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = 1.0 - random.NextDouble();
            double v = random.NextDouble();
            y[i] = problem.Value(x[i]) + (0.05 * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
        }

        return (x, y);
    }

    /// <summary>Fits AutoLab's GP and times it.</summary>
    /// <param name="x">Inputs in the unit cube.</param>
    /// <param name="y">Outputs.</param>
    /// <param name="restarts">Random restarts beyond the first start.</param>
    /// <param name="threads">OpenBLAS threads.</param>
    /// <param name="seed">Seed of the restarts.</param>
    /// <returns>Wall time and the log marginal likelihood reached.</returns>
    public static FitFigures FitAutoLab(double[][] x, double[] y, int restarts, int threads, long seed)
    {
        NativeLinearAlgebra.SetThreadCount(threads);
        Stopwatch watch = Stopwatch.StartNew();
        GaussianProcess process = GaussianProcess.Fit(x, y, new GaussianProcessOptions { Restarts = restarts }, seed);
        watch.Stop();
        return new FitFigures("autolab", x.Length, x[0].Length, restarts, threads, watch.Elapsed.TotalSeconds, process.LogMarginalLikelihood, process.FitEvaluations, process.WarmStartEvaluations);
    }

    /// <summary>Runs the scikit-learn peer on the same data.</summary>
    /// <param name="x">Inputs in the unit cube.</param>
    /// <param name="y">Outputs.</param>
    /// <param name="restarts">n_restarts_optimizer.</param>
    /// <param name="threads">OPENBLAS_NUM_THREADS for the peer.</param>
    /// <param name="seed">random_state.</param>
    /// <param name="script">Path of <c>sklearn_gp_fit.py</c>.</param>
    /// <param name="python">Debian's interpreter, which carries python3-sklearn.</param>
    /// <returns>Wall time of fit() and the log marginal likelihood reached.</returns>
    /// <exception cref="InvalidOperationException">Python or scikit-learn is missing, or the script failed.</exception>
    public static FitFigures FitScikitLearn(double[][] x, double[] y, int restarts, int threads, long seed, string script, string python = "/usr/bin/python3")
    {
        string data = Path.Combine(Path.GetTempPath(), $"autolab-gp-bench-{Guid.NewGuid():N}.csv");
        try
        {
            StringBuilder csv = new();
            for (int i = 0; i < x.Length; i++)
            {
                csv.AppendJoin(',', x[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
                csv.Append(',').Append(y[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }

            File.WriteAllText(data, csv.ToString());
            ProcessStartInfo start = new(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(data);
            start.ArgumentList.Add("--restarts");
            start.ArgumentList.Add(restarts.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--seed");
            start.ArgumentList.Add(seed.ToString(CultureInfo.InvariantCulture));
            start.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
            start.Environment["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
            using Process process = StartPeer(start, python);
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the scikit-learn peer failed (exit {process.ExitCode}; is python3-sklearn installed? apt-get install -y python3-sklearn): {stderr.Result.Trim()}");
            }

            using JsonDocument document = JsonDocument.Parse(stdout);
            JsonElement root = document.RootElement;
            return new FitFigures("scikit-learn", x.Length, x[0].Length, restarts, threads, root.GetProperty("seconds").GetDouble(), root.GetProperty("log_marginal_likelihood").GetDouble(), root.GetProperty("evaluations").GetInt32(), 0);
        }
        finally
        {
            File.Delete(data);
        }
    }

    /// <summary>Both fits on the same data.</summary>
    /// <param name="n">Number of points (issue 3: 1000).</param>
    /// <param name="restarts">Random restarts for both.</param>
    /// <param name="threads">OpenBLAS threads for both.</param>
    /// <param name="seed">Data and restart seed.</param>
    /// <param name="script">Peer script, or null to search for <see cref="PeerScriptPath"/> upwards from the working and application directories.</param>
    /// <returns>Both figures and the speed-up.</returns>
    public static FitComparison CompareFit(int n = 1000, int restarts = 2, int threads = 1, long seed = 1, string? script = null)
    {
        (double[][] x, double[] y) = FitData(n, seed);
        FitFigures ours = FitAutoLab(x, y, restarts, threads, seed);
        FitFigures peer = FitScikitLearn(x, y, restarts, threads, seed, script ?? FindPeerScript());
        return new FitComparison(ours, peer, peer.Seconds / ours.Seconds, ours.LogMarginalLikelihood - peer.LogMarginalLikelihood);
    }

    /// <summary>Wall time of one "bo" suggestion (GP fit plus acquisition maximisation) with n Hartmann6 observations in the history.</summary>
    /// <param name="sizes">History sizes (issue 3: 100, 1000, 3000).</param>
    /// <param name="threads">OpenBLAS threads.</param>
    /// <param name="seed">Data seed.</param>
    /// <param name="options">"bo" options; defaults when null.</param>
    /// <returns>One figure per size.</returns>
    public static IReadOnlyList<LatencyFigure> SuggestionLatency(IReadOnlyList<int> sizes, int threads = 1, long seed = 1, IReadOnlyDictionary<string, string>? options = null)
    {
        NativeLinearAlgebra.SetThreadCount(threads);
        SearchSpace space = new([.. Enumerable.Range(0, 6).Select(i => new ParameterDefinition { Name = $"x{i}", Kind = ParameterKind.Continuous, Lower = 0.0, Upper = 1.0 })]);
        BayesianOptimizationStrategy strategy = new();
        List<LatencyFigure> figures = [];
        foreach (int n in sizes)
        {
            (double[][] x, double[] y) = FitData(n, seed);
            Observation[] history = [.. x.Select((point, i) => new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = i + 1,
                Parameters = space.FromUnit(point),
                Objectives = new Dictionary<string, double> { ["f"] = y[i] },
            })];
            SuggestionRequest request = new()
            {
                Space = space,
                Objectives = [new ObjectiveDefinition { Name = "f", Direction = ObjectiveDirection.Minimize }],
                History = history,
                Count = 1,
                Seed = seed,
                SuggestedSoFar = n,
                Options = new StrategyOptions(options),
            };
            Stopwatch watch = Stopwatch.StartNew();
            strategy.Suggest(request);
            figures.Add(new LatencyFigure(n, threads, watch.Elapsed.TotalSeconds));
        }

        return figures;
    }

    /// <summary>Simple regret of "bo" on Hartmann6 after 10 Sobol + 50 BO evaluations, per seed and median.</summary>
    /// <param name="seeds">Number of seeds (1…k); issue 3 asks for at least 10.</param>
    /// <param name="options">"bo" options; <see cref="Hartmann6Options"/> when null.</param>
    /// <returns>The figures.</returns>
    public static RegretFigures Hartmann6Regret(int seeds = 10, IReadOnlyDictionary<string, string>? options = null) =>
        Regret(new Hartmann6(), 60, seeds, options ?? Hartmann6Options);

    /// <summary>Simple regret of "bo" on Branin after 25 evaluations, per seed and median.</summary>
    /// <param name="seeds">Number of seeds (1…k).</param>
    /// <param name="options">"bo" options; <see cref="BraninOptions"/> when null.</param>
    /// <returns>The figures.</returns>
    public static RegretFigures BraninRegret(int seeds = 10, IReadOnlyDictionary<string, string>? options = null) =>
        Regret(new Branin(), 25, seeds, options ?? BraninOptions);

    /// <summary>Finds the peer script.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="InvalidOperationException">Not found above the working or application directory.</exception>
    public static string FindPeerScript()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, PeerScriptPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"{PeerScriptPath} not found above {Directory.GetCurrentDirectory()}; run from the repository");
    }

    private static RegretFigures Regret(SingleObjectiveProblem problem, int evaluations, int seeds, IReadOnlyDictionary<string, string> options)
    {
        BayesianOptimizationStrategy strategy = new();
        double[] regrets = new double[seeds];
        Stopwatch watch = Stopwatch.StartNew();
        for (int s = 0; s < seeds; s++)
        {
            SequentialRun run = SequentialOptimizer.Minimize(strategy, u => problem.Value(Scale(problem, u)), problem.Dimension, evaluations, s + 1, options);
            regrets[s] = run.BestValue - problem.MinimumValue;
        }

        double[] sorted = [.. regrets.Order()];
        double median = seeds % 2 == 1 ? sorted[seeds / 2] : 0.5 * (sorted[(seeds / 2) - 1] + sorted[seeds / 2]);
        return new RegretFigures(problem.Name, evaluations, seeds, median, regrets, watch.Elapsed.TotalSeconds);
    }

    private static double[] Scale(SingleObjectiveProblem problem, double[] unit)
    {
        double[] x = new double[unit.Length];
        for (int k = 0; k < unit.Length; k++)
        {
            x[k] = problem.Lower[k] + (unit[k] * (problem.Upper[k] - problem.Lower[k]));
        }

        return x;
    }

    private static Process StartPeer(ProcessStartInfo start, string python)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {python}: {e.Message}", e);
        }
    }

    /// <summary>One GP fit: who, size, restarts, threads, wall seconds, log marginal likelihood (nats, standardised outputs), likelihood evaluations.</summary>
    /// <param name="Implementation">"autolab" or "scikit-learn".</param>
    /// <param name="N">Points.</param>
    /// <param name="Dimension">Inputs.</param>
    /// <param name="Restarts">Random restarts.</param>
    /// <param name="Threads">OpenBLAS threads.</param>
    /// <param name="Seconds">Wall time of the fit, s.</param>
    /// <param name="LogMarginalLikelihood">At the optimum, nats.</param>
    /// <param name="Evaluations">Likelihood evaluations on all the data (AutoLab: value-only line-search trials included; scikit-learn: calls with gradient).</param>
    /// <param name="SubsetEvaluations">Likelihood evaluations on the warm-start subset (AutoLab only; 0 for scikit-learn).</param>
    public sealed record FitFigures(string Implementation, int N, int Dimension, int Restarts, int Threads, double Seconds, double LogMarginalLikelihood, int Evaluations, int SubsetEvaluations);

    /// <summary>The fit comparison.</summary>
    /// <param name="AutoLab">Our fit.</param>
    /// <param name="ScikitLearn">scikit-learn's fit.</param>
    /// <param name="Speedup">scikit-learn seconds / our seconds.</param>
    /// <param name="LogLikelihoodDifference">Our LML − scikit-learn's, nats (≥ 0: ours is at least as good).</param>
    public sealed record FitComparison(FitFigures AutoLab, FitFigures ScikitLearn, double Speedup, double LogLikelihoodDifference);

    /// <summary>One latency figure.</summary>
    /// <param name="N">Observations in the history.</param>
    /// <param name="Threads">OpenBLAS threads.</param>
    /// <param name="Seconds">Wall time of one suggestion, s.</param>
    public sealed record LatencyFigure(int N, int Threads, double Seconds);

    /// <summary>Regret figures.</summary>
    /// <param name="Problem">Problem name.</param>
    /// <param name="Evaluations">Evaluations per run.</param>
    /// <param name="Seeds">Runs.</param>
    /// <param name="MedianRegret">Median simple regret.</param>
    /// <param name="Regrets">Simple regret per seed (seed 1 first).</param>
    /// <param name="Seconds">Wall time of all runs, s.</param>
    public sealed record RegretFigures(string Problem, int Evaluations, int Seeds, double MedianRegret, IReadOnlyList<double> Regrets, double Seconds);
}
