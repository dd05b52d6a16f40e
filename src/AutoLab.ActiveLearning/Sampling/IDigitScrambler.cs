namespace AutoLab.ActiveLearning.Sampling;

/// <summary>Randomises the binary digits of one coordinate of a digital sequence.</summary>
internal interface IDigitScrambler
{
    /// <summary>The scrambled coordinate.</summary>
    /// <param name="digits">The coordinate's first 32 binary digits, most significant first.</param>
    /// <param name="dimension">0-based dimension of the coordinate.</param>
    /// <returns>A value in [0, 1) with 53 significant bits: 32 scrambled digits and 21 further random ones.</returns>
    double Apply(uint digits, int dimension);
}
