namespace AutoLab.Analysis.Models;

/// <summary>A loaded model shared by concurrent analyses, used by one at a time.</summary>
/// <typeparam name="T">The model type.</typeparam>
/// <remarks>
/// Prediction through the libtorch shim switches a network between evaluation and Monte-Carlo-dropout modes, so
/// two threads must not predict with the same handle at once; the lock covers only the network call, and the file
/// reading and preprocessing of concurrent analyses still overlap. Several processes on the queue scale fully.
/// </remarks>
public sealed class SharedModel<T>(T model)
    where T : class
{
    private readonly Lock _gate = new();

    /// <summary>Runs <paramref name="use"/> with the model, holding its lock.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="use">What to do with the model.</param>
    /// <returns>Its result.</returns>
    public TResult Use<TResult>(Func<T, TResult> use)
    {
        lock (_gate)
        {
            return use(model);
        }
    }
}
