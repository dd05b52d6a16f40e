using System.Text.Json;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Typed access to a <see cref="JournalEntry"/>'s payload.</summary>
public static class JournalEntryExtensions
{
    /// <summary>Reads the entry's payload as the record its kind carries.</summary>
    /// <typeparam name="T">The payload type of the entry's kind (see <see cref="JournalKinds.PayloadTypeOf"/>).</typeparam>
    /// <param name="entry">The entry.</param>
    /// <returns>The payload record.</returns>
    /// <exception cref="JournalException">
    /// The kind carries another type, or the payload is not valid JSON for it; the message names the entry.
    /// </exception>
    public static T ReadPayload<T>(this JournalEntry entry)
        where T : class
    {
        Type expected = PayloadTypeOf(entry);
        if (expected != typeof(T))
        {
            throw new JournalException(
                $"Journal entry {entry.Sequence} is a {entry.Kind}, whose payload is {expected.Name}, not {typeof(T).Name}.");
        }

        return (T)ReadPayload(entry);
    }

    /// <summary>Reads the entry's payload as the record its kind carries, whatever that is.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The payload record; its type is <see cref="JournalKinds.PayloadTypeOf"/> of the entry's kind.</returns>
    /// <exception cref="JournalException">The kind is unknown or the payload is unreadable; the message names the entry.</exception>
    public static object ReadPayload(this JournalEntry entry)
    {
        Type type = PayloadTypeOf(entry);
        try
        {
            return JsonSerializer.Deserialize(entry.Payload, type, JournalSerializer.Options)
                ?? throw new JsonException("The payload is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw new JournalException(
                $"Journal entry {entry.Sequence} ({entry.Kind}) has a payload that is not a valid {type.Name}: {ex.Message}", ex);
        }
    }

    private static Type PayloadTypeOf(JournalEntry entry) =>
        JournalKinds.IsKnown(entry.Kind)
            ? JournalKinds.PayloadTypeOf(entry.Kind)
            : throw new JournalException(
                $"Journal entry {entry.Sequence} has the unknown kind '{entry.Kind}'; it was not written by this version of AutoLab.");
}
