// al_kmeans: k-means++ seeding (Arthur & Vassilvitskii 2007, SODA) with scikit-learn's greedy
// variant (2 + ln k candidates per centre, keep the one that lowers the potential most), then Lloyd
// iterations (Lloyd 1982). All distances of a step are one matrix product on the device:
// |x - c|^2 = |x|^2 - 2 x.c + |c|^2, on data centred first so the expansion does not cancel.
//
// Randomness (the first centre and the D^2 draws) comes from one std::mt19937_64 seeded with seed on
// the host, so a seed gives the same centres on every device; only the distance vector used for a
// draw travels to the host.
#include "shim_common.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace {

struct Clustering {
  torch::Tensor centers;  // k x d, on the device
  torch::Tensor labels;   // n, int64
  double inertia = std::numeric_limits<double>::infinity();
  int32_t iterations = 0;
};

// Squared distances (n x m) between the rows of x (with precomputed |x|^2) and the rows of c.
torch::Tensor squared_distances(const torch::Tensor& x, const torch::Tensor& x_norm2,
                                const torch::Tensor& c) {
  torch::Tensor c_norm2 = c.square().sum(1);
  return torch::addmm(x_norm2.unsqueeze(1) + c_norm2.unsqueeze(0), x, c.t(), 1.0, -2.0).clamp_min_(0.0f);
}

// Index drawn with probability proportional to weights (the D^2 sampling of k-means++).
int64_t draw_weighted(const std::vector<double>& cumulative, std::mt19937_64& rng) {
  const double total = cumulative.back();
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  if (!(total > 0.0)) {
    // Every point coincides with a chosen centre: any point is as good as another.
    return static_cast<int64_t>(uniform(rng) * static_cast<double>(cumulative.size())) %
           static_cast<int64_t>(cumulative.size());
  }
  const double target = uniform(rng) * total;
  auto position = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return std::min<int64_t>(position - cumulative.begin(), static_cast<int64_t>(cumulative.size()) - 1);
}

torch::Tensor kmeans_plus_plus(const torch::Tensor& x, const torch::Tensor& x_norm2, int64_t k,
                               std::mt19937_64& rng) {
  const int64_t n = x.size(0);
  const int64_t candidates = 2 + static_cast<int64_t>(std::log(static_cast<double>(k)));
  std::vector<int64_t> chosen;
  chosen.push_back(std::uniform_int_distribution<int64_t>(0, n - 1)(rng));
  torch::Tensor closest = squared_distances(x, x_norm2, x.narrow(0, chosen[0], 1)).squeeze(1);
  std::vector<double> cumulative(static_cast<size_t>(n));
  for (int64_t center = 1; center < k; ++center) {
    torch::Tensor host = closest.to(torch::kCPU, torch::kFloat64).contiguous();
    const double* d2 = host.data_ptr<double>();
    double running = 0.0;
    for (int64_t i = 0; i < n; ++i) {
      running += d2[i];
      cumulative[static_cast<size_t>(i)] = running;
    }
    std::vector<int64_t> trial(static_cast<size_t>(candidates));
    for (auto& index : trial) {
      index = draw_weighted(cumulative, rng);
    }
    torch::Tensor trial_index = torch::tensor(trial, torch::kInt64).to(x.device());
    torch::Tensor distances = squared_distances(x, x_norm2, x.index_select(0, trial_index));
    torch::Tensor updated = torch::minimum(closest.unsqueeze(1), distances);
    const int64_t best = updated.sum(0).argmin().item<int64_t>();
    closest = updated.select(1, best).contiguous();
    chosen.push_back(trial[static_cast<size_t>(best)]);
  }
  return x.index_select(0, torch::tensor(chosen, torch::kInt64).to(x.device()));
}

Clustering lloyd(const torch::Tensor& x, const torch::Tensor& x_norm2, torch::Tensor centers,
                 int32_t max_iter, double shift_tolerance) {
  const int64_t k = centers.size(0);
  Clustering result;
  for (int32_t iteration = 1; iteration <= max_iter; ++iteration) {
    result.iterations = iteration;
    torch::Tensor distances = squared_distances(x, x_norm2, centers);
    torch::Tensor labels = distances.argmin(1);
    torch::Tensor counts = torch::bincount(labels, {}, k).to(x.dtype());
    torch::Tensor sums = torch::zeros_like(centers).index_add_(0, labels, x);
    torch::Tensor updated = sums / counts.clamp_min(1.0f).unsqueeze(1);
    // An empty cluster takes the point farthest from its current centre (scikit-learn's rule), so
    // k clusters stay k.
    torch::Tensor counts_host = counts.to(torch::kCPU).contiguous();
    torch::Tensor own = distances.gather(1, labels.unsqueeze(1)).squeeze(1);
    for (int64_t cluster = 0; cluster < k; ++cluster) {
      if (counts_host[cluster].item<float>() == 0.0f) {
        const int64_t farthest = own.argmax().item<int64_t>();
        updated[cluster] = x[farthest];
        own[farthest] = -1.0f;
      }
    }
    const double shift = (updated - centers).square().sum().item<double>();
    centers = updated;
    if (shift <= shift_tolerance) {
      break;
    }
  }
  // Labels and inertia for the final centres (one more assignment step, as scikit-learn does).
  result.labels = squared_distances(x, x_norm2, centers).argmin(1);
  result.inertia = (x - centers.index_select(0, result.labels)).square().sum(1).to(torch::kFloat64).sum().item<double>();
  result.centers = centers;
  return result;
}

}  // namespace

AL_API int32_t al_kmeans(const float* x, int64_t rows, int64_t cols, int32_t k, int32_t n_init,
                         int32_t max_iter, double tol, int64_t seed, const char* device,
                         int32_t* labels, float* centers, double* inertia, int32_t* iterations) {
  return al::guard("al_kmeans", [&] {
    al::require(rows >= 1 && cols >= 1, "rows and cols must be >= 1");
    al::require(k >= 1 && k <= rows,
                "k " + std::to_string(k) + " must be in 1..rows = " + std::to_string(rows));
    al::require(n_init >= 1, "n_init must be >= 1");
    al::require(max_iter >= 1, "max_iter must be >= 1");
    al::require(tol >= 0.0 && std::isfinite(tol), "tol must be finite and >= 0");
    al::require(labels != nullptr && centers != nullptr && inertia != nullptr && iterations != nullptr,
                "labels, centers, inertia and iterations must not be null");
    al::require_finite(x, rows, cols, "x");
    const torch::Device target = al::parse_device(device);
    al::apply_thread_count();
    torch::NoGradGuard no_grad;

    torch::Tensor data = al::to_device(x, rows, cols, target);
    torch::Tensor mean = data.mean(0);
    data.sub_(mean);
    torch::Tensor x_norm2 = data.square().sum(1);
    // scikit-learn's tolerance: tol times the mean per-feature variance, so tol is scale free.
    const double shift_tolerance = tol * data.var(0, /*unbiased=*/false).mean().item<double>();

    std::mt19937_64 rng(static_cast<uint64_t>(seed));
    Clustering best;
    for (int32_t run = 0; run < n_init; ++run) {
      Clustering candidate = lloyd(data, x_norm2, kmeans_plus_plus(data, x_norm2, k, rng), max_iter,
                                   shift_tolerance);
      if (candidate.inertia < best.inertia) {
        best = candidate;
      }
    }
    al::to_host(best.centers + mean, centers);
    torch::Tensor host_labels = best.labels.to(torch::kCPU, torch::kInt32).contiguous();
    std::copy_n(host_labels.data_ptr<int32_t>(), rows, labels);
    *inertia = best.inertia;
    *iterations = best.iterations;
  });
}
