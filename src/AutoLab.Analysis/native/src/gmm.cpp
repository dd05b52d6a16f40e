// al_gmm: Gaussian mixture with full covariances fitted by expectation-maximisation (Dempster,
// Laird & Rubin 1977; Bishop 2006, sec. 9.2), initialised from a k-means labelling as scikit-learn
// does (init_params="kmeans").
//   E step: log N(x | mu_k, Sigma_k) from the Cholesky factor L_k (Sigma_k = L_k L_k^T):
//           -1/2 (d log 2 pi + 2 sum log diag L_k + |L_k^{-1} (x - mu_k)|^2), plus log pi_k; the
//           responsibilities are normalised with log-sum-exp so no exponential underflows.
//   M step: N_k = sum_i r_ik, pi_k = N_k / n, mu_k = sum_i r_ik x_i / N_k,
//           Sigma_k = sum_i r_ik (x_i - mu_k)(x_i - mu_k)^T / N_k + reg_covar I.
// Stops when the mean log-likelihood changes by less than tol. The data are copied to the device in
// float32 as everywhere in the shim, but EM runs in float64 there: covariances of close components
// and their Cholesky factors lose too much in float32 for the likelihood to be comparable.
#include "shim_common.h"

#include <cmath>
#include <limits>
#include <vector>

namespace {

constexpr double kLog2Pi = 1.8378770664093453;

struct Mixture {
  torch::Tensor weights;      // k
  torch::Tensor means;        // k x d
  torch::Tensor covariances;  // k x d x d
};

Mixture m_step(const torch::Tensor& x, const torch::Tensor& resp, double reg_covar) {
  const int64_t k = resp.size(1);
  const int64_t d = x.size(1);
  // scikit-learn's 10 eps keeps an emptied component from dividing by zero.
  torch::Tensor nk = resp.sum(0) + 10.0 * std::numeric_limits<double>::epsilon();
  Mixture mixture;
  mixture.weights = nk / static_cast<double>(x.size(0));
  mixture.means = resp.t().mm(x) / nk.unsqueeze(1);
  mixture.covariances = torch::empty({k, d, d}, x.options());
  torch::Tensor ridge = reg_covar * torch::eye(d, x.options());
  for (int64_t c = 0; c < k; ++c) {
    torch::Tensor diff = x - mixture.means[c];
    mixture.covariances[c] = (resp.select(1, c).unsqueeze(1) * diff).t().mm(diff) / nk[c] + ridge;
  }
  return mixture;
}

// Returns (mean log-likelihood, responsibilities n x k).
std::pair<double, torch::Tensor> e_step(const torch::Tensor& x, const Mixture& mixture) {
  const int64_t k = mixture.weights.size(0);
  const int64_t d = x.size(1);
  torch::Tensor log_prob = torch::empty({x.size(0), k}, x.options());
  auto [factors, info] = torch::linalg_cholesky_ex(mixture.covariances);
  torch::Tensor info_host = info.to(torch::kCPU);
  for (int64_t c = 0; c < k; ++c) {
    const int64_t failed = info_host[c].item<int64_t>();
    al::require(failed == 0, "the covariance of component " + std::to_string(c) +
                                 " is not positive definite (Cholesky failed at " +
                                 std::to_string(failed) +
                                 "); increase reg_covar or reduce k");
    torch::Tensor factor = factors[c];
    torch::Tensor solved = torch::linalg_solve_triangular(factor, (x - mixture.means[c]).t(),
                                                          /*upper=*/false);
    torch::Tensor log_det = 2.0 * factor.diagonal().log().sum();
    log_prob.select(1, c).copy_(-0.5 * (solved.square().sum(0) + log_det + d * kLog2Pi) +
                                mixture.weights[c].log());
  }
  torch::Tensor normaliser = torch::logsumexp(log_prob, 1, /*keepdim=*/true);
  return {normaliser.mean().item<double>(), (log_prob - normaliser).exp()};
}

}  // namespace

AL_API int32_t al_gmm(const float* x, int64_t rows, int64_t cols, int32_t k, int32_t max_iter,
                      double tol, double reg_covar, int64_t seed, const char* device,
                      float* weights, float* means, float* covariances, float* responsibilities,
                      double* log_likelihood, int32_t* iterations) {
  return al::guard("al_gmm", [&] {
    al::require(rows >= 1 && cols >= 1, "rows and cols must be >= 1");
    al::require(k >= 1 && k <= rows,
                "k " + std::to_string(k) + " must be in 1..rows = " + std::to_string(rows));
    al::require(max_iter >= 1, "max_iter must be >= 1");
    al::require(tol >= 0.0 && std::isfinite(tol), "tol must be finite and >= 0");
    al::require(reg_covar >= 0.0 && std::isfinite(reg_covar), "reg_covar must be finite and >= 0");
    al::require(weights != nullptr && means != nullptr && covariances != nullptr &&
                    responsibilities != nullptr && log_likelihood != nullptr && iterations != nullptr,
                "weights, means, covariances, responsibilities, log_likelihood and iterations must not be null");
    al::require_finite(x, rows, cols, "x");
    const torch::Device target = al::parse_device(device);
    al::apply_thread_count();
    torch::NoGradGuard no_grad;

    // The k-means labelling that starts EM, through the public entry point (same seed, same start).
    std::vector<int32_t> initial(static_cast<size_t>(rows));
    std::vector<float> centers(static_cast<size_t>(k * cols));
    double inertia = 0.0;
    int32_t kmeans_iterations = 0;
    if (al_kmeans(x, rows, cols, k, 1, 300, 1e-4, seed, device, initial.data(), centers.data(),
                  &inertia, &kmeans_iterations) != AL_OK) {
      throw std::runtime_error(std::string("k-means initialisation failed: ") + al_last_error());
    }

    torch::Tensor data = al::to_device(x, rows, cols, target).to(torch::kFloat64);
    torch::Tensor labels = torch::from_blob(initial.data(), {rows}, torch::kInt32).to(target, torch::kInt64);
    torch::Tensor resp = torch::zeros({rows, k}, data.options());
    resp.scatter_(1, labels.unsqueeze(1), 1.0);

    Mixture mixture = m_step(data, resp, reg_covar);
    double previous = -std::numeric_limits<double>::infinity();
    double likelihood = previous;
    int32_t done = 0;
    bool consistent = false;
    for (int32_t iteration = 1; iteration <= max_iter; ++iteration) {
      done = iteration;
      std::tie(likelihood, resp) = e_step(data, mixture);
      if (std::abs(likelihood - previous) < tol) {
        consistent = true;
        break;
      }
      previous = likelihood;
      mixture = m_step(data, resp, reg_covar);
    }
    if (!consistent) {
      // max_iter ran out after an M step: report the responsibilities of the parameters returned.
      std::tie(likelihood, resp) = e_step(data, mixture);
    }
    al::to_host(mixture.weights, weights);
    al::to_host(mixture.means, means);
    al::to_host(mixture.covariances, covariances);
    al::to_host(resp, responsibilities);
    *log_likelihood = likelihood;
    *iterations = done;
  });
}
