namespace AutoLab.ActiveLearning.LinearAlgebra;

/// <summary>
/// The Cholesky factor L of a symmetric positive-definite matrix K = L Lᵀ, computed by LAPACK, with
/// solves, the log-determinant, the inverse, and cheap extension by one row and column.
/// </summary>
/// <remarks>
/// L is stored column-major with a leading dimension equal to the capacity, so <see cref="TryAppend"/>
/// writes the new row in place in O(n²) (one triangular solve) instead of refactoring in O(n³); a
/// Gaussian process uses it to add fantasized observations. <seealso cref="NativeLinearAlgebra"/>
/// </remarks>
public sealed class CholeskyFactor
{
    private double[] data;
    private int capacity;

    private CholeskyFactor(double[] data, int size, int capacity)
    {
        this.data = data;
        Size = size;
        this.capacity = capacity;
    }

    /// <summary>Order n of the factored matrix.</summary>
    public int Size { get; private set; }

    /// <summary>Element (i, j) of L; zero above the diagonal.</summary>
    /// <param name="row">Row, 0-based.</param>
    /// <param name="column">Column, 0-based.</param>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Size, nameof(row));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Size, nameof(column));
            return row >= column ? data[row + (column * capacity)] : 0.0;
        }
    }

    /// <summary>Factors a symmetric matrix.</summary>
    /// <param name="matrix">n × n, column-major; only the lower triangle is read. Not modified.</param>
    /// <param name="size">n.</param>
    /// <param name="factor">The factor, when the matrix is positive definite.</param>
    /// <param name="extraCapacity">Rows that <see cref="TryAppend"/> may add without reallocating.</param>
    /// <returns>False when the matrix is not numerically positive definite.</returns>
    /// <exception cref="InvalidOperationException">The native library is missing.</exception>
    public static bool TryFactor(ReadOnlySpan<double> matrix, int size, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CholeskyFactor? factor, int extraCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(extraCapacity);
        if (matrix.Length < size * size)
        {
            throw new ArgumentException($"matrix has {matrix.Length} elements; {size} x {size} needs {size * size}", nameof(matrix));
        }

        int cap = Math.Max(size + extraCapacity, 1);
        double[] storage = new double[cap * cap];
        for (int j = 0; j < size; j++)
        {
            matrix.Slice(j * size, size).CopyTo(storage.AsSpan(j * cap, size));
        }

        return FromStorage(storage, size, cap, out factor);
    }

    /// <summary>Factors a matrix whose storage is handed over (column-major, leading dimension <paramref name="capacity"/>).</summary>
    internal static bool FromStorage(double[] storage, int size, int capacity, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CholeskyFactor? factor)
    {
        factor = null;
        if (size > 0 && Dense.Potrf(storage, size, capacity) != 0)
        {
            return false;
        }

        for (int j = 0; j < size; j++)
        {
            // dpotrf leaves the strict upper triangle untouched; clear it so appends and inverses see zeros.
            Array.Clear(storage, j * capacity, j);
        }

        factor = new CholeskyFactor(storage, size, capacity);
        return true;
    }

    /// <summary>Solves K x = b in place.</summary>
    /// <param name="rhs">b on entry, x on return; length n.</param>
    public void Solve(Span<double> rhs)
    {
        CheckLength(rhs.Length);
        if (Size > 0)
        {
            Dense.Potrs(data, Size, capacity, rhs, 1, Size);
        }
    }

    /// <summary>Solves L x = b in place (forward substitution).</summary>
    /// <param name="rhs">b on entry, x on return; length n.</param>
    public void SolveLower(Span<double> rhs)
    {
        CheckLength(rhs.Length);
        if (Size > 0)
        {
            Dense.Trtrs(data, Size, capacity, rhs, transpose: false);
        }
    }

    /// <summary>Solves Lᵀ x = b in place (back substitution).</summary>
    /// <param name="rhs">b on entry, x on return; length n.</param>
    public void SolveUpper(Span<double> rhs)
    {
        CheckLength(rhs.Length);
        if (Size > 0)
        {
            Dense.Trtrs(data, Size, capacity, rhs, transpose: true);
        }
    }

    /// <summary>Solves L X = B in place for many right-hand sides at BLAS-3 speed.</summary>
    /// <param name="block">B, n × <paramref name="columns"/>, column-major; X on return.</param>
    /// <param name="columns">Number of right-hand sides.</param>
    public void SolveLowerMany(double[] block, int columns)
    {
        if (Size > 0 && columns > 0)
        {
            Dense.Trsm(data, Size, capacity, block, columns, Size);
        }
    }

    /// <summary>log det K = 2 Σ log Lᵢᵢ.</summary>
    /// <returns>The natural log of the determinant of K.</returns>
    public double LogDeterminant()
    {
        double sum = 0.0;
        for (int i = 0; i < Size; i++)
        {
            sum += Math.Log(data[i + (i * capacity)]);
        }

        return 2.0 * sum;
    }

    /// <summary>K⁻¹ from the factor (LAPACK dpotri), both triangles filled.</summary>
    /// <returns>n × n, column-major.</returns>
    public double[] Inverse()
    {
        int n = Size;
        double[] inverse = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            data.AsSpan(j * capacity, n).CopyTo(inverse.AsSpan(j * n, n));
        }

        if (n > 0 && Dense.Potri(inverse, n, n) != 0)
        {
            throw new InvalidOperationException("dpotri failed: the factor has a zero on its diagonal");
        }

        for (int j = 0; j < n; j++)
        {
            for (int i = j + 1; i < n; i++)
            {
                inverse[j + (i * n)] = inverse[i + (j * n)];
            }
        }

        return inverse;
    }

    /// <summary>
    /// Extends K by one row and column [k; kₙₙ] and updates L in O(n²): the new row is l = L⁻¹k and the new
    /// diagonal is √(kₙₙ − lᵀl).
    /// </summary>
    /// <param name="cross">k: the covariances of the new element with the existing ones; length n.</param>
    /// <param name="diagonal">kₙₙ: the new element's variance.</param>
    /// <returns>False (and no change) when the extended matrix is not numerically positive definite.</returns>
    public bool TryAppend(ReadOnlySpan<double> cross, double diagonal)
    {
        CheckLength(cross.Length);
        int n = Size;
        double[] row = cross.ToArray();
        SolveLower(row);
        double squared = diagonal;
        for (int i = 0; i < n; i++)
        {
            squared -= row[i] * row[i];
        }

        if (!(squared > 0.0))
        {
            return false;
        }

        if (n + 1 > capacity)
        {
            Grow(Math.Max(2 * capacity, n + 1));
        }

        for (int j = 0; j < n; j++)
        {
            data[n + (j * capacity)] = row[j];
        }

        data[n + (n * capacity)] = Math.Sqrt(squared);
        Size = n + 1;
        return true;
    }

    private void Grow(int newCapacity)
    {
        double[] bigger = new double[newCapacity * newCapacity];
        for (int j = 0; j < Size; j++)
        {
            data.AsSpan(j * capacity, Size).CopyTo(bigger.AsSpan(j * newCapacity, Size));
        }

        data = bigger;
        capacity = newCapacity;
    }

    private void CheckLength(int length)
    {
        if (length != Size)
        {
            throw new ArgumentException($"vector has {length} elements; the factor has order {Size}");
        }
    }
}
