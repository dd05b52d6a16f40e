// Shared helpers of the shim's translation units: error capture at the C boundary, argument checks,
// device parsing and host<->tensor copies. Everything here throws; only guard() catches.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "../autolab_torch.h"

namespace al {

/// Stores the message al_last_error() returns on this thread.
void set_error(std::string message);

/// Clears this thread's last error.
void clear_error();

/// This thread's last error ("" when none); valid until the next shim call on this thread.
const char* last_error_text();

/// Throws std::invalid_argument(message) unless condition holds.
inline void require(bool condition, const std::string& message) {
  if (!condition) {
    throw std::invalid_argument(message);
  }
}

/// Runs body at the C boundary: AL_OK when it returns, AL_ERROR with "<function>: <what>" stored
/// for al_last_error() when it throws anything. No exception may cross into C#.
template <class Body>
int32_t guard(const char* function, Body&& body) noexcept {
  try {
    clear_error();
    body();
    return AL_OK;
  } catch (const c10::Error& error) {
    set_error(std::string(function) + ": " + error.what_without_backtrace());
  } catch (const std::exception& error) {
    set_error(std::string(function) + ": " + error.what());
  } catch (...) {
    set_error(std::string(function) + ": unknown C++ exception");
  }
  return AL_ERROR;
}

/// "cpu", "cuda", "cuda:N" or "auto"; throws a clear message for anything else or for CUDA on a
/// build or machine without it.
torch::Device parse_device(const char* device);

/// Throws naming the first non-finite entry as "<what> row R, column C" (0-based).
void require_finite(const float* data, int64_t rows, int64_t cols, const char* what);

/// A (rows, cols) float32 tensor on device holding a copy of data (one copy: host to device).
torch::Tensor to_device(const float* data, int64_t rows, int64_t cols, const torch::Device& device);

/// Copies a float tensor (any device, any shape) to out, which holds t.numel() floats.
void to_host(const torch::Tensor& tensor, float* out);

/// Records the process-wide intra-op thread count (al_set_num_threads) for apply_thread_count().
void set_thread_count(int32_t threads);

/// The count last given to set_thread_count(), or 0 before the first call.
int32_t thread_count();

/// Gives the calling thread the recorded intra-op thread count. libtorch here runs on OpenMP, whose
/// thread count is per calling thread, and C# calls arrive on arbitrary pool threads. This sets only
/// OpenMP's count: at::init_num_threads() would do the same, but libtorch 1.13's at::set_num_threads
/// behind it also destroys and recreates caffe2's pthreadpool and clears oneDNN's computation cache
/// on every call, which cost 37 ms per call at 2 threads on a loaded 2-core machine (0.1 us at 1).
void apply_thread_count();

/// While alive, the calling thread computes on one thread: OpenMP (libtorch's intra-op pool, whose
/// size is per calling thread) and OpenBLAS (a process-wide setting, restored on exit). For tiny CPU
/// batches, waking a second worker costs more than the work. Inactive scopes change nothing.
class single_thread_scope {
 public:
  explicit single_thread_scope(bool active);
  ~single_thread_scope();
  single_thread_scope(const single_thread_scope&) = delete;
  single_thread_scope& operator=(const single_thread_scope&) = delete;

 private:
  bool active_;
  int openmp_previous_ = 0;
  int openblas_previous_ = 0;
};

/// Writes text into a C buffer of capacity bytes, NUL-terminated and truncated when needed.
void copy_string(const std::string& text, char* buffer, int32_t capacity);

}  // namespace al
