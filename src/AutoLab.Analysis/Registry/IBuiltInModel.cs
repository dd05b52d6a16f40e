namespace AutoLab.Analysis.Registry;

/// <summary>A model <see cref="BuiltInModels"/> can train from the simulators with a full and a quick recipe.</summary>
public interface IBuiltInModel
{
    /// <summary>Registry name, e.g. "xrd-fe-ni-al".</summary>
    string Name { get; }

    /// <summary>Kind, one of <see cref="ModelKinds"/>.</summary>
    string Kind { get; }

    /// <summary>One line saying what it is.</summary>
    string Description { get; }

    /// <summary>Rough wall time of the full recipe on two CPU cores, for the message before an automatic training.</summary>
    string FullRecipeTime { get; }

    /// <summary>Generates data, trains, evaluates on held-out data and saves the model's files into <paramref name="folder"/>.</summary>
    /// <param name="settings">Recipe, seed, device and threads.</param>
    /// <param name="folder">An empty folder that will become the model's.</param>
    /// <returns>The card (the registry writes it).</returns>
    ModelCard Train(ModelTrainingSettings settings, string folder);
}
