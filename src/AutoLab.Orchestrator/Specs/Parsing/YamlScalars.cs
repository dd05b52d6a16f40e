using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads typed values out of YAML scalars, following the YAML 1.2 core schema.</summary>
/// <remarks>
/// Numbers and booleans must be plain (unquoted) scalars: a quoted "42" is text in YAML, and
/// accepting it silently would hide a spec that a different YAML reader types differently.
/// </remarks>
internal static partial class YamlScalars
{
    /// <summary>Whether the node is YAML's null (empty, <c>~</c> or <c>null</c>, unquoted).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Words for what a node is, for "found ..." in messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s => $"'{s.Value}'",
        YamlScalarNode s => $"the quoted text \"{s.Value}\"",
        _ => "an unsupported node",
    };

    public static bool IsPlain(YamlScalarNode node) => node.Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>Parses a YAML float: decimal or exponent notation, <c>.inf</c>, <c>-.inf</c> or <c>.nan</c>.</summary>
    public static bool TryNumber(string text, out double value)
    {
        value = 0;
        if (InfinityPattern().Match(text) is { Success: true } infinity)
        {
            value = infinity.Groups[1].Value == "-" ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (NanPattern().IsMatch(text))
        {
            value = double.NaN;
            return true;
        }

        return FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a YAML decimal integer.</summary>
    public static bool TryInteger(string text, out long value)
    {
        value = 0;
        return IntegerPattern().IsMatch(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a YAML 1.2 core boolean (true/false in three casings).</summary>
    public static bool TryBoolean(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    /// <summary>
    /// Parses a duration: a number with unit <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>, or a bare
    /// number of seconds. A sign is accepted so that "-5s" reaches the validator's "must be positive".
    /// </summary>
    public static bool TryDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        Match match = DurationPattern().Match(text);
        if (!match.Success
            || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount))
        {
            return false;
        }

        double seconds = match.Groups[2].Value switch
        {
            "ms" => amount / 1000.0,
            "m" => amount * 60.0,
            "h" => amount * 3600.0,
            _ => amount,
        };
        if (!double.IsFinite(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>
    /// Parses an ISO-8601 date and time with a UTC offset, e.g. <c>2026-11-21T20:00:00Z</c>.
    /// The offset is required: a beamtime window in "local time" means different instants on
    /// different machines.
    /// </summary>
    public static bool TryTimestamp(string text, out DateTimeOffset value, out string problem)
    {
        value = default;
        problem = "";
        Match match = TimestampPattern().Match(text);
        if (!match.Success)
        {
            problem = $"'{text}' is not an ISO-8601 date and time such as 2026-11-21T20:00:00Z";
            return false;
        }

        if (!match.Groups["zone"].Success)
        {
            problem = $"'{text}' has no UTC offset; add 'Z' for UTC or an offset such as '+01:00'";
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            problem = $"'{text}' is not a valid date and time (check the day, month and hour)";
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^([-+]?)\.(inf|Inf|INF)$")]
    private static partial Regex InfinityPattern();

    [GeneratedRegex(@"^\.(nan|NaN|NAN)$")]
    private static partial Regex NanPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*(ms|s|m|h)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<zone>[Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex TimestampPattern();
}
