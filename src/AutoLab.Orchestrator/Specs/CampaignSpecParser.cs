using AutoLab.Orchestrator.Specs.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs;

/// <summary>Turns YAML text into a <see cref="CampaignSpec"/>, reporting every shape and type error with its place.</summary>
/// <remarks>
/// The spec is read through YamlDotNet's representation model rather than its deserializer,
/// because only the node tree keeps each value's line and column and lets reading go on past the
/// first bad field. Meaning (bounds order, known names) is checked afterwards by <see cref="SpecValidator"/>.
/// </remarks>
public static class CampaignSpecParser
{
    /// <summary>Parses the YAML text of a campaign spec.</summary>
    /// <param name="text">The whole YAML document.</param>
    /// <returns>The spec as far as it could be read, and the errors found.</returns>
    public static SpecParseResult Parse(string text)
    {
        YamlStream stream = new();
        MarkTrackingParser parser = new(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            return new SpecParseResult { Errors = [SyntaxError(e)] };
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3 throws this without a mark on some malformed flow collections
            // (e.g. an unclosed '[' followed by another key); the last good event says where.
            Mark mark = parser.LastEnd;
            return new SpecParseResult
            {
                Errors = [new SpecError((int)mark.Line, (int)mark.Column, "", "YAML syntax error: cannot read past this point; look for an unclosed '[', '{' or quote")],
            };
        }

        if (stream.Documents.Count == 0 || YamlScalars.IsNull(stream.Documents[0].RootNode))
        {
            return new SpecParseResult
            {
                Errors = [new SpecError(1, 1, "", "the spec is empty; expected a mapping with at least name, space, steps, objectives, strategy and budget")],
            };
        }

        SpecReader reader = new();
        if (stream.Documents.Count > 1)
        {
            reader.Note(stream.Documents[1].RootNode.Start, "", $"a spec file holds one YAML document, found {stream.Documents.Count}; remove the '---' separators or split the file");
        }

        CampaignSpec? spec = RootSection.Read(reader, stream.Documents[0].RootNode);
        return new SpecParseResult { Spec = spec, Errors = reader.Errors };
    }

    private static SpecError SyntaxError(YamlException e)
    {
        string message = e.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
            ? $"duplicate key '{e.Message["Duplicate key ".Length..]}'; each key may appear once in a mapping"
            : $"YAML syntax error: {e.Message}";
        return new SpecError((int)e.Start.Line, (int)e.Start.Column, "", message);
    }
}
