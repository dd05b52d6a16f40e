using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>
/// Builds small spec texts for tests: the test's own sections first (so the line numbers it asserts
/// are the ones it reads), then whatever required sections of a minimal valid spec it left out.
/// </summary>
internal static class SpecYaml
{
    private static readonly (string Key, string Text)[] Sections =
    [
        ("name", "name: test-campaign\n"),
        ("space", "space:\n  - {name: x1, type: continuous, bounds: [0, 1]}\n  - {name: x2, type: continuous, bounds: [0, 1]}\n"),
        ("steps", "steps:\n  measure: {instrument: test-functions}\n"),
        ("objectives", "objectives:\n  - {name: y, direction: minimize}\n"),
        ("strategy", "strategy: sobol\n"),
        ("budget", "budget: 10\n"),
    ];

    /// <summary>A valid spec with only the required sections.</summary>
    public static string Minimal => With("");

    /// <summary><paramref name="head"/> followed by the minimal sections whose keys it does not define.</summary>
    public static string With(string head)
    {
        HashSet<string> defined = head.Split('\n')
            .Where(line => line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#') && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);
        return head + string.Concat(Sections.Where(s => !defined.Contains(s.Key)).Select(s => s.Text));
    }

    /// <summary>The minimal spec without the named section.</summary>
    public static string Without(string key) => string.Concat(Sections.Where(s => s.Key != key).Select(s => s.Text));

    public static SpecLoadResult Load(string yaml, SpecCatalog? catalog = null) =>
        CampaignSpecLoader.LoadText(yaml, catalog ?? TestCatalog.Full, "test.yaml");

    /// <summary>Loads as if the spec file were in <paramref name="folder"/>: its relative paths resolve there.</summary>
    public static SpecLoadResult LoadIn(string folder, string yaml, SpecCatalog? catalog = null) =>
        CampaignSpecLoader.LoadText(yaml, catalog ?? TestCatalog.Full, "test.yaml", folder);
}
