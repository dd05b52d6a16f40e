namespace AutoLab.ActiveLearning.Consumers;

/// <summary>Names of the active-learning service's bus endpoints.</summary>
public static class ActiveLearningEndpoints
{
    /// <summary>Queue that receives <see cref="Contracts.ActiveLearning.SuggestExperiments"/>.</summary>
    public const string QueueName = "active-learning";
}
