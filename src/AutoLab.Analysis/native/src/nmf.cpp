// al_nmf: non-negative matrix factorisation X ~ W H by accelerated HALS (see autolab_torch.h).
//
// Method. Hierarchical alternating least squares (Cichocki & Phan 2009, IEICE Trans. Fundamentals
// E92-A:708) updates one row of H (or one column of W) at a time in closed form:
//     H[k] <- max(0, H[k] + ((W^T X)[k] - (W^T W)[k] H) / (W^T W)[k,k])
// and symmetrically for W with X H^T and H H^T. The expensive parts are the products with X
// (O(rows cols rank)); the row updates given them cost O((rows + cols) rank^2). Gillis & Glineur
// (2012, Neural Computation 24:1085, "accelerated HALS") therefore repeat the cheap row updates
// several times per product, up to 1 + alpha * rho times (rho = the flop ratio of one product to one
// sweep of updates, alpha = 0.5), stopping early once a repeat changes the factor by less than
// epsilon = 0.1 times the first repeat's change. That is what makes this faster than scikit-learn's
// "cd" solver, which does exactly one update sweep per product.
//
// On the CPU the products and the sweeps are fused and blocked (nmf_kernels.h): each fixed block of
// rows (W step) or columns (H step) of X is multiplied and the matching block of the factor swept
// by one thread (block_pool.h), and each block applies the stopping rule above to itself. The rows
// of W (and the columns of H) are independent least-squares problems given the other factor, so
// this is the same rule applied per subproblem; it costs two fork-joins per iteration instead of
// one per sweep, and results do not depend on the thread count.
//
// Initialisation. NNDSVDa (Boutsidis & Gallopoulos 2008, Pattern Recognition 41:1350): the positive
// or negative part of each leading singular pair, zeros filled with mean(X), as scikit-learn does;
// the leading singular triplets come from a randomized SVD (Halko, Martinsson & Tropp 2011) with
// scikit-learn's oversampling (10) but 2 power iterations instead of its 7 (see kPowerIterations).
// AL_NMF_INIT_RANDOM draws |N(0,1)| * sqrt(mean(X) / rank) from the seeded CPU generator, so a seed
// gives the same start on every device.
//
// Everything is float32 on the requested device; the reported error is accumulated in double.
#include "shim_common.h"

#include "nmf_kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <tuple>
#include <vector>

namespace {

// Gillis & Glineur's recommended constants for accelerated HALS.
constexpr double kInnerAlpha = 0.5;
constexpr double kInnerEpsilon = 0.1;
// Power iterations of the randomized SVD behind NNDSVDa. scikit-learn uses 7; each costs two passes
// over X, as much as an NMF sweep, and the start only needs the dominant subspace roughly (Halko et
// al. recommend 1-2 for matrices with a clear spectral gap, which low-rank-plus-noise data has).
constexpr int kPowerIterations = 2;
// Below this fraction of ||X||^2 the squared error is summed from the residual, not the expansion.
constexpr double kExpansionReliable = 0.01;
// Errors are checked every this many sweeps (the header's "over 10 iterations").
constexpr int32_t kCheckEvery = 10;

// Threads for the CPU kernels: the shim's process-wide count (al_set_num_threads), or libtorch's
// for this thread when none was set.
int kernel_threads() {
  const int32_t recorded = al::thread_count();
  return recorded > 0 ? recorded : static_cast<int>(torch::get_num_threads());
}

// One pass over the caller's data: rejects non-finite or negative entries (naming the first) and
// returns ||X||^2 in double, which the error checks need, and mean(X), which the starts need. The
// pass is threaded over fixed blocks, so the mean does not depend on the thread count (libtorch's
// x.mean() splits its sum by thread, and moved the final error in the ninth digit between 1 and 2
// threads). Only data with a bad entry is scanned again, serially, to name the first one.
std::pair<double, double> checked_squared_norm_and_mean(const float* x, int64_t rows, int64_t cols) {
  al::require(x != nullptr, "x is a null pointer");
  double sum = 0.0;
  const double squared = al::nmf_kernels::squared_norm_if_valid(x, rows * cols, kernel_threads(), &sum);
  if (squared >= 0.0) {
    return {squared, sum / static_cast<double>(rows * cols)};
  }
  for (int64_t i = 0; i < rows * cols; ++i) {
    const float value = x[i];
    if (!std::isfinite(value) || value < 0.0f) {
      std::ostringstream message;
      message << "x row " << i / cols << ", column " << i % cols << " is " << value
              << (std::isfinite(value) ? "; NMF needs non-negative entries (counts, intensities)"
                                       : "; every value must be finite");
      throw std::invalid_argument(message.str());
    }
  }
  throw std::logic_error("the norm pass found an invalid entry that the scan did not");
}

// ||X - W H||_F with W given transposed (rank x rows). On the CPU one threaded pass over X, row by
// row (nmf_kernels::squared_residual: no residual matrix is allocated); elsewhere the residual
// tensor with ATen's cascade sum.
double frobenius_error(const torch::Tensor& x, const torch::Tensor& wt, const torch::Tensor& h) {
  if (!x.is_cpu()) {
    torch::Tensor residual = torch::addmm(x, wt.t(), h, /*beta=*/1.0, /*alpha=*/-1.0);
    return std::sqrt(residual.square_().sum().item<double>());
  }
  torch::Tensor xc = x.contiguous(), wc = wt.contiguous(), hc = h.contiguous();
  return std::sqrt(al::nmf_kernels::squared_residual(xc.data_ptr<float>(), x.size(0), x.size(1),
                                                      wc.data_ptr<float>(), hc.data_ptr<float>(),
                                                      h.size(0), kernel_threads()));
}

// F X^T (k x rows) for F (k x cols) and G X (k x cols) for G (k x rows): on the CPU the kernels of
// nmf_kernels.h, which read X once without OpenBLAS's packing copy; elsewhere libtorch's matmul.
torch::Tensor times_transposed(const torch::Tensor& x, const torch::Tensor& f) {
  if (!x.is_cpu()) {
    return f.mm(x.t());
  }
  torch::Tensor xc = x.contiguous(), fc = f.contiguous();
  torch::Tensor out = torch::empty({f.size(0), x.size(0)}, fc.options());
  al::nmf_kernels::times_transposed(xc.data_ptr<float>(), x.size(0), x.size(1), fc.data_ptr<float>(),
                                    f.size(0), out.data_ptr<float>(), kernel_threads());
  return out;
}

torch::Tensor left_times(const torch::Tensor& x, const torch::Tensor& g) {
  if (!x.is_cpu()) {
    return g.mm(x);
  }
  torch::Tensor xc = x.contiguous(), gc = g.contiguous();
  torch::Tensor out = torch::empty({g.size(0), x.size(1)}, gc.options());
  al::nmf_kernels::left_times(xc.data_ptr<float>(), x.size(0), x.size(1), gc.data_ptr<float>(), g.size(0),
                              out.data_ptr<float>(), kernel_threads());
  return out;
}

// Small dense products and factorisations below are written as plain loops on the CPU: they are
// O(n rank^2) work, and OpenBLAS wakes its thread pool for each call, which on a busy two-core
// machine made a 1000 x 15 QR take 37 ms instead of 0.04 ms (measured). Other devices use libtorch.

// V V^T for a (rank x n) float32 tensor, accumulated in double.
torch::Tensor gram(const torch::Tensor& v) {
  if (!v.is_cpu()) {
    return v.mm(v.t());
  }
  torch::Tensor rows = v.contiguous();
  const int64_t rank = rows.size(0);
  const int64_t n = rows.size(1);
  torch::Tensor out = torch::empty({rank, rank}, rows.options());
  const float* p = rows.data_ptr<float>();
  float* o = out.data_ptr<float>();
  for (int64_t i = 0; i < rank; ++i) {
    for (int64_t j = 0; j <= i; ++j) {
      double sum = 0.0;
      for (int64_t t = 0; t < n; ++t) {
        sum += static_cast<double>(p[i * n + t]) * p[j * n + t];
      }
      o[i * rank + j] = o[j * rank + i] = static_cast<float>(sum);
    }
  }
  return out;
}

// Orthonormal columns spanning those of y (rows x s): Householder QR on a GPU; on the CPU,
// Cholesky QR applied twice ("CholeskyQR2", Fukaya et al. 2014) in double, which is as accurate as
// Householder for the well-conditioned sketches here and falls back to it when the Gram matrix is
// not numerically positive definite (a rank-deficient sketch).
torch::Tensor orthonormalise(const torch::Tensor& y) {
  if (!y.is_cpu()) {
    return std::get<0>(torch::linalg_qr(y, "reduced"));
  }
  torch::Tensor q = y.to(torch::kFloat64).contiguous();
  const int64_t rows = q.size(0);
  const int64_t s = q.size(1);
  double* data = q.data_ptr<double>();
  std::vector<double> g(static_cast<size_t>(s * s));
  for (int pass = 0; pass < 2; ++pass) {
    std::fill(g.begin(), g.end(), 0.0);
    for (int64_t r = 0; r < rows; ++r) {
      const double* row = data + r * s;
      for (int64_t i = 0; i < s; ++i) {
        for (int64_t j = 0; j <= i; ++j) {
          g[static_cast<size_t>(i * s + j)] += row[i] * row[j];
        }
      }
    }
    // In-place lower Cholesky factor of G.
    double trace = 0.0;
    for (int64_t i = 0; i < s; ++i) {
      trace += g[static_cast<size_t>(i * s + i)];
    }
    for (int64_t j = 0; j < s; ++j) {
      double pivot = g[static_cast<size_t>(j * s + j)];
      for (int64_t k = 0; k < j; ++k) {
        pivot -= g[static_cast<size_t>(j * s + k)] * g[static_cast<size_t>(j * s + k)];
      }
      if (!(pivot > 1e-12 * trace)) {
        return std::get<0>(torch::linalg_qr(y, "reduced"));
      }
      const double diagonal = std::sqrt(pivot);
      g[static_cast<size_t>(j * s + j)] = diagonal;
      for (int64_t i = j + 1; i < s; ++i) {
        double value = g[static_cast<size_t>(i * s + j)];
        for (int64_t k = 0; k < j; ++k) {
          value -= g[static_cast<size_t>(i * s + k)] * g[static_cast<size_t>(j * s + k)];
        }
        g[static_cast<size_t>(i * s + j)] = value / diagonal;
      }
    }
    // Q = Y L^{-T}: each row q solves L q^T = y^T (forward substitution).
    for (int64_t r = 0; r < rows; ++r) {
      double* row = data + r * s;
      for (int64_t i = 0; i < s; ++i) {
        double value = row[i];
        for (int64_t k = 0; k < i; ++k) {
          value -= g[static_cast<size_t>(i * s + k)] * row[k];
        }
        row[i] = value / g[static_cast<size_t>(i * s + i)];
      }
    }
  }
  return q.to(torch::kFloat32);
}

// Leading `rank` singular triplets of x by randomized SVD; returns (U rows x rank, S rank,
// Vh rank x cols). Float64 for the small factorisations keeps the subspace accurate.
std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> randomized_svd(const torch::Tensor& x,
                                                                       int64_t rank, int64_t seed) {
  const int64_t rows = x.size(0);
  const int64_t cols = x.size(1);
  const int64_t sketch = std::min<int64_t>(rank + 10, std::min(rows, cols));
  torch::Generator generator = at::detail::createCPUGenerator(static_cast<uint64_t>(seed));
  torch::Tensor omega =
      torch::randn({cols, sketch}, generator, torch::TensorOptions().dtype(torch::kFloat32))
          .to(x.device());
  // Power iterations orthonormalise only the rows-side sketch; the cols-side product is rescaled
  // column by column instead, which keeps its scale without a second orthonormalisation (the next
  // one restores orthogonality).
  // X Omega = (Omega^T X^T)^T, X^T Q = (Q^T X)^T and Q^T X: each one pass over X (see left_times).
  torch::Tensor q = orthonormalise(times_transposed(x, omega.t()).t());
  for (int power = 0; power < kPowerIterations; ++power) {
    torch::Tensor z = left_times(x, q.t()).t();
    z.div_(z.norm(2, {0}, /*keepdim=*/true).clamp_min_(1e-30f));
    q = orthonormalise(times_transposed(x, z.t()).t());
  }
  torch::Tensor b = left_times(x, q.t()).to(torch::kFloat64);
  auto [ub, s, vh] = torch::linalg_svd(b, /*full_matrices=*/false);
  torch::Tensor u = q.to(torch::kFloat64).mm(ub.narrow(1, 0, rank));
  return {u, s.narrow(0, 0, rank), vh.narrow(0, 0, rank)};
}

// NNDSVDa as scikit-learn's _initialize_nmf(init="nndsvda"); returns (W^T rank x rows, H).
std::pair<torch::Tensor, torch::Tensor> nndsvda(const torch::Tensor& x, double mean, int64_t rank,
                                                int64_t seed) {
  auto [u, s, vh] = randomized_svd(x, rank, seed);
  const int64_t rows = x.size(0);
  const int64_t cols = x.size(1);
  auto options = torch::TensorOptions().dtype(torch::kFloat64).device(x.device());
  torch::Tensor wt = torch::zeros({rank, rows}, options);
  torch::Tensor h = torch::zeros({rank, cols}, options);
  torch::Tensor s_host = s.to(torch::kCPU);
  const double s0 = s_host[0].item<double>();
  wt[0] = std::sqrt(s0) * u.select(1, 0).abs();
  h[0] = std::sqrt(s0) * vh[0].abs();
  for (int64_t j = 1; j < rank; ++j) {
    torch::Tensor xj = u.select(1, j);
    torch::Tensor yj = vh[j];
    torch::Tensor xp = xj.clamp_min(0.0), yp = yj.clamp_min(0.0);
    torch::Tensor xn = (-xj).clamp_min(0.0), yn = (-yj).clamp_min(0.0);
    const double xp_norm = xp.norm().item<double>(), yp_norm = yp.norm().item<double>();
    const double xn_norm = xn.norm().item<double>(), yn_norm = yn.norm().item<double>();
    const double mp = xp_norm * yp_norm, mn = xn_norm * yn_norm;
    // Keep the dominant sign pattern of the singular pair (a singular vector's sign is arbitrary).
    const bool positive = mp > mn;
    const double sigma = positive ? mp : mn;
    if (sigma <= 0.0) {
      continue;  // a zero singular pair: left at zero, filled with the mean below
    }
    const double lambda = std::sqrt(s_host[j].item<double>() * sigma);
    wt[j] = lambda * (positive ? xp / xp_norm : xn / xn_norm);
    h[j] = lambda * (positive ? yp / yp_norm : yn / yn_norm);
  }
  // scikit-learn zeroes entries below machine epsilon, then NNDSVDa fills zeros with mean(X) so
  // HALS can move them (an exact zero start is a fixed point of multiplicative updates, and slows
  // coordinate descent).
  const double eps = 2.220446049250313e-16;
  wt.masked_fill_(wt < eps, mean);
  h.masked_fill_(h < eps, mean);
  return {wt.to(torch::kFloat32), h.to(torch::kFloat32)};
}

std::pair<torch::Tensor, torch::Tensor> random_init(const torch::Tensor& x, double mean, int64_t rank,
                                                    int64_t seed) {
  torch::Generator generator = at::detail::createCPUGenerator(static_cast<uint64_t>(seed));
  auto options = torch::TensorOptions().dtype(torch::kFloat32);
  const double scale = std::sqrt(mean / static_cast<double>(rank));
  // H first, then W, in scikit-learn's order.
  torch::Tensor h = torch::randn({rank, x.size(1)}, generator, options).abs_().mul_(scale);
  torch::Tensor wt = torch::randn({rank, x.size(0)}, generator, options).abs_().mul_(scale);
  return {wt.to(x.device()), h.to(x.device())};
}

// Updates the rows of v (rank x n) to reduce ||M - F^T v|| where a = F M (rank x n) and
// b = F F^T (rank x rank) are precomputed: repeated HALS sweeps, at most max_inner of them, each a
// few tensor ops per row. The GPU path; on the CPU nmf_kernels::hals_w_step / hals_h_step run the
// same sweeps fused with the products, in blocks.
void hals_update_tensor(torch::Tensor& v, const torch::Tensor& a, const torch::Tensor& b,
                        int64_t max_inner) {
  const int64_t rank = v.size(0);
  torch::Tensor diag = b.diagonal().to(torch::kCPU, torch::kFloat64).contiguous();
  const double* d = diag.data_ptr<double>();
  double first_change = 0.0;
  for (int64_t inner = 0; inner < max_inner; ++inner) {
    torch::Tensor change = torch::zeros({}, v.options().dtype(torch::kFloat64));
    for (int64_t k = 0; k < rank; ++k) {
      if (!(d[k] > 0.0)) {
        continue;  // the other factor's component k is zero: nothing determines this row
      }
      torch::Tensor row = v[k];
      // (a[k] - b[k] v) / b[k,k]: the exact minimiser along row k, before projection onto >= 0.
      torch::Tensor step = (a[k] - b[k].unsqueeze(0).mm(v).squeeze(0)).div_(d[k]);
      torch::Tensor updated = (row + step).clamp_min_(0.0f);
      change += (updated - row).square().sum(torch::kFloat64);
      row.copy_(updated);
    }
    const double total = change.item<double>();
    if (inner == 0) {
      first_change = total;
      if (first_change == 0.0) {
        return;
      }
    } else if (total <= kInnerEpsilon * kInnerEpsilon * first_change) {
      return;
    }
  }
}

}  // namespace

AL_API int32_t al_nmf(const float* x, int64_t rows, int64_t cols, int32_t rank, int32_t max_iter,
                      double tol, int32_t init, int64_t seed, const char* device, float* w, float* h,
                      al_nmf_result* result) {
  return al::guard("al_nmf", [&] {
    al::require(rows >= 1 && cols >= 1, "rows and cols must be >= 1");
    al::require(rank >= 1 && rank <= std::min(rows, cols),
                "rank " + std::to_string(rank) + " must be in 1..min(rows, cols) = " +
                    std::to_string(std::min(rows, cols)));
    al::require(max_iter >= 1, "max_iter must be >= 1");
    al::require(tol >= 0.0 && std::isfinite(tol), "tol must be finite and >= 0");
    al::require(init == AL_NMF_INIT_RANDOM || init == AL_NMF_INIT_NNDSVDA,
                "init must be AL_NMF_INIT_RANDOM (0) or AL_NMF_INIT_NNDSVDA (1)");
    al::require(w != nullptr && h != nullptr && result != nullptr, "w, h and result must not be null");
    const auto [norm_x2, mean_x] = checked_squared_norm_and_mean(x, rows, cols);
    const torch::Device target = al::parse_device(device);
    al::apply_thread_count();
    torch::NoGradGuard no_grad;

    // On the CPU the caller's array is used in place (read only, and not kept past this call): a copy
    // of X would cost as much as a sweep. Other devices get the one copy onto the device.
    torch::Tensor data =
        target.is_cpu() ? torch::from_blob(const_cast<float*>(x), {rows, cols}, torch::kFloat32)
                        : al::to_device(x, rows, cols, target);
    auto [wt, hh] = init == AL_NMF_INIT_NNDSVDA ? nndsvda(data, mean_x, rank, seed)
                                                : random_init(data, mean_x, rank, seed);
    // The CPU kernels write through data_ptr, which needs dense row-major factors.
    wt = wt.contiguous();
    hh = hh.contiguous();

    // Gillis & Glineur's rho for each factor: flops of the product with X over one update sweep.
    const double m = static_cast<double>(rows), n = static_cast<double>(cols), r = rank;
    const int64_t inner_w = 1 + static_cast<int64_t>(kInnerAlpha * (1.0 + (m * n + n * r) / (m * (r + 1.0))));
    const int64_t inner_h = 1 + static_cast<int64_t>(kInnerAlpha * (1.0 + (m * n + m * r) / (n * (r + 1.0))));

    // The first check (after kCheckEvery sweeps) only records its error.
    double previous = std::numeric_limits<double>::infinity();
    double error = previous;
    int32_t iterations = 0;
    bool converged = false;
    for (int32_t iteration = 1; iteration <= max_iter; ++iteration) {
      iterations = iteration;
      // W step: X H^T (as its transpose H X^T) and H H^T, then the W^T rows; H step: W^T X and
      // W^T W, then the H rows.
      torch::Tensor c, d;
      if (target.is_cpu()) {
        // Fused and blocked (nmf_kernels.h): each block of X is multiplied and its factor block
        // updated by one thread, two parallel regions per iteration.
        const int threads = kernel_threads();
        const torch::Tensor b = gram(hh).to(torch::kFloat64).contiguous();
        al::nmf_kernels::hals_w_step(x, rows, cols, hh.data_ptr<float>(), b.data_ptr<double>(), rank,
                                     inner_w, kInnerEpsilon, wt.data_ptr<float>(), threads);
        d = gram(wt);
        const torch::Tensor d_double = d.to(torch::kFloat64).contiguous();
        c = torch::empty({rank, cols}, hh.options());
        al::nmf_kernels::hals_h_step(x, rows, cols, wt.data_ptr<float>(), d_double.data_ptr<double>(),
                                     rank, inner_h, kInnerEpsilon, c.data_ptr<float>(), hh.data_ptr<float>(),
                                     threads);
      } else {
        torch::Tensor a = hh.mm(data.t());
        torch::Tensor b = gram(hh);
        hals_update_tensor(wt, a, b, inner_w);
        c = wt.mm(data);
        d = gram(wt);
        hals_update_tensor(hh, c, d, inner_h);
      }
      if (iteration % kCheckEvery == 0) {
        // ||X - WH||^2 = ||X||^2 - 2 <W^T X, H> + <W^T W, H H^T>, from the H step's products (W has
        // not moved since), summed in double: no pass over X. The float32 products carry relative
        // rounding of about 1e-6 of ||X||^2, so once the fit is within 10% of ||X|| (squared error
        // below 1% of ||X||^2) that cancellation could swamp a 1e-4 change and the residual is
        // summed directly instead.
        torch::Tensor hd = hh.to(torch::kFloat64);
        const double squared = norm_x2 - 2.0 * (c.to(torch::kFloat64) * hd).sum().item<double>() +
                               (d.to(torch::kFloat64) * gram(hh).to(torch::kFloat64)).sum().item<double>();
        error = squared > kExpansionReliable * norm_x2 ? std::sqrt(squared)
                                                       : frobenius_error(data, wt, hh);
        if (std::isfinite(previous) && (previous <= 0.0 || (previous - error) / previous < tol)) {
          converged = true;
          break;
        }
        previous = error;
      }
    }
    // The reported error is recomputed from the residual itself (float32 cascade sum), so it is as
    // exact as scikit-learn's and independent of the cancellation in the expansion above.
    error = frobenius_error(data, wt, hh);
    al::to_host(wt.t().contiguous(), w);
    al::to_host(hh, h);
    result->reconstruction_error = error;
    result->iterations = iterations;
    result->converged = converged ? 1 : 0;
  });
}
