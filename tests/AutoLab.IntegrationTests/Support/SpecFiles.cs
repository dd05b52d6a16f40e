namespace AutoLab.IntegrationTests.Support;

/// <summary>Writes campaign specs for a test into a temporary folder.</summary>
public static class SpecFiles
{
    /// <summary>Writes <paramref name="yaml"/> to a new temp file and returns its path.</summary>
    public static string Write(string label, string yaml)
    {
        string folder = Path.Combine(Path.GetTempPath(), "autolab-it");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"{label}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A Branin campaign on the test-function instrument with extra measure options and spec lines.</summary>
    public static string Branin(string name, int budget, int batch, string measureOptions = "", string extra = "", string measureStep = "timeout: 10s, attempts: 3, backoff: 200ms")
    {
        string options = "{function: branin" + measureOptions + "}";
        return $$"""
        name: {{name}}
        seed: 7
        space:
          - {name: x1, type: continuous, bounds: [-5, 10]}
          - {name: x2, type: continuous, bounds: [0, 15]}
        steps:
          measure: {instrument: test-functions, {{measureStep}}, options: {{options}}}
        analysis:
          - {model: readings}
        objectives:
          - {name: y, direction: minimize}
        strategy: sobol
        budget: {{budget}}
        batch_size: {{batch}}
        {{extra}}
        """;
    }
}
