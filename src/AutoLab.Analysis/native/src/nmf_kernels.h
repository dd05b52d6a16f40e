// CPU kernels of al_nmf (nmf.cpp): the products with X, the fused HALS steps and the residual norm,
// threaded over fixed blocks with block_pool (`threads` is the most threads one call uses,
// the caller's included). No libtorch here, so these files compile in a second and can be timed on
// their own.
//
// Why not libtorch's matmul: the products have one thin side (rank 5 against 1000 x 4500), where
// OpenBLAS's sgemm first packs X into panels (sgemm_itcopy/incopy took half as many perf samples as
// its compute kernel in al_nmf), and the HALS sweeps between the products ran on one thread. Here
// every product reads X once, row by row or in column blocks, with no copy, and the sweeps of a
// block follow its product on the same thread.
//
// Determinism: every output element is computed by one thread in a fixed order, and sums over blocks
// are added in block order, so results do not depend on the thread count.
#pragma once

#include <cstdint>

namespace al::nmf_kernels {

/// out (k x rows) = F X^T for X (rows x cols, row-major) and F (k x cols).
void times_transposed(const float* x, int64_t rows, int64_t cols, const float* f, int64_t k, float* out, int threads);

/// out (k x cols) = G X for X (rows x cols, row-major) and G (k x rows).
void left_times(const float* x, int64_t rows, int64_t cols, const float* g, int64_t k, float* out, int threads);

/// The W half of an accelerated-HALS iteration: for each fixed block of rows of X, the block's
/// columns of A = H X^T, then up to max_inner HALS sweeps over the same columns of W^T (rank x rows)
/// with B = H H^T (rank x rank, double). Each block stops on its own once a sweep changes it by less
/// than epsilon^2 times its first sweep's change (Gillis & Glineur 2012): the rows of W are
/// independent least-squares problems, so the rule applies to each block as to the whole.
void hals_w_step(const float* x, int64_t rows, int64_t cols, const float* h, const double* b,
                 int64_t rank, int64_t max_inner, double epsilon, float* wt, int threads);

/// The H half: for each fixed block of columns of X, the block of C = W^T X (written to c,
/// rank x cols, which the caller keeps for its error check), then up to max_inner HALS sweeps over
/// the same columns of H (rank x cols) with D = W^T W (rank x rank, double), stopping per block.
void hals_h_step(const float* x, int64_t rows, int64_t cols, const float* wt, const double* d,
                 int64_t rank, int64_t max_inner, double epsilon, float* c, float* h, int threads);

/// ||X - W H||_F^2 with W given transposed (rank x rows), summed in double; no residual is stored.
double squared_residual(const float* x, int64_t rows, int64_t cols, const float* wt, const float* h,
                        int64_t rank, int threads);

/// ||X||_F^2 in double when every entry is finite and >= 0, with the sum of the entries in *sum;
/// otherwise -1 (the caller then scans serially for the first bad entry, to name it).
double squared_norm_if_valid(const float* x, int64_t count, int threads, double* sum);

}  // namespace al::nmf_kernels
