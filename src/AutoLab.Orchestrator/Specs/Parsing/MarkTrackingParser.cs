using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>A YAML parser that remembers where the last event it produced ended.</summary>
/// <remarks>Lets a failure that YamlDotNet raises without a mark still be reported with a line and column.</remarks>
internal sealed class MarkTrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    /// <summary>End of the last event read, or the start of the text before any.</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        bool moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        return moved;
    }
}
