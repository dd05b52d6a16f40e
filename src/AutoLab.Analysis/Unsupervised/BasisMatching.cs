using System.Globalization;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>Compares two sets of basis patterns (e.g. true phase patterns and NMF's rows of H).</summary>
/// <remarks>
/// NMF returns its components in arbitrary order and scale, so a comparison needs the cosine
/// similarity (scale free) under the best permutation, found exactly by the Hungarian method.
/// <seealso cref="Nmf"/> <seealso cref="NmfRankSelection"/>
/// </remarks>
public static class BasisMatching
{
    /// <summary>The cosine similarity a.b / (|a| |b|), in double; 0 when either vector is zero.</summary>
    /// <param name="a">A pattern.</param>
    /// <param name="b">A pattern of the same length.</param>
    /// <returns>The similarity in [-1, 1].</returns>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"b has {b.Length} values but a has {a.Length}.", nameof(b));
        }

        double dot = 0.0, na = 0.0, nb = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return na > 0.0 && nb > 0.0 ? dot / Math.Sqrt(na * nb) : 0.0;
    }

    /// <summary>Pairs each reference pattern with a distinct candidate so the summed cosine is largest.</summary>
    /// <param name="reference">referenceCount x length, row-major (one pattern per row).</param>
    /// <param name="referenceCount">Reference patterns.</param>
    /// <param name="candidates">candidateCount x length, row-major.</param>
    /// <param name="candidateCount">Candidate patterns.</param>
    /// <param name="length">Points per pattern.</param>
    /// <returns>The assignment and its cosines.</returns>
    /// <exception cref="ArgumentException">A length does not match the counts.</exception>
    public static BasisMatch Match(
        ReadOnlySpan<float> reference, int referenceCount, ReadOnlySpan<float> candidates, int candidateCount, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidateCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        CheckLength(reference, referenceCount, length, nameof(reference));
        CheckLength(candidates, candidateCount, length, nameof(candidates));

        int n = Math.Max(referenceCount, candidateCount);
        double[] similarity = new double[referenceCount * candidateCount];
        double[] cost = new double[n * n];  // padding rows/columns cost 0: "no partner"
        for (int r = 0; r < referenceCount; r++)
        {
            for (int c = 0; c < candidateCount; c++)
            {
                double cosine = Cosine(reference.Slice(r * length, length), candidates.Slice(c * length, length));
                similarity[(r * candidateCount) + c] = cosine;
                cost[(r * n) + c] = -cosine;
            }
        }

        int[] solved = LinearAssignment.Solve(cost, n);
        int[] assignment = new int[referenceCount];
        double[] cosines = new double[referenceCount];
        double minimum = double.PositiveInfinity, sum = 0.0;
        for (int r = 0; r < referenceCount; r++)
        {
            int c = solved[r];
            assignment[r] = c < candidateCount ? c : -1;
            cosines[r] = c < candidateCount ? similarity[(r * candidateCount) + c] : 0.0;
            minimum = Math.Min(minimum, cosines[r]);
            sum += cosines[r];
        }

        return new BasisMatch(assignment, cosines, minimum, sum / referenceCount);
    }

    private static void CheckLength(ReadOnlySpan<float> patterns, int count, int length, string name)
    {
        if (patterns.Length != (long)count * length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} has {patterns.Length} values but count x length = {count} x {length}."),
                name);
        }
    }
}
