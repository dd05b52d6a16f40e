namespace AutoLab.Orchestrator.Specs;

/// <summary>Finds the known name a misspelt one was probably meant to be, by edit distance.</summary>
internal static class NameSuggester
{
    /// <summary>
    /// The closest of <paramref name="known"/> to <paramref name="name"/>, or null when none is close:
    /// at most one edit per three characters (at least one), ignoring case.
    /// </summary>
    public static string? Suggest(string name, IEnumerable<string> known)
    {
        int allowed = Math.Max(1, name.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= allowed && distance < bestDistance && distance < candidate.Length)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" when a close name exists, else "; known: a, b, c" (or empty when <paramref name="known"/> is empty).</summary>
    public static string Hint(string name, IReadOnlyCollection<string> known, string knownLabel)
    {
        string? suggestion = Suggest(name, known);
        if (suggestion is not null)
        {
            return $"; did you mean '{suggestion}'?";
        }

        return known.Count == 0 ? "" : $"; {knownLabel}: {string.Join(", ", known.Order(StringComparer.Ordinal))}";
    }

    /// <summary>Levenshtein distance (insert, delete, substitute each cost one).</summary>
    public static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
