using System.Text;

namespace AutoLab.Simulators.Crystallography;

/// <summary>Splits CIF 1.1 text into tokens: bare words, 'single' or "double" quoted strings, ;-delimited text fields; # starts a comment.</summary>
public static class CifTokenizer
{
    /// <summary>Tokenizes the text.</summary>
    /// <param name="text">CIF text.</param>
    /// <param name="source">File name for messages.</param>
    /// <returns>The tokens in order.</returns>
    /// <exception cref="CifParseException">A quoted string or text field is not closed.</exception>
    public static IReadOnlyList<CifToken> Tokenize(string text, string source)
    {
        var tokens = new List<CifToken>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var number = index + 1;
            if (line.StartsWith(';'))
            {
                var field = new StringBuilder(line[1..]);
                var start = number;
                index++;
                while (index < lines.Length && !lines[index].StartsWith(';'))
                {
                    field.Append('\n').Append(lines[index]);
                    index++;
                }

                if (index >= lines.Length)
                {
                    throw new CifParseException(source, start, "text field opened with ';' is never closed (a line starting with ';' ends it)");
                }

                tokens.Add(new CifToken(field.ToString().Trim(), start, Quoted: true));
                continue;
            }

            TokenizeLine(line, number, source, tokens);
        }

        return tokens;
    }

    private static void TokenizeLine(string line, int number, string source, List<CifToken> tokens)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            if (line[i] == '#')
            {
                return;
            }

            if (line[i] is '\'' or '"')
            {
                var quote = line[i];
                var end = i + 1;
                // A quote closes the string only when whitespace or the line's end follows it (CIF 1.1), so "O'Brien" stays whole.
                while (end < line.Length && !(line[end] == quote && (end + 1 == line.Length || char.IsWhiteSpace(line[end + 1]))))
                {
                    end++;
                }

                if (end >= line.Length)
                {
                    throw new CifParseException(source, number, $"quoted string starting at column {i + 1} is not closed with {quote}");
                }

                tokens.Add(new CifToken(line[(i + 1)..end], number, Quoted: true));
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            tokens.Add(new CifToken(line[start..i], number, Quoted: false));
        }
    }
}
