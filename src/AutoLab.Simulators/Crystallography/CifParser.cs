namespace AutoLab.Simulators.Crystallography;

/// <summary>Parses CIF 1.1 text into data blocks (the subset described in docs/simulators.md: items, loops, text fields; no save frames).</summary>
public static class CifParser
{
    /// <summary>Parses the text.</summary>
    /// <param name="text">CIF text.</param>
    /// <param name="source">File name for messages.</param>
    /// <returns>The data blocks in order.</returns>
    /// <exception cref="CifParseException">The text is not well-formed CIF; the message names the line.</exception>
    public static IReadOnlyList<CifBlock> Parse(string text, string source = "CIF")
    {
        var tokens = CifTokenizer.Tokenize(text, source);
        var blocks = new List<CifBlock>();
        Dictionary<string, CifToken>? items = null;
        List<CifLoop>? loops = null;
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (!token.Quoted && token.Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase))
            {
                items = new Dictionary<string, CifToken>(StringComparer.Ordinal);
                loops = [];
                blocks.Add(new CifBlock(token.Text[5..], token.Line, items, loops));
                i++;
                continue;
            }

            if (items is null || loops is null)
            {
                throw new CifParseException(source, token.Line, $"'{token.Text}' comes before any data_ block");
            }

            if (token.IsKeyword && token.Text.Equals("loop_", StringComparison.OrdinalIgnoreCase))
            {
                i = ReadLoop(tokens, i, source, loops);
                continue;
            }

            if (token.IsKeyword)
            {
                throw new CifParseException(source, token.Line, $"'{token.Text}' is not supported (save frames, global_ and stop_ are outside the subset)");
            }

            if (!token.IsTag)
            {
                throw new CifParseException(source, token.Line, $"value '{token.Text}' has no tag (a value outside a loop must follow its _tag)");
            }

            if (i + 1 >= tokens.Count || tokens[i + 1].IsTag || tokens[i + 1].IsKeyword)
            {
                throw new CifParseException(source, token.Line, $"tag {token.Text} has no value");
            }

            var tag = token.Text.ToLowerInvariant();
            if (!items.TryAdd(tag, tokens[i + 1]))
            {
                throw new CifParseException(source, token.Line, $"tag {token.Text} appears twice in the block (first at line {items[tag].Line})");
            }

            i += 2;
        }

        if (blocks.Count == 0)
        {
            throw new CifParseException(source, 0, "no data_ block found");
        }

        return blocks;
    }

    private static int ReadLoop(IReadOnlyList<CifToken> tokens, int start, string source, List<CifLoop> loops)
    {
        var line = tokens[start].Line;
        var i = start + 1;
        var tags = new List<string>();
        while (i < tokens.Count && tokens[i].IsTag)
        {
            tags.Add(tokens[i].Text.ToLowerInvariant());
            i++;
        }

        if (tags.Count == 0)
        {
            throw new CifParseException(source, line, "loop_ has no tags");
        }

        var values = new List<CifToken>();
        while (i < tokens.Count && !tokens[i].IsTag && !tokens[i].IsKeyword)
        {
            values.Add(tokens[i]);
            i++;
        }

        if (values.Count == 0 || values.Count % tags.Count != 0)
        {
            var lastLine = values.Count > 0 ? values[^1].Line : line;
            throw new CifParseException(source, lastLine,
                $"loop_ at line {line} has {tags.Count} tags but {values.Count} values, which is not a whole number of rows");
        }

        var rows = new List<IReadOnlyList<CifToken>>();
        for (var r = 0; r < values.Count; r += tags.Count)
        {
            rows.Add(values.GetRange(r, tags.Count));
        }

        loops.Add(new CifLoop(tags, rows, line));
        return i;
    }
}
