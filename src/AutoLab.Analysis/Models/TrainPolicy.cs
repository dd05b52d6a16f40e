namespace AutoLab.Analysis.Models;

/// <summary>What a stage does when its model is a built-in missing from the registry (option <c>train</c>).</summary>
public enum TrainPolicy
{
    /// <summary>Train it with the full recipe (minutes), then analyse; the default, so a campaign runs on a fresh machine.</summary>
    Full,

    /// <summary>Train it with the quick recipe (seconds; a smoke-test model).</summary>
    Quick,

    /// <summary>Fail with the registry's message; run <c>autolab train</c> first.</summary>
    Never,
}
