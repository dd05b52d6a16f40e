using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>
/// The orchestrator's own safety check: a step whose parameters break its instrument's envelope is
/// refused before any command is sent. Adapters check again on their side.
/// </summary>
public static class EnvelopeCheck
{
    /// <summary>Returns null when the point is inside every limit for the instrument, else the reason it is not.</summary>
    public static string? Violation(IReadOnlyList<EnvelopeLimit> envelope, string instrument, ParameterPoint point)
    {
        foreach (EnvelopeLimit limit in envelope)
        {
            if (!string.Equals(limit.Instrument, instrument, StringComparison.Ordinal))
            {
                continue;
            }

            if (!point.Values.TryGetValue(limit.Parameter, out double value))
            {
                return $"instrument '{instrument}': parameter '{limit.Parameter}' is required by the safety envelope but missing";
            }

            if (!double.IsFinite(value))
            {
                return $"instrument '{instrument}': parameter '{limit.Parameter}' = {Format(value)} is not a finite number";
            }

            if (value < limit.Minimum)
            {
                return $"instrument '{instrument}': parameter '{limit.Parameter}' = {Format(value)} is below the safety limit {Format(limit.Minimum)}";
            }

            if (value > limit.Maximum)
            {
                return $"instrument '{instrument}': parameter '{limit.Parameter}' = {Format(value)} is above the safety limit {Format(limit.Maximum)}";
            }
        }

        return null;
    }

    static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
