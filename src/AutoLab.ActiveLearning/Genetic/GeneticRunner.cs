using System.Diagnostics;
using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Runs an ask-tell optimizer on a problem synchronously until a termination criterion stops it.</summary>
/// <remarks>Built on <see cref="IAskTellOptimizer"/>, never the other way round, so library users and the campaign loop share one engine.</remarks>
public static class GeneticRunner
{
    /// <summary>Minimises a problem.</summary>
    /// <param name="problem">The problem to evaluate.</param>
    /// <param name="optimizer">A fresh optimizer built for <paramref name="problem"/>.</param>
    /// <param name="termination">When to stop; checked after each generation.</param>
    /// <param name="observer">Optional callback after each generation, e.g. to record a convergence curve.</param>
    /// <param name="cancellationToken">Stops the run after the current generation.</param>
    /// <returns>The result, saying why the run ended.</returns>
    public static GeneticResult Minimize(
        IProblem problem,
        IAskTellOptimizer optimizer,
        ITermination termination,
        Action<IAskTellOptimizer>? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(termination);
        Stopwatch watch = Stopwatch.StartNew();
        OptimizationProgress progress;
        while (true)
        {
            Population batch = optimizer.Ask();
            for (int i = 0; i < batch.Count; i++)
            {
                problem.Evaluate(batch.X(i), batch.F(i), batch.G(i));
            }

            optimizer.Tell(batch);
            observer?.Invoke(optimizer);
            progress = new OptimizationProgress(optimizer.Generation, optimizer.Evaluations, watch.Elapsed, optimizer.BestObjective);
            if (cancellationToken.IsCancellationRequested)
            {
                return Result(optimizer, progress, ExitReason.Cancelled, false, $"cancelled after {progress.Generation} generations");
            }

            if (termination.Progress(progress) >= 1.0)
            {
                return Result(optimizer, progress, termination.Reason(progress), true, termination.Describe(progress));
            }
        }
    }

    private static GeneticResult Result(IAskTellOptimizer optimizer, OptimizationProgress progress, ExitReason reason, bool success, string message)
    {
        Population final = optimizer.Parents.Clone();
        List<double[]> front = [];
        List<double[]> set = [];
        for (int i = 0; i < final.Count; i++)
        {
            if (final.Violations[i] > 0.0)
            {
                continue;
            }

            bool dominated = false;
            for (int j = 0; j < final.Count && !dominated; j++)
            {
                dominated = j != i && final.Violations[j] == 0.0 && Dominance.Dominates(final.F(j), final.F(i));
            }

            if (!dominated)
            {
                front.Add(final.F(i).ToArray());
                set.Add(final.X(i).ToArray());
            }
        }

        return new GeneticResult
        {
            ExitReason = reason,
            Success = success,
            Message = message,
            Generations = progress.Generation,
            Evaluations = progress.Evaluations,
            Elapsed = progress.Elapsed,
            Final = final,
            BestObjective = optimizer.BestObjective,
            ParetoFront = front,
            ParetoSet = set,
        };
    }
}
