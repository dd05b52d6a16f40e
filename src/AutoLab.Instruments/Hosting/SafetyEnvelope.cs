using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Hosting;

/// <summary>An instrument's safety limits, checked before any command reaches its device.</summary>
/// <remarks>
/// A point is refused when a constrained parameter is missing, when any numeric value is NaN or
/// infinite, or when a value lies outside its [minimum, maximum]. Refusals name the instrument,
/// parameter, value and limit, e.g. <c>instrument 'ring-psu': parameter 'k2_sf' = 812.5 is above the
/// safety limit 600 (1/m^3)</c>.
/// </remarks>
public sealed class SafetyEnvelope
{
    private readonly IReadOnlyDictionary<string, string> _units;

    /// <summary>Creates the envelope of one instrument.</summary>
    /// <param name="instrument">Instrument the limits belong to.</param>
    /// <param name="limits">Limits; each must name <paramref name="instrument"/>.</param>
    /// <param name="units">Unit symbols of parameters, for messages; may be null.</param>
    /// <exception cref="ArgumentException">A limit names another instrument, has a NaN bound or a minimum above its maximum.</exception>
    public SafetyEnvelope(string instrument, IEnumerable<EnvelopeLimit> limits, IReadOnlyDictionary<string, string>? units = null)
    {
        Instrument = instrument;
        Limits = [.. limits];
        _units = units ?? new Dictionary<string, string>();
        foreach (var limit in Limits)
        {
            Validate(limit);
        }
    }

    /// <summary>Instrument the envelope belongs to.</summary>
    public string Instrument { get; }

    /// <summary>The limits.</summary>
    public IReadOnlyList<EnvelopeLimit> Limits { get; }

    /// <summary>Checks a point against every limit.</summary>
    /// <param name="point">The point a command would set.</param>
    /// <returns>Allowed, or refused with every violation listed.</returns>
    public CheckResult Check(ParameterPoint point)
    {
        var problems = new List<string>();
        foreach (var (name, value) in point.Values)
        {
            if (!double.IsFinite(value))
            {
                problems.Add($"parameter '{name}' = {Format(value)} is not a finite number");
            }
        }

        foreach (var limit in Limits)
        {
            if (!point.Values.TryGetValue(limit.Parameter, out var value))
            {
                problems.Add($"parameter '{limit.Parameter}' is missing; the safety envelope requires it within [{Format(limit.Minimum)}, {Format(limit.Maximum)}]{UnitSuffix(limit.Parameter)}");
            }
            else if (value > limit.Maximum)
            {
                problems.Add($"parameter '{limit.Parameter}' = {Format(value)} is above the safety limit {Format(limit.Maximum)}{UnitSuffix(limit.Parameter)}");
            }
            else if (value < limit.Minimum)
            {
                problems.Add($"parameter '{limit.Parameter}' = {Format(value)} is below the safety limit {Format(limit.Minimum)}{UnitSuffix(limit.Parameter)}");
            }
        }

        return problems.Count == 0
            ? CheckResult.Allowed
            : CheckResult.Refused($"instrument '{Instrument}': {string.Join("; ", problems.Distinct())}");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private string UnitSuffix(string parameter) =>
        _units.TryGetValue(parameter, out var unit) && unit.Length > 0 ? $" ({unit})" : "";

    private void Validate(EnvelopeLimit limit)
    {
        if (!string.Equals(limit.Instrument, Instrument, StringComparison.Ordinal))
        {
            throw new ArgumentException($"safety limit on parameter '{limit.Parameter}' names instrument '{limit.Instrument}' but is registered for instrument '{Instrument}'");
        }

        if (string.IsNullOrWhiteSpace(limit.Parameter))
        {
            throw new ArgumentException($"instrument '{Instrument}': a safety limit has an empty parameter name");
        }

        if (double.IsNaN(limit.Minimum) || double.IsNaN(limit.Maximum))
        {
            throw new ArgumentException($"instrument '{Instrument}': safety limit on parameter '{limit.Parameter}' has a NaN bound");
        }

        if (limit.Minimum > limit.Maximum)
        {
            throw new ArgumentException($"instrument '{Instrument}': safety limit on parameter '{limit.Parameter}' has minimum {Format(limit.Minimum)} above maximum {Format(limit.Maximum)}");
        }
    }
}
