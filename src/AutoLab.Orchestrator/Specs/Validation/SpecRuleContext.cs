using System.Globalization;
using System.Text.RegularExpressions;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>What every rule needs: the spec, the catalog, and a place to report problems by path.</summary>
internal sealed partial class SpecRuleContext(CampaignSpec spec, SpecCatalog catalog)
{
    private readonly List<SpecError> errors = [];

    public CampaignSpec Spec { get; } = spec;

    public SpecCatalog Catalog { get; } = catalog;

    /// <summary>False when the parser already reported this field or an enclosing one.</summary>
    public bool IsSound(string path) => !Spec.Source.IsBroken(path);

    /// <summary>Reports a problem at the field's location, unless the parser already reported the field.</summary>
    public void Report(string path, string message)
    {
        if (IsSound(path))
        {
            SpecLocation location = Spec.Source.Locate(path);
            errors.Add(new SpecError(location.Line, location.Column, path, message));
        }
    }

    /// <summary>" (line 3)" for a path recorded in the source, empty for specs built in code.</summary>
    public string LineOf(string path) =>
        Spec.Source.Locate(path) is { Line: > 0 } location ? $" (line {location.Line})" : "";

    /// <summary>Parameter and objective names: a letter or underscore, then letters, digits, '_' or '-'.</summary>
    public void CheckName(string path, string name, string what)
    {
        if (name.Length == 0)
        {
            Report(path, $"{what} name must not be empty");
        }
        else if (!NamePattern().IsMatch(name))
        {
            Report(path, $"{what} name '{name}' must start with a letter or '_' and contain only letters, digits, '_' and '-'");
        }
    }

    /// <summary>
    /// The index of the parameter named <paramref name="name"/>, or -1. A parameter whose type the
    /// parser could not read counts as continuous, so references to it are not reported twice.
    /// </summary>
    public int IndexOfParameter(string name) => Spec.Space.ToList().FindIndex(p => p.Name == name);

    /// <summary>The instrument the spec declares under <paramref name="name"/> in <c>instruments</c>, or null.</summary>
    public InstrumentSpec? DeclaredInstrument(string name) => Spec.Instruments.FirstOrDefault(i => i.Name == name);

    public bool IsNumeric(string name, out ParameterDefinition? parameter)
    {
        int index = IndexOfParameter(name);
        parameter = index < 0 ? null : Spec.Space[index];
        return parameter is not null && parameter.Kind != ParameterKind.Categorical;
    }

    /// <summary>Explains why <paramref name="name"/> cannot be used where a numeric parameter is needed.</summary>
    public string NotNumeric(string name, ParameterDefinition? parameter)
    {
        if (parameter is not null)
        {
            return $"'{name}' is a categorical parameter; only continuous and integer parameters can be used here";
        }

        List<string> numeric = Spec.Space.Where(p => p.Kind != ParameterKind.Categorical && p.Name.Length > 0).Select(p => p.Name).ToList();
        return $"unknown parameter '{name}'{NameSuggester.Hint(name, numeric, "numeric parameters are")}";
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => ".inf",
        double.NegativeInfinity => "-.inf",
        double.NaN => ".nan",
        _ => value.ToString("G", CultureInfo.InvariantCulture),
    };

    public List<SpecError> SortedErrors() => [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
