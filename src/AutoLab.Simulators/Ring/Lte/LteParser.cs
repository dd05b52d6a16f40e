using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Lte;

/// <summary>
/// Reads a documented subset of elegant's .lte lattice format (M. Borland, elegant manual, "Lattice file"):
/// DRIF/DRIFT, SBEN/SBEND/CSBEND, QUAD/KQUAD, SEXT/KSEXT, OCTU/KOCT, RFCA, MARK, LINE=(...) with
/// repetition N*item and reversal −item, USE, comments (!) and continuation (&amp;).
/// </summary>
/// <remarks>
/// Anything else (other element types, other parameters, expressions) is an <see cref="LteParseException"/>
/// naming the file and line, never silently dropped: a lattice that loads is tracked as written.
/// </remarks>
public static class LteParser
{
    private const int MaxDepth = 64;

    /// <summary>Reads a lattice file.</summary>
    /// <param name="path">The .lte file.</param>
    /// <param name="beamline">Beamline to expand; the USE statement's, else the last LINE defined, when null.</param>
    /// <returns>The lattice.</returns>
    /// <exception cref="LteParseException">The file is outside the subset or malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Lattice ParseFile(string path, string? beamline = null) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path), beamline);

    /// <summary>Reads lattice text.</summary>
    /// <param name="text">The .lte content.</param>
    /// <param name="source">Name used in error messages.</param>
    /// <param name="beamline">Beamline to expand; the USE statement's, else the last LINE defined, when null.</param>
    /// <returns>The lattice.</returns>
    /// <exception cref="LteParseException">The text is outside the subset or malformed.</exception>
    public static Lattice Parse(string text, string source = "lattice.lte", string? beamline = null)
    {
        var elements = new Dictionary<string, Element>(StringComparer.OrdinalIgnoreCase);
        var lines = new Dictionary<string, LteLine>(StringComparer.OrdinalIgnoreCase);
        string? used = null;
        string? lastLine = null;
        foreach (LteStatement statement in Statements(text, source))
        {
            string body = statement.Text;
            if (body.Equals("RETURN", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (body.StartsWith("USE", StringComparison.OrdinalIgnoreCase) && body.Length > 3 && (body[3] == ',' || char.IsWhiteSpace(body[3])))
            {
                used = Unquote(body[4..].Trim().TrimStart(',').Trim());
                continue;
            }

            int colon = body.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Error(source, statement.Line, $"expected 'NAME: TYPE, ...' or 'USE, LINE', got '{body}'");
            }

            string name = Unquote(body[..colon].Trim());
            if (elements.ContainsKey(name) || lines.ContainsKey(name))
            {
                throw Error(source, statement.Line, $"'{name}' is defined twice");
            }

            string definition = body[(colon + 1)..].Trim();
            if (IsLine(definition, out string items))
            {
                lines[name] = new LteLine(name, LteLineParser.Parse(items, source, statement.Line), 1, false, statement.Line);
                lastLine = name;
            }
            else
            {
                elements[name] = LteElementParser.Parse(name, definition, source, statement.Line);
            }
        }

        string chosen = beamline ?? used ?? lastLine
            ?? throw Error(source, 0, "no LINE is defined, so there is no beamline to use");
        if (!lines.TryGetValue(chosen, out LteLine? root))
        {
            throw Error(source, 0, $"beamline '{chosen}' is not defined; lines: {string.Join(", ", lines.Keys)}");
        }

        var expanded = new List<Element>();
        Expand(root, reversed: false, elements, lines, expanded, source, 0);
        return new Lattice(chosen.ToUpperInvariant(), expanded);
    }

    internal static LteParseException Error(string source, int line, string message) =>
        new(line > 0 ? $"{source}:{line}: {message}" : $"{source}: {message}") { Line = line };

    internal static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private static bool IsLine(string definition, out string items)
    {
        items = "";
        if (!definition.StartsWith("LINE", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = definition[4..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return false;
        }

        items = rest[1..].Trim();
        return true;
    }

    private static IEnumerable<LteStatement> Statements(string text, string source)
    {
        string[] raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var pending = new System.Text.StringBuilder();
        int start = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            string line = StripComment(raw[i]).Trim();
            if (pending.Length == 0)
            {
                start = i + 1;
            }

            bool continues = line.EndsWith('&');
            pending.Append(continues ? line[..^1] : line).Append(' ');
            if (continues)
            {
                continue;
            }

            string statement = pending.ToString().Trim();
            pending.Clear();
            if (statement.Length > 0)
            {
                yield return new LteStatement(statement, start);
            }
        }

        if (pending.ToString().Trim().Length > 0)
        {
            throw Error(source, start, "the last statement ends with a continuation '&' but the file ends");
        }
    }

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == '!' && !quoted)
            {
                return line[..i];
            }
        }

        return line;
    }

    private static void Expand(LteLine item, bool reversed, Dictionary<string, Element> elements, Dictionary<string, LteLine> lines, List<Element> output, string source, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error(source, item.Line, $"beamlines nest deeper than {MaxDepth} levels; does a LINE contain itself?");
        }

        bool flip = reversed ^ item.Reversed;
        for (int r = 0; r < item.Repeat; r++)
        {
            if (item.Name is null)
            {
                ExpandItems(item.Items, flip, elements, lines, output, source, depth);
            }
            else if (lines.TryGetValue(item.Name, out LteLine? line))
            {
                ExpandItems(line.Items, flip, elements, lines, output, source, depth);
            }
            else if (elements.TryGetValue(item.Name, out Element? element))
            {
                // A reversed dipole is entered through its exit face: swap the pole-face angles.
                output.Add(flip && element.Kind == ElementKind.Dipole ? element with { E1 = element.E2, E2 = element.E1 } : element);
            }
            else
            {
                throw Error(source, item.Line, $"'{item.Name}' is used in a LINE but never defined");
            }
        }
    }

    private static void ExpandItems(IReadOnlyList<LteLine> items, bool reversed, Dictionary<string, Element> elements, Dictionary<string, LteLine> lines, List<Element> output, string source, int depth)
    {
        IEnumerable<LteLine> order = reversed ? items.Reverse() : items;
        foreach (LteLine child in order)
        {
            Expand(child, reversed, elements, lines, output, source, depth + 1);
        }
    }
}
