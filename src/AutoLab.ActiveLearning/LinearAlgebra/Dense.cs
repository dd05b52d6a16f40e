namespace AutoLab.ActiveLearning.LinearAlgebra;

/// <summary>
/// Safe wrappers over the native routines for column-major arrays: pin, check sizes, and turn a missing
/// library into <see cref="NativeLinearAlgebra.Missing"/>.
/// </summary>
/// <remarks>Every matrix is column-major with an explicit leading dimension, as LAPACK stores it; "lower" means the lower triangle.</remarks>
internal static unsafe class Dense
{
    private const byte LowerChar = (byte)'L';
    private const byte NoTransChar = (byte)'N';
    private const byte TransChar = (byte)'T';

    /// <summary>Cholesky factor in place (dpotrf, lower); returns LAPACK's info (0 = success, k &gt; 0 = leading minor k not positive).</summary>
    internal static int Potrf(double[] a, int n, int lda)
    {
        Check(a, n, n, lda);
        try
        {
            NativeLinearAlgebra.EnsureAvailable();
            byte uplo = LowerChar;
            int info;
            fixed (double* pa = a)
            {
                NativeLapack.Dpotrf(&uplo, &n, pa, &lda, &info, 1);
            }

            return info;
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    /// <summary>Solves (L Lᵀ) X = B in place for <paramref name="columns"/> right-hand sides (dpotrs).</summary>
    internal static void Potrs(double[] factor, int n, int lda, Span<double> b, int columns, int ldb)
    {
        Check(factor, n, n, lda);
        CheckSpan(b.Length, n, columns, ldb);
        try
        {
            byte uplo = LowerChar;
            int info;
            fixed (double* pa = factor)
            fixed (double* pb = b)
            {
                NativeLapack.Dpotrs(&uplo, &n, &columns, pa, &lda, pb, &ldb, &info, 1);
            }

            ThrowOnInfo("dpotrs", info);
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    /// <summary>Turns a Cholesky factor into the lower triangle of the inverse, in place (dpotri); returns info.</summary>
    internal static int Potri(double[] a, int n, int lda)
    {
        Check(a, n, n, lda);
        try
        {
            byte uplo = LowerChar;
            int info;
            fixed (double* pa = a)
            {
                NativeLapack.Dpotri(&uplo, &n, pa, &lda, &info, 1);
            }

            return info;
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    /// <summary>Solves L x = b (or Lᵀ x = b when <paramref name="transpose"/>) in place for one right-hand side (dtrtrs).</summary>
    internal static void Trtrs(double[] factor, int n, int lda, Span<double> b, bool transpose)
    {
        Check(factor, n, n, lda);
        CheckSpan(b.Length, n, 1, n);
        try
        {
            byte uplo = LowerChar;
            byte trans = transpose ? TransChar : NoTransChar;
            byte diag = NoTransChar;
            int one = 1;
            int ldb = Math.Max(n, 1);
            int info;
            fixed (double* pa = factor)
            fixed (double* pb = b)
            {
                NativeLapack.Dtrtrs(&uplo, &trans, &diag, &n, &one, pa, &lda, pb, &ldb, &info, 1, 1, 1);
            }

            ThrowOnInfo("dtrtrs", info);
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    /// <summary>Solves L X = B in place for an n × m block B (cblas_dtrsm, left, lower, no transpose).</summary>
    internal static void Trsm(double[] factor, int n, int lda, double[] b, int columns, int ldb)
    {
        Check(factor, n, n, lda);
        CheckSpan(b.Length, n, columns, ldb);
        try
        {
            NativeLinearAlgebra.EnsureAvailable();
            fixed (double* pa = factor)
            fixed (double* pb = b)
            {
                NativeBlas.Dtrsm(NativeBlas.ColMajor, NativeBlas.Left, NativeBlas.Lower, NativeBlas.NoTrans, NativeBlas.NonUnit, n, columns, 1.0, pa, lda, pb, ldb);
            }
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    /// <summary>C = Aᵀ B for column-major A (k × m) and B (k × n), giving C (m × n) (cblas_dgemm).</summary>
    internal static void GemmTransposeA(double[] a, int k, int m, double[] b, int n, double[] c)
    {
        CheckSpan(a.Length, k, m, k);
        CheckSpan(b.Length, k, n, k);
        CheckSpan(c.Length, m, n, m);
        try
        {
            NativeLinearAlgebra.EnsureAvailable();
            fixed (double* pa = a)
            fixed (double* pb = b)
            fixed (double* pc = c)
            {
                NativeBlas.Dgemm(NativeBlas.ColMajor, NativeBlas.Trans, NativeBlas.NoTrans, m, n, k, 1.0, pa, Math.Max(k, 1), pb, Math.Max(k, 1), 0.0, pc, Math.Max(m, 1));
            }
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    /// <summary>Lower triangle of C = Aᵀ A for column-major A (k × n) (cblas_dsyrk), C being n × n.</summary>
    internal static void SyrkTranspose(double[] a, int k, int n, double[] c)
    {
        CheckSpan(a.Length, k, n, k);
        CheckSpan(c.Length, n, n, n);
        try
        {
            NativeLinearAlgebra.EnsureAvailable();
            fixed (double* pa = a)
            fixed (double* pc = c)
            {
                NativeBlas.Dsyrk(NativeBlas.ColMajor, NativeBlas.Lower, NativeBlas.Trans, n, k, 1.0, pa, Math.Max(k, 1), 0.0, pc, Math.Max(n, 1));
            }
        }
        catch (DllNotFoundException e)
        {
            throw NativeLinearAlgebra.Missing(e);
        }
    }

    private static void Check(double[] a, int rows, int columns, int lda) => CheckSpan(a.Length, rows, columns, lda);

    private static void CheckSpan(int length, int rows, int columns, int ld)
    {
        if (rows < 0 || columns < 0 || ld < Math.Max(rows, 1) || (columns > 0 && length < ((long)ld * (columns - 1)) + rows))
        {
            throw new ArgumentException($"a {rows} x {columns} matrix with leading dimension {ld} does not fit in {length} elements");
        }
    }

    private static void ThrowOnInfo(string routine, int info)
    {
        if (info != 0)
        {
            throw new InvalidOperationException($"{routine} failed with info = {info}");
        }
    }
}
