using System.Runtime.InteropServices;

namespace AutoLab.ActiveLearning.LinearAlgebra;

/// <summary>The CBLAS routines used here, from the system's libblas.so.3 (OpenBLAS through Debian's alternatives).</summary>
/// <remarks>Callers go through <see cref="NativeLinearAlgebra"/>, which turns a missing library into a clear error.</remarks>
internal static unsafe partial class NativeBlas
{
    internal const string Library = "libblas.so.3";

    /// <summary>CblasColMajor: every matrix here is stored column by column, as LAPACK expects.</summary>
    internal const int ColMajor = 102;
    internal const int NoTrans = 111;
    internal const int Trans = 112;
    internal const int Lower = 122;
    internal const int NonUnit = 131;
    internal const int Left = 141;

    [LibraryImport(Library, EntryPoint = "cblas_dgemm")]
    internal static partial void Dgemm(
        int order, int transA, int transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(Library, EntryPoint = "cblas_dtrsm")]
    internal static partial void Dtrsm(
        int order, int side, int uplo, int transA, int diag, int m, int n, double alpha, double* a, int lda, double* b, int ldb);

    [LibraryImport(Library, EntryPoint = "cblas_dsyrk")]
    internal static partial void Dsyrk(
        int order, int uplo, int trans, int n, int k, double alpha, double* a, int lda, double beta, double* c, int ldc);
}
