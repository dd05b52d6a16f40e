using System.Diagnostics;
using System.Text.Json;
using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// NSGA-II and the ML-enhanced MOGA on ZDT1 (30 variables, population 100, 250 generations) and 3-objective
/// DTLZ2, beside DEAP's NSGA-II with the same operators in the same run (<c>peers/deap_nsga2.py</c>).
/// </summary>
/// <remarks>
/// Both sides time the generational loop after the initial population (249 generations of breeding,
/// evaluation and survival, evaluation included) and report the hypervolume of the final first front at
/// (1.1, 1.1), or (1.1, 1.1, 1.1) for DTLZ2. Figures are medians over seeds. Operators on both sides: SBX
/// η = 20 with probability 0.9 per pair, polynomial mutation η = 20 with probability 1/n per variable.
/// </remarks>
public static class GeneticBenchmark
{
    /// <summary>Population size of every run.</summary>
    public const int PopulationSize = 100;

    /// <summary>Generations of every run, the initial population included.</summary>
    public const int Generations = 250;

    /// <summary>ZDT1 variables.</summary>
    public const int Zdt1Dimension = 30;

    /// <summary>Where the peer script lives, relative to the repository root.</summary>
    public const string PeerScriptPath = "src/AutoLab.Orchestrator/Benchmarks/peers/deap_nsga2.py";

    /// <summary>One seeded run: seconds per generation and the final hypervolume.</summary>
    /// <param name="Seed">The seed.</param>
    /// <param name="SecondsPerGeneration">Wall time of the loop after the initial population, divided by its generations, in s.</param>
    /// <param name="Hypervolume">Hypervolume of the final first front at the reference point.</param>
    public sealed record SeedRun(int Seed, double SecondsPerGeneration, double Hypervolume);

    /// <summary>The suite's figures, medians over seeds.</summary>
    public sealed record Figures
    {
        /// <summary>Seeds per figure.</summary>
        public required int Seeds { get; init; }

        /// <summary>AutoLab NSGA-II on ZDT1: median seconds per generation.</summary>
        public required double Nsga2Zdt1SecondsPerGeneration { get; init; }

        /// <summary>AutoLab NSGA-II on ZDT1: median hypervolume at (1.1, 1.1); the true front's is 0.8767.</summary>
        public required double Nsga2Zdt1Hypervolume { get; init; }

        /// <summary>AutoLab ML-MOGA (default options) on ZDT1: median hypervolume at (1.1, 1.1).</summary>
        public required double MlMogaZdt1Hypervolume { get; init; }

        /// <summary>AutoLab ML-MOGA on ZDT1: median seconds per generation.</summary>
        public required double MlMogaZdt1SecondsPerGeneration { get; init; }

        /// <summary>AutoLab NSGA-II on DTLZ2 (3 objectives, 12 variables): median hypervolume at (1.1, 1.1, 1.1); the true front's is 0.8074.</summary>
        public required double Nsga2Dtlz2Hypervolume { get; init; }

        /// <summary>AutoLab NSGA-II with one-by-one crowding pruning (<see cref="GeneticOptions.IterativeCrowding"/>) on DTLZ2: median hypervolume at (1.1, 1.1, 1.1).</summary>
        public required double Nsga2IterativeCrowdingDtlz2Hypervolume { get; init; }

        /// <summary>DEAP NSGA-II on ZDT1: median seconds per generation; null when the peer could not run.</summary>
        public double? DeapZdt1SecondsPerGeneration { get; init; }

        /// <summary>DEAP NSGA-II on ZDT1: median hypervolume at (1.1, 1.1); null when the peer could not run.</summary>
        public double? DeapZdt1Hypervolume { get; init; }

        /// <summary>DEAP seconds per generation over AutoLab's; null without the peer.</summary>
        public double? SpeedupOverDeap { get; init; }

        /// <summary>Why the peer did not run, or null when it did.</summary>
        public string? PeerError { get; init; }
    }

    /// <summary>Runs the whole suite.</summary>
    /// <param name="seeds">Seeds per figure (1 … seeds), at least 1; the issue asks for ≥ 10.</param>
    /// <param name="includePeer">Whether to run DEAP too.</param>
    /// <param name="repositoryRoot">Where to find the peer script; null searches upwards from the current and the application directory.</param>
    /// <returns>The figures.</returns>
    public static Figures Run(int seeds = 10, bool includePeer = true, string? repositoryRoot = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        int[] seedList = [.. Enumerable.Range(1, seeds)];

        // Two untimed runs first: tiered JIT promotes the hot loops only after they have run a while,
        // and without this the first seeds measure unoptimised code (about twice as slow).
        Nsga2Zdt1(-1);
        MlMogaZdt1(-2);

        SeedRun[] nsga = [.. seedList.Select(s => Nsga2Zdt1(s))];
        SeedRun[] moga = [.. seedList.Select(s => MlMogaZdt1(s))];
        double[] dtlz = [.. seedList.Select(s => Nsga2Dtlz2(s))];
        double[] dtlzIterative = [.. seedList.Select(s => Nsga2Dtlz2(s, iterativeCrowding: true))];
        double nsgaTime = Median(nsga.Select(r => r.SecondsPerGeneration));

        double? deapTime = null;
        double? deapHv = null;
        string? peerError = null;
        if (includePeer)
        {
            try
            {
                IReadOnlyList<SeedRun> deap = Deap(seedList, FindPeerScript(repositoryRoot));
                deapTime = Median(deap.Select(r => r.SecondsPerGeneration));
                deapHv = Median(deap.Select(r => r.Hypervolume));
            }
            catch (InvalidOperationException e)
            {
                peerError = e.Message;
            }
        }

        return new Figures
        {
            Seeds = seeds,
            Nsga2Zdt1SecondsPerGeneration = nsgaTime,
            Nsga2Zdt1Hypervolume = Median(nsga.Select(r => r.Hypervolume)),
            MlMogaZdt1SecondsPerGeneration = Median(moga.Select(r => r.SecondsPerGeneration)),
            MlMogaZdt1Hypervolume = Median(moga.Select(r => r.Hypervolume)),
            Nsga2Dtlz2Hypervolume = Median(dtlz),
            Nsga2IterativeCrowdingDtlz2Hypervolume = Median(dtlzIterative),
            DeapZdt1SecondsPerGeneration = deapTime,
            DeapZdt1Hypervolume = deapHv,
            SpeedupOverDeap = deapTime / nsgaTime,
            PeerError = peerError,
        };
    }

    /// <summary>NSGA-II on ZDT1 with 30 variables.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="generations">Generations, the initial population included.</param>
    /// <returns>Seconds per generation and the hypervolume at (1.1, 1.1).</returns>
    public static SeedRun Nsga2Zdt1(int seed, int generations = Generations)
    {
        Zdt1 problem = new(Zdt1Dimension);
        return Timed(problem, new Nsga2(problem, new GeneticOptions { PopulationSize = PopulationSize, AvoidClones = false }, seed), generations, seed, [1.1, 1.1]);
    }

    /// <summary>The ML-enhanced MOGA with default options on ZDT1 with 30 variables.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="generations">Generations, the initial population included.</param>
    /// <returns>Seconds per generation and the hypervolume at (1.1, 1.1).</returns>
    public static SeedRun MlMogaZdt1(int seed, int generations = Generations)
    {
        Zdt1 problem = new(Zdt1Dimension);
        MlMoga optimizer = new(problem, new GeneticOptions { PopulationSize = PopulationSize }, new MlMogaOptions(), seed);
        return Timed(problem, optimizer, generations, seed, [1.1, 1.1]);
    }

    /// <summary>NSGA-II on DTLZ2 with 3 objectives and 12 variables.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="generations">Generations, the initial population included.</param>
    /// <param name="iterativeCrowding">Whether to cut the last front one member at a time (<see cref="GeneticOptions.IterativeCrowding"/>).</param>
    /// <returns>The hypervolume at (1.1, 1.1, 1.1).</returns>
    public static double Nsga2Dtlz2(int seed, int generations = Generations, bool iterativeCrowding = false)
    {
        Dtlz2 problem = new(3);
        GeneticOptions options = new() { PopulationSize = PopulationSize, IterativeCrowding = iterativeCrowding };
        return Timed(problem, new Nsga2(problem, options, seed), generations, seed, [1.1, 1.1, 1.1]).Hypervolume;
    }

    /// <summary>Runs the DEAP peer script with Debian's Python.</summary>
    /// <param name="seeds">The seeds.</param>
    /// <param name="script">Path of <c>deap_nsga2.py</c>.</param>
    /// <param name="python">The interpreter; Debian's <c>/usr/bin/python3</c> carries python3-deap.</param>
    /// <returns>One run per seed.</returns>
    /// <exception cref="InvalidOperationException">The interpreter or DEAP is missing, or the script failed; the message says which.</exception>
    public static IReadOnlyList<SeedRun> Deap(IReadOnlyList<int> seeds, string script, string python = "/usr/bin/python3")
    {
        ProcessStartInfo start = new(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--seeds");
        start.ArgumentList.Add(string.Join(",", seeds));
        start.ArgumentList.Add("--population");
        start.ArgumentList.Add(PopulationSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--generations");
        start.ArgumentList.Add(Generations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--dimension");
        start.ArgumentList.Add(Zdt1Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {python}: {e.Message}", e);
        }

        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the DEAP peer failed (exit {process.ExitCode}; is python3-deap installed? apt-get install -y python3-deap): {stderr.Result.Trim()}");
            }

            using JsonDocument document = JsonDocument.Parse(stdout);
            return
            [
                .. document.RootElement.GetProperty("runs").EnumerateArray().Select(r => new SeedRun(
                    r.GetProperty("seed").GetInt32(),
                    r.GetProperty("seconds_per_generation").GetDouble(),
                    r.GetProperty("hypervolume").GetDouble())),
            ];
        }
    }

    /// <summary>Finds the peer script.</summary>
    /// <param name="repositoryRoot">The repository root, or null to search upwards from the current and the application directory.</param>
    /// <returns>The script's full path.</returns>
    /// <exception cref="InvalidOperationException">The script was not found.</exception>
    public static string FindPeerScript(string? repositoryRoot = null)
    {
        IEnumerable<string?> starts = repositoryRoot is not null
            ? [repositoryRoot]
            : [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string? start in starts)
        {
            for (DirectoryInfo? dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, PeerScriptPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"peer script {PeerScriptPath} not found above {string.Join(" or ", starts)}");
    }

    private static SeedRun Timed(IProblem problem, IAskTellOptimizer optimizer, int generations, int seed, double[] reference)
    {
        Step(problem, optimizer);
        Stopwatch watch = Stopwatch.StartNew();
        for (int g = 1; g < generations; g++)
        {
            Step(problem, optimizer);
        }

        double perGeneration = watch.Elapsed.TotalSeconds / Math.Max(1, generations - 1);
        Population final = optimizer.Parents;
        List<double[]> front = [];
        for (int i = 0; i < final.Count; i++)
        {
            front.Add(final.F(i).ToArray());
        }

        // Dominated points add nothing to the hypervolume, so the whole final population can be passed.
        return new SeedRun(seed, perGeneration, Hypervolume.Compute(front, reference));
    }

    private static void Step(IProblem problem, IAskTellOptimizer optimizer)
    {
        Population batch = optimizer.Ask();
        for (int i = 0; i < batch.Count; i++)
        {
            problem.Evaluate(batch.X(i), batch.F(i), batch.G(i));
        }

        optimizer.Tell(batch);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }
}
