namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// An optimizer driven from outside: <see cref="Ask"/> gives a batch to evaluate, <see cref="Tell"/>
/// hands the results back. One ask-tell round is one generation.
/// </summary>
/// <remarks>
/// The campaign loop is asynchronous and driven by messages, so ask-tell is the primary API;
/// <see cref="GeneticRunner"/> builds a synchronous run on top of it. The same seed and the same
/// sequence of tells give the same asks. <seealso cref="EvolutionaryOptimizer"/>
/// </remarks>
public interface IAskTellOptimizer
{
    /// <summary>Generations told so far.</summary>
    int Generation { get; }

    /// <summary>Individuals told so far.</summary>
    long Evaluations { get; }

    /// <summary>The surviving population after the last tell (empty before the first).</summary>
    Population Parents { get; }

    /// <summary>The best feasible objective of a single-objective run; NaN for multi-objective runs or when none is feasible.</summary>
    double BestObjective { get; }

    /// <summary>The next batch to evaluate: the initial design before the first tell, offspring afterwards.</summary>
    /// <returns>A population whose variables are set; it is reused by the next ask, so copy what must be kept.</returns>
    Population Ask();

    /// <summary>Hands back evaluated individuals, normally the batch of the last ask with objectives and constraints filled in.</summary>
    /// <param name="evaluated">Individuals with variables, objectives and constraint values set; any count, e.g. fewer when some are still pending.</param>
    /// <exception cref="ArgumentException">The shape differs from the optimizer's, or an objective is NaN.</exception>
    void Tell(Population evaluated);
}
