// Error storage, device parsing and copies shared by every entry point (see shim_common.h).
#include "shim_common.h"

#include <dlfcn.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <sstream>

namespace al {
namespace {
// One message per calling thread, so concurrent C# callers never read each other's errors.
thread_local std::string last_error;
}  // namespace

void set_error(std::string message) { last_error = std::move(message); }

void clear_error() { last_error.clear(); }

const char* last_error_text() { return last_error.c_str(); }

torch::Device parse_device(const char* device) {
  const std::string name = device == nullptr ? "cpu" : device;
  if (name.empty() || name == "cpu") {
    return torch::Device(torch::kCPU);
  }
  if (name == "auto") {
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  }
  if (name.rfind("cuda", 0) == 0) {
    require(torch::cuda::is_available(),
            "device '" + name + "' was requested but this libtorch " +
                (torch::cuda::device_count() == 0 && !torch::cuda::is_available()
                     ? std::string("sees no CUDA device (a CPU-only build, or no GPU on this machine)")
                     : std::string("cannot use CUDA")));
    torch::Device parsed(name);  // throws c10::Error for "cuda:x" typos
    require(!parsed.has_index() || parsed.index() < static_cast<int>(torch::cuda::device_count()),
            "device '" + name + "' does not exist; this machine has " +
                std::to_string(torch::cuda::device_count()) + " CUDA device(s)");
    return parsed.has_index() ? parsed : torch::Device(torch::kCUDA, 0);
  }
  throw std::invalid_argument("unknown device '" + name + "'; use cpu, cuda, cuda:N or auto");
}

void require_finite(const float* data, int64_t rows, int64_t cols, const char* what) {
  require(data != nullptr || rows * cols == 0, std::string(what) + " is a null pointer");
  for (int64_t i = 0; i < rows * cols; ++i) {
    if (!std::isfinite(data[i])) {
      std::ostringstream message;
      const char* value = std::isnan(data[i]) ? "NaN" : (data[i] > 0 ? "+infinity" : "-infinity");
      message << what << " row " << i / cols << ", column " << i % cols << " is " << value
              << "; every value must be finite";
      throw std::invalid_argument(message.str());
    }
  }
}

torch::Tensor to_device(const float* data, int64_t rows, int64_t cols, const torch::Device& device) {
  // from_blob wraps the caller's memory without copying; clone (CPU) or to (GPU) makes the one copy
  // the tensor owns, so nothing refers to C# memory after the call returns.
  torch::Tensor view = torch::from_blob(const_cast<float*>(data), {rows, cols}, torch::kFloat32);
  return device.is_cpu() ? view.clone() : view.to(device);
}

void to_host(const torch::Tensor& tensor, float* out) {
  torch::Tensor host = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
  std::memcpy(out, host.data_ptr<float>(), static_cast<size_t>(host.numel()) * sizeof(float));
}

namespace {
// Looked up at run time: a CUDA or MKL libtorch may have no OpenBLAS, and the OpenMP runtime is
// whichever libtorch was linked with. A missing symbol turns the scope into a no-op.
template <class Function>
Function find_symbol(const char* name) {
  return reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
}
using get_threads = int (*)();
using set_threads = void (*)(int);
}  // namespace

namespace {
std::atomic<int32_t> recorded_threads{0};
}  // namespace

void set_thread_count(int32_t threads) { recorded_threads.store(threads); }

int32_t thread_count() { return recorded_threads.load(); }

void apply_thread_count() {
  static const auto omp_get = find_symbol<get_threads>("omp_get_max_threads");
  static const auto omp_set = find_symbol<set_threads>("omp_set_num_threads");
  const int32_t wanted = recorded_threads.load();
  // Only when it differs: omp_set_num_threads is cheap, but there is no reason to touch the
  // thread's OpenMP state on every call.
  if (wanted > 0 && omp_get != nullptr && omp_set != nullptr && omp_get() != wanted) {
    omp_set(wanted);
  }
}

single_thread_scope::single_thread_scope(bool active) : active_(active) {
  if (!active_) {
    return;
  }
  static const auto omp_get = find_symbol<get_threads>("omp_get_max_threads");
  static const auto omp_set = find_symbol<set_threads>("omp_set_num_threads");
  static const auto blas_get = find_symbol<get_threads>("openblas_get_num_threads");
  static const auto blas_set = find_symbol<set_threads>("openblas_set_num_threads");
  if (omp_get != nullptr && omp_set != nullptr) {
    openmp_previous_ = omp_get();
    omp_set(1);
  }
  if (blas_get != nullptr && blas_set != nullptr) {
    openblas_previous_ = blas_get();
    blas_set(1);
  }
}

single_thread_scope::~single_thread_scope() {
  if (!active_) {
    return;
  }
  static const auto omp_set = find_symbol<set_threads>("omp_set_num_threads");
  static const auto blas_set = find_symbol<set_threads>("openblas_set_num_threads");
  if (omp_set != nullptr && openmp_previous_ > 0) {
    omp_set(openmp_previous_);
  }
  if (blas_set != nullptr && openblas_previous_ > 0) {
    blas_set(openblas_previous_);
  }
}

void copy_string(const std::string& text, char* buffer, int32_t capacity) {
  if (buffer == nullptr || capacity <= 0) {
    return;
  }
  const size_t length = std::min(text.size(), static_cast<size_t>(capacity - 1));
  std::memcpy(buffer, text.data(), length);
  buffer[length] = '\0';
}

}  // namespace al

AL_API const char* al_last_error(void) { return al::last_error_text(); }
