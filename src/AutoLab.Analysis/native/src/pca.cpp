// al_pca: principal components by the thin SVD of the centred data, X - mean = U S V^T (Pearson
// 1901; Jolliffe 2002, ch. 3): components are the first k rows of V^T, explained variances
// S^2 / (rows - 1), scores U S = (X - mean) V. Each component's sign is fixed so that its entry of
// largest magnitude is positive, which makes the result deterministic across LAPACK builds and
// devices (a singular vector's sign is otherwise arbitrary).
#include "shim_common.h"

#include <algorithm>
#include <cmath>

AL_API int32_t al_pca(const float* x, int64_t rows, int64_t cols, int32_t k, const char* device,
                      float* components, float* explained_variance, float* mean, float* scores) {
  return al::guard("al_pca", [&] {
    al::require(rows >= 2 && cols >= 1, "PCA needs rows >= 2 and cols >= 1");
    al::require(k >= 1 && k <= std::min(rows, cols),
                "k " + std::to_string(k) + " must be in 1..min(rows, cols) = " +
                    std::to_string(std::min(rows, cols)));
    al::require(components != nullptr && explained_variance != nullptr && mean != nullptr &&
                    scores != nullptr,
                "components, explained_variance, mean and scores must not be null");
    al::require_finite(x, rows, cols, "x");
    const torch::Device target = al::parse_device(device);
    al::apply_thread_count();
    torch::NoGradGuard no_grad;

    torch::Tensor data = al::to_device(x, rows, cols, target);
    torch::Tensor centre = data.mean(0);
    data.sub_(centre);
    auto [u, s, vh] = torch::linalg_svd(data, /*full_matrices=*/false);
    torch::Tensor leading = vh.narrow(0, 0, k);
    torch::Tensor largest = leading.abs().argmax(1, /*keepdim=*/true);
    torch::Tensor signs = leading.gather(1, largest).sign();
    signs.masked_fill_(signs == 0, 1.0f);
    leading = leading * signs;
    torch::Tensor projected = data.mm(leading.t());
    torch::Tensor variance = s.narrow(0, 0, k).square() / static_cast<double>(rows - 1);

    al::to_host(leading, components);
    al::to_host(variance, explained_variance);
    al::to_host(centre, mean);
    al::to_host(projected, scores);
  });
}
