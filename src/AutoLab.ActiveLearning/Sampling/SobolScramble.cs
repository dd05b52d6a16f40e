namespace AutoLab.ActiveLearning.Sampling;

/// <summary>How a <see cref="SobolSequence"/> is randomised.</summary>
public enum SobolScramble
{
    /// <summary>The plain sequence; every seed gives the same points.</summary>
    None,

    /// <summary>
    /// Owen's nested uniform scramble (Owen 1995): each binary digit is flipped by a random bit that
    /// depends on the seed, the dimension and all earlier digits. Keeps the net property and makes
    /// every point uniform on the cube.
    /// </summary>
    Owen,

    /// <summary>
    /// Matoušek's random linear matrix scramble with a digital shift (Matoušek 1998): a random
    /// lower-triangular binary matrix times the digits, then a random XOR. Cheaper than Owen's, and also
    /// keeps the net property.
    /// </summary>
    LinearMatrix,
}
