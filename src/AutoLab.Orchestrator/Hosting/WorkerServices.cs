namespace AutoLab.Orchestrator.Hosting;

/// <summary>The stateless services an <c>autolab serve</c> process can host on the shared queues.</summary>
[Flags]
public enum WorkerServices
{
    /// <summary>Nothing (not a valid worker).</summary>
    None = 0,

    /// <summary>The analysis consumer on the shared <c>analysis</c> queue.</summary>
    Analysis = 1,

    /// <summary>The suggestion strategies on the shared <c>active-learning</c> queue.</summary>
    ActiveLearning = 2,
}
