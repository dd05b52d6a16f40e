using System.Globalization;
using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Lte;

/// <summary>Parses <c>TYPE, KEY=value, ...</c> of one element definition into an <see cref="Element"/>.</summary>
internal static class LteElementParser
{
    /// <summary>Supported types and the parameters each accepts.</summary>
    private static readonly Dictionary<string, (ElementKind Kind, string[] Parameters)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DRIF"] = (ElementKind.Drift, ["L"]),
        ["DRIFT"] = (ElementKind.Drift, ["L"]),
        ["SBEN"] = (ElementKind.Dipole, ["L", "ANGLE", "E1", "E2", "K1", "N_KICKS"]),
        ["SBEND"] = (ElementKind.Dipole, ["L", "ANGLE", "E1", "E2", "K1", "N_KICKS"]),
        ["CSBEND"] = (ElementKind.Dipole, ["L", "ANGLE", "E1", "E2", "K1", "N_KICKS"]),
        ["QUAD"] = (ElementKind.Quadrupole, ["L", "K1", "N_KICKS"]),
        ["KQUAD"] = (ElementKind.Quadrupole, ["L", "K1", "N_KICKS"]),
        ["SEXT"] = (ElementKind.Sextupole, ["L", "K2", "N_KICKS"]),
        ["KSEXT"] = (ElementKind.Sextupole, ["L", "K2", "N_KICKS"]),
        ["OCTU"] = (ElementKind.Octupole, ["L", "K3", "N_KICKS"]),
        ["KOCT"] = (ElementKind.Octupole, ["L", "K3", "N_KICKS"]),
        ["RFCA"] = (ElementKind.RfCavity, ["L", "VOLT", "FREQ", "PHASE"]),
        ["MARK"] = (ElementKind.Marker, []),
        ["MARKER"] = (ElementKind.Marker, []),
    };

    public static Element Parse(string name, string definition, string source, int line)
    {
        string[] parts = definition.Split(',');
        string type = parts[0].Trim();
        if (!Types.TryGetValue(type, out (ElementKind Kind, string[] Parameters) spec))
        {
            throw LteParser.Error(source, line, $"element '{name}' has type '{type}', which is not supported; supported: {string.Join(", ", Types.Keys)}");
        }

        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in parts.Skip(1))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw LteParser.Error(source, line, $"element '{name}': expected KEY=value, got '{part.Trim()}'");
            }

            string key = part[..equals].Trim();
            string text = LteParser.Unquote(part[(equals + 1)..].Trim());
            if (!spec.Parameters.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                string accepted = spec.Parameters.Length == 0 ? "none" : string.Join(", ", spec.Parameters);
                throw LteParser.Error(source, line, $"element '{name}' ({type.ToUpperInvariant()}): parameter '{key}' is not supported; accepted: {accepted}");
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw LteParser.Error(source, line, $"element '{name}': {key.ToUpperInvariant()} = '{text}' is not a number (expressions are not supported)");
            }

            values[key] = value;
        }

        double Get(string key) => values.TryGetValue(key, out double v) ? v : 0.0;
        double length = Get("L");
        if (length < 0.0)
        {
            throw LteParser.Error(source, line, $"element '{name}' has negative length {length}");
        }

        if (spec.Kind == ElementKind.Dipole && length == 0.0)
        {
            throw LteParser.Error(source, line, $"dipole '{name}' needs L > 0");
        }

        string upper = name.ToUpperInvariant();
        Element element = spec.Kind switch
        {
            ElementKind.Drift => Element.Drift(upper, length),
            ElementKind.Dipole => Element.Dipole(upper, length, Get("ANGLE"), Get("K1"), Get("E1"), Get("E2")),
            ElementKind.Quadrupole => Element.Quadrupole(upper, length, Get("K1")),
            ElementKind.Sextupole => Element.Sextupole(upper, length, Get("K2")),
            ElementKind.Octupole => Element.Octupole(upper, length, Get("K3")),
            ElementKind.RfCavity => new Element { Name = upper, Kind = ElementKind.RfCavity, Length = length, Voltage = Get("VOLT") },
            _ => Element.Marker(upper),
        };

        if (values.TryGetValue("N_KICKS", out double kicks))
        {
            // N_KICKS is read as the number of 4th-order integration steps.
            if (kicks < 1 || kicks != Math.Floor(kicks))
            {
                throw LteParser.Error(source, line, $"element '{name}': N_KICKS = {kicks} must be a positive integer");
            }

            element = element with { Steps = (int)kicks };
        }

        return element;
    }
}
