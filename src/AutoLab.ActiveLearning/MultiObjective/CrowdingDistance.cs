namespace AutoLab.ActiveLearning.MultiObjective;

/// <summary>
/// NSGA-II's crowding distance (Deb et al. 2002, §III-B): for each point of a front, the sum over
/// objectives of the normalised gap between its two neighbours; the extreme points get infinity.
/// </summary>
/// <remarks>Reusable buffers, so a generation allocates nothing. <seealso cref="NonDominatedSorter"/></remarks>
public sealed class CrowdingDistance
{
    private double[] keys = [];
    private int[] items = [];

    /// <summary>Computes the crowding distance of each point of one front.</summary>
    /// <param name="objectives">n × M objective values, row-major, of the whole population.</param>
    /// <param name="objectiveCount">M.</param>
    /// <param name="front">Indices of the front's points.</param>
    /// <param name="distance">Receives one distance per entry of <paramref name="front"/>, in the same order.</param>
    public void Compute(ReadOnlySpan<double> objectives, int objectiveCount, ReadOnlySpan<int> front, Span<double> distance)
    {
        int size = front.Length;
        distance[..size].Clear();
        if (size <= 2)
        {
            distance[..size].Fill(double.PositiveInfinity);
            return;
        }

        if (keys.Length < size)
        {
            keys = new double[size];
            items = new int[size];
        }

        Span<double> k = keys.AsSpan(0, size);
        Span<int> position = items.AsSpan(0, size);
        for (int m = 0; m < objectiveCount; m++)
        {
            for (int p = 0; p < size; p++)
            {
                k[p] = objectives[(front[p] * objectiveCount) + m];
                position[p] = p;
            }

            k.Sort(position);
            double range = k[size - 1] - k[0];
            distance[position[0]] = double.PositiveInfinity;
            distance[position[size - 1]] = double.PositiveInfinity;
            if (range <= 0.0)
            {
                continue;
            }

            for (int p = 1; p < size - 1; p++)
            {
                distance[position[p]] += (k[p + 1] - k[p - 1]) / range;
            }
        }
    }
}
