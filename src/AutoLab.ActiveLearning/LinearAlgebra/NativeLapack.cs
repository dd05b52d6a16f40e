using System.Runtime.InteropServices;

namespace AutoLab.ActiveLearning.LinearAlgebra;

/// <summary>The LAPACK routines used here, from the system's liblapack.so.3, called through their Fortran symbols.</summary>
/// <remarks>
/// Fortran passes every argument by reference and, for gfortran-built LAPACK, appends the length of each
/// character argument as a hidden trailing <c>size_t</c>; the declarations include it so that both the
/// reference LAPACK and OpenBLAS's C implementation are called correctly.
/// </remarks>
internal static unsafe partial class NativeLapack
{
    internal const string Library = "liblapack.so.3";

    [LibraryImport(Library, EntryPoint = "dpotrf_")]
    internal static partial void Dpotrf(byte* uplo, int* n, double* a, int* lda, int* info, nuint uploLength);

    [LibraryImport(Library, EntryPoint = "dpotrs_")]
    internal static partial void Dpotrs(byte* uplo, int* n, int* nrhs, double* a, int* lda, double* b, int* ldb, int* info, nuint uploLength);

    [LibraryImport(Library, EntryPoint = "dpotri_")]
    internal static partial void Dpotri(byte* uplo, int* n, double* a, int* lda, int* info, nuint uploLength);

    [LibraryImport(Library, EntryPoint = "dtrtrs_")]
    internal static partial void Dtrtrs(
        byte* uplo, byte* trans, byte* diag, int* n, int* nrhs, double* a, int* lda, double* b, int* ldb, int* info, nuint uploLength, nuint transLength, nuint diagLength);
}
