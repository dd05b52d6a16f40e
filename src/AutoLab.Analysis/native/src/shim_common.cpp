// Error storage, device parsing and copies shared by every entry point (see shim_common.h).
#include "shim_common.h"

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
      message << what << " row " << i / cols << ", column " << i % cols << " is " << data[i]
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
