// CPU kernels of al_nmf; see nmf_kernels.h for what and why.
#include "nmf_kernels.h"

#include "block_pool.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace al::nmf_kernels {
namespace {

// The kernels' bodies, inlined into an AVX2 and a baseline copy each (see AL_DISPATCH below).
#define AL_INLINE inline __attribute__((always_inline))

// Vector lanes the inner loops are written for: 8 floats (one AVX register, two SSE ones). Writing
// the partial sums as fixed-size lane arrays lets the compiler vectorise them without -ffast-math,
// which it must not do on its own for a reordered float sum.
constexpr int64_t kLanes = 8;
// Rows of F handled per pass over two rows of X (see dot_rows_body).
constexpr int64_t kChunk = 6;
// Block sizes are fixed (not derived from the thread count) so results do not depend on it. Rows
// per block of the W step: enough blocks (32 for 1,000 rows) to balance two threads dynamically.
constexpr int64_t kRowBlock = 32;
// Columns per block of the H step: 256 floats x rank of C and H stay in L1 while X streams past.
constexpr int64_t kColBlock = 256;
// Entries per block of the norm pass.
constexpr int64_t kNormBlock = 1 << 16;

int64_t blocks_of(int64_t n, int64_t block) { return (n + block - 1) / block; }

// out[j * out_stride + r] = dot(F row j, X row r) for r in [r0, r1), j < k. Two rows of X per pass
// share each load of F; 2 x kChunk x 8 partial sums plus the operands fill the 16 vector registers.
AL_INLINE void dot_rows_body(const float* x, int64_t cols, int64_t r0, int64_t r1, const float* f,
                             int64_t k, float* out, int64_t out_stride) {
  const int64_t full = cols - cols % kLanes;
  for (int64_t r = r0; r < r1; r += 2) {
    const bool pair = r + 1 < r1;
    const float* x0 = x + r * cols;
    // A lone last row reads itself twice rather than past the block.
    const float* x1 = pair ? x0 + cols : x0;
    for (int64_t j0 = 0; j0 < k; j0 += kChunk) {
      const int64_t n = std::min(kChunk, k - j0);
      float acc0[kChunk][kLanes] = {};
      float acc1[kChunk][kLanes] = {};
      for (int64_t c = 0; c < full; c += kLanes) {
        for (int64_t j = 0; j < n; ++j) {
          const float* fj = f + (j0 + j) * cols + c;
          for (int64_t t = 0; t < kLanes; ++t) {
            acc0[j][t] += fj[t] * x0[c + t];
            acc1[j][t] += fj[t] * x1[c + t];
          }
        }
      }
      for (int64_t j = 0; j < n; ++j) {
        float sum0 = 0.0f, sum1 = 0.0f;
        for (int64_t t = 0; t < kLanes; ++t) {
          sum0 += acc0[j][t];
          sum1 += acc1[j][t];
        }
        for (int64_t c = full; c < cols; ++c) {
          sum0 += f[(j0 + j) * cols + c] * x0[c];
          sum1 += f[(j0 + j) * cols + c] * x1[c];
        }
        out[(j0 + j) * out_stride + r] = sum0;
        if (pair) {
          out[(j0 + j) * out_stride + r + 1] = sum1;
        }
      }
    }
  }
}

// out[j * cols + c] = sum_r G[j, r] X[r, c] for c in [c0, c1), j < k; rows summed in order.
AL_INLINE void combine_rows_body(const float* x, int64_t rows, int64_t cols, int64_t c0, int64_t c1,
                                 const float* g, int64_t k, float* out) {
  const int64_t width = c1 - c0;
  for (int64_t j = 0; j < k; ++j) {
    std::fill_n(out + j * cols + c0, width, 0.0f);
  }
  // Four rows of X per pass, so each output is loaded and stored once per four products.
  int64_t r = 0;
  for (; r + 4 <= rows; r += 4) {
    const float* x0 = x + r * cols + c0;
    const float* x1 = x0 + cols;
    const float* x2 = x1 + cols;
    const float* x3 = x2 + cols;
    for (int64_t j = 0; j < k; ++j) {
      const float* gj = g + j * rows + r;
      const float w0 = gj[0], w1 = gj[1], w2 = gj[2], w3 = gj[3];
      float* o = out + j * cols + c0;
      for (int64_t c = 0; c < width; ++c) {
        o[c] += w0 * x0[c] + w1 * x1[c] + w2 * x2[c] + w3 * x3[c];
      }
    }
  }
  for (; r < rows; ++r) {
    const float* xr = x + r * cols + c0;
    for (int64_t j = 0; j < k; ++j) {
      const float weight = g[j * rows + r];
      float* o = out + j * cols + c0;
      for (int64_t c = 0; c < width; ++c) {
        o[c] += weight * xr[c];
      }
    }
  }
}

// Accelerated-HALS sweeps (Cichocki & Phan 2009; Gillis & Glineur 2012) over columns [0, width) of
// v (rank rows, row stride `stride`), minimising ||M - F^T v|| given a = F M (row stride a_stride)
// and b = F F^T. Row k of the block moves to max(0, v_k + (a_k - b_k v) / b_kk), all rows in turn,
// up to max_inner times, until a sweep changes the block by less than epsilon^2 x the first sweep.
AL_INLINE void hals_block_body(float* v, int64_t stride, int64_t width, const float* a,
                               int64_t a_stride, const double* b, int64_t rank, int64_t max_inner,
                               double epsilon, float* residual) {
  const int64_t full = width - width % kLanes;
  double first_change = 0.0;
  for (int64_t inner = 0; inner < max_inner; ++inner) {
    double change = 0.0;
    for (int64_t k = 0; k < rank; ++k) {
      const double diagonal = b[k * rank + k];
      if (!(diagonal > 0.0)) {
        continue;  // the other factor's component k is zero: nothing determines this row
      }
      std::copy_n(a + k * a_stride, width, residual);
      for (int64_t l = 0; l < rank; ++l) {
        const float coefficient = static_cast<float>(b[k * rank + l]);
        const float* row_l = v + l * stride;
        for (int64_t j = 0; j < width; ++j) {
          residual[j] -= coefficient * row_l[j];
        }
      }
      float* row = v + k * stride;
      const float inverse = static_cast<float>(1.0 / diagonal);
      float lanes[kLanes] = {};
      for (int64_t j = 0; j < full; j += kLanes) {
        for (int64_t t = 0; t < kLanes; ++t) {
          const float updated = std::max(0.0f, row[j + t] + residual[j + t] * inverse);
          const float delta = updated - row[j + t];
          lanes[t] += delta * delta;
          row[j + t] = updated;
        }
      }
      double row_change = 0.0;
      for (int64_t j = full; j < width; ++j) {
        const float updated = std::max(0.0f, row[j] + residual[j] * inverse);
        const float delta = updated - row[j];
        row_change += static_cast<double>(delta) * delta;
        row[j] = updated;
      }
      for (int64_t t = 0; t < kLanes; ++t) {
        row_change += lanes[t];
      }
      change += row_change;
    }
    if (inner == 0) {
      first_change = change;
      if (first_change == 0.0) {
        return;
      }
    } else if (change <= epsilon * epsilon * first_change) {
      return;
    }
  }
}

// Sum over rows [r0, r1) of ||X row - (W H) row||^2 in double; model is a cols-long scratch row.
AL_INLINE double residual_rows_body(const float* x, int64_t rows, int64_t cols, const float* wt,
                                    const float* h, int64_t rank, int64_t r0, int64_t r1, float* model) {
  const int64_t full = cols - cols % kLanes;
  double lanes[kLanes] = {};
  double tail = 0.0;
  for (int64_t r = r0; r < r1; ++r) {
    std::fill_n(model, cols, 0.0f);
    for (int64_t k = 0; k < rank; ++k) {
      const float weight = wt[k * rows + r];
      const float* basis = h + k * cols;
      for (int64_t c = 0; c < cols; ++c) {
        model[c] += weight * basis[c];
      }
    }
    const float* row = x + r * cols;
    for (int64_t c = 0; c < full; c += kLanes) {
      for (int64_t t = 0; t < kLanes; ++t) {
        const double difference = static_cast<double>(row[c + t]) - model[c + t];
        lanes[t] += difference * difference;
      }
    }
    for (int64_t c = full; c < cols; ++c) {
      const double difference = static_cast<double>(row[c]) - model[c];
      tail += difference * difference;
    }
  }
  for (int64_t t = 0; t < kLanes; ++t) {
    tail += lanes[t];
  }
  return tail;
}

// Sum of squares of x[begin, end) in double, and the plain sum in *total; *valid becomes false at a
// NaN, infinite or negative entry.
AL_INLINE double norm_block_body(const float* x, int64_t begin, int64_t end, bool* valid, double* total) {
  double lanes[kLanes] = {};
  double plain[kLanes] = {};
  // Counted rather than branched on, so the loop vectorises: value >= 0 is false for NaN and
  // value <= FLT_MAX is false for +infinity.
  int64_t bad = 0;
  int64_t i = begin;
  for (; i + kLanes <= end; i += kLanes) {
    for (int64_t t = 0; t < kLanes; ++t) {
      const float value = x[i + t];
      bad += !(value >= 0.0f && value <= std::numeric_limits<float>::max());
      lanes[t] += static_cast<double>(value) * value;
      plain[t] += value;
    }
  }
  double sum = 0.0;
  double plain_sum = 0.0;
  for (; i < end; ++i) {
    const float value = x[i];
    bad += !(value >= 0.0f && value <= std::numeric_limits<float>::max());
    sum += static_cast<double>(value) * value;
    plain_sum += value;
  }
  for (int64_t t = 0; t < kLanes; ++t) {
    sum += lanes[t];
    plain_sum += plain[t];
  }
  *valid = bad == 0;
  *total = plain_sum;
  return sum;
}

// Each body is compiled twice: for AVX2 with FMA, and for the baseline x86-64 (SSE2) or whatever
// the target is. The library must run on any x86-64 (and other) CPU, so -mavx2 cannot be global;
// the AVX2 copy is chosen once at run time. Measured on this machine's EPYC for H X^T (1000 x 4500,
// rank 5, one thread): an SSE2 build of a one-row dot_rows 7.3 ms, OpenBLAS's sgemm 2.0 ms, the AVX2
// build of this two-row one 2.0 ms; W^T X 1.5 ms against sgemm's 1.9 ms.
#if defined(__x86_64__) && defined(__GNUC__)
#define AL_DISPATCH(name, signature, arguments)                              \
  __attribute__((target("avx2,fma"))) auto name##_avx2 signature {          \
    return name##_body arguments;                                            \
  }                                                                          \
  auto name##_base signature { return name##_body arguments; }               \
  auto name signature {                                                      \
    static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"); \
    return avx2 ? name##_avx2 arguments : name##_base arguments;             \
  }
#else
#define AL_DISPATCH(name, signature, arguments) \
  auto name signature { return name##_body arguments; }
#endif

AL_DISPATCH(dot_rows,
            (const float* x, int64_t cols, int64_t r0, int64_t r1, const float* f, int64_t k, float* out,
             int64_t out_stride),
            (x, cols, r0, r1, f, k, out, out_stride))
AL_DISPATCH(combine_rows,
            (const float* x, int64_t rows, int64_t cols, int64_t c0, int64_t c1, const float* g, int64_t k,
             float* out),
            (x, rows, cols, c0, c1, g, k, out))
AL_DISPATCH(hals_block,
            (float* v, int64_t stride, int64_t width, const float* a, int64_t a_stride, const double* b,
             int64_t rank, int64_t max_inner, double epsilon, float* residual),
            (v, stride, width, a, a_stride, b, rank, max_inner, epsilon, residual))
AL_DISPATCH(residual_rows,
            (const float* x, int64_t rows, int64_t cols, const float* wt, const float* h, int64_t rank,
             int64_t r0, int64_t r1, float* model),
            (x, rows, cols, wt, h, rank, r0, r1, model))
AL_DISPATCH(norm_block, (const float* x, int64_t begin, int64_t end, bool* valid, double* total),
            (x, begin, end, valid, total))

}  // namespace

void times_transposed(const float* x, int64_t rows, int64_t cols, const float* f, int64_t k, float* out,
                      int threads) {
  block_pool::run(blocks_of(rows, kRowBlock), threads, [&](int64_t block) {
    const int64_t r0 = block * kRowBlock;
    dot_rows(x, cols, r0, std::min(rows, r0 + kRowBlock), f, k, out, rows);
  });
}

void left_times(const float* x, int64_t rows, int64_t cols, const float* g, int64_t k, float* out,
                int threads) {
  block_pool::run(blocks_of(cols, kColBlock), threads, [&](int64_t block) {
    const int64_t c0 = block * kColBlock;
    combine_rows(x, rows, cols, c0, std::min(cols, c0 + kColBlock), g, k, out);
  });
}

void hals_w_step(const float* x, int64_t rows, int64_t cols, const float* h, const double* b,
                 int64_t rank, int64_t max_inner, double epsilon, float* wt, int threads) {
  block_pool::run(blocks_of(rows, kRowBlock), threads, [&](int64_t block) {
    // The block's columns of A = H X^T, and the HALS residual row.
    std::vector<float> a(static_cast<size_t>(rank * kRowBlock));
    std::vector<float> residual(static_cast<size_t>(kRowBlock));
    const int64_t r0 = block * kRowBlock;
    const int64_t width = std::min(rows, r0 + kRowBlock) - r0;
    dot_rows(x + r0 * cols, cols, 0, width, h, rank, a.data(), kRowBlock);
    hals_block(wt + r0, rows, width, a.data(), kRowBlock, b, rank, max_inner, epsilon, residual.data());
  });
}

void hals_h_step(const float* x, int64_t rows, int64_t cols, const float* wt, const double* d,
                 int64_t rank, int64_t max_inner, double epsilon, float* c, float* h, int threads) {
  block_pool::run(blocks_of(cols, kColBlock), threads, [&](int64_t block) {
    std::vector<float> residual(static_cast<size_t>(kColBlock));
    const int64_t c0 = block * kColBlock;
    const int64_t c1 = std::min(cols, c0 + kColBlock);
    combine_rows(x, rows, cols, c0, c1, wt, rank, c);
    hals_block(h + c0, cols, c1 - c0, c + c0, cols, d, rank, max_inner, epsilon, residual.data());
  });
}

double squared_residual(const float* x, int64_t rows, int64_t cols, const float* wt, const float* h,
                        int64_t rank, int threads) {
  const int64_t blocks = blocks_of(rows, kRowBlock);
  std::vector<double> partial(static_cast<size_t>(blocks), 0.0);
  block_pool::run(blocks, threads, [&](int64_t block) {
    std::vector<float> model(static_cast<size_t>(cols));
    const int64_t r0 = block * kRowBlock;
    partial[static_cast<size_t>(block)] =
        residual_rows(x, rows, cols, wt, h, rank, r0, std::min(rows, r0 + kRowBlock), model.data());
  });
  double total = 0.0;
  for (const double value : partial) {
    total += value;
  }
  return total;
}

double squared_norm_if_valid(const float* x, int64_t count, int threads, double* sum) {
  const int64_t blocks = blocks_of(count, kNormBlock);
  std::vector<double> squares(static_cast<size_t>(blocks), 0.0);
  std::vector<double> sums(static_cast<size_t>(blocks), 0.0);
  std::vector<char> valid(static_cast<size_t>(blocks), 0);
  block_pool::run(blocks, threads, [&](int64_t block) {
    const int64_t begin = block * kNormBlock;
    const auto index = static_cast<size_t>(block);
    bool block_valid = true;
    squares[index] = norm_block(x, begin, std::min(count, begin + kNormBlock), &block_valid, &sums[index]);
    valid[index] = block_valid ? 1 : 0;
  });
  double total = 0.0;
  *sum = 0.0;
  for (size_t block = 0; block < squares.size(); ++block) {
    if (valid[block] == 0) {
      return -1.0;
    }
    total += squares[block];
    *sum += sums[block];
  }
  return total;
}

}  // namespace al::nmf_kernels
