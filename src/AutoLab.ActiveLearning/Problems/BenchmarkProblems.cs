namespace AutoLab.ActiveLearning.Problems;

/// <summary>The benchmark problems at their usual sizes, for tests (<c>[MemberData]</c>) and benchmarks.</summary>
public static class BenchmarkProblems
{
    /// <summary>Branin (2-D), Hartmann6, and Ackley, Rosenbrock and Levy in 5 dimensions (new instances).</summary>
    /// <returns>The single-objective problems.</returns>
    public static IReadOnlyList<ISingleObjectiveProblem> SingleObjective() =>
        [new Branin(), new Hartmann6(), new Ackley(5), new Rosenbrock(5), new Levy(5)];

    /// <summary>ZDT1–3 with 30 variables and DTLZ2 with 3 objectives and 12 variables (new instances).</summary>
    /// <returns>The multi-objective problems.</returns>
    public static IReadOnlyList<IMultiObjectiveProblem> MultiObjective() =>
        [new Zdt1(), new Zdt2(), new Zdt3(), new Dtlz2()];
}
