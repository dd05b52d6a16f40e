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

/// Writes text into a C buffer of capacity bytes, NUL-terminated and truncated when needed.
void copy_string(const std::string& text, char* buffer, int32_t capacity);

}  // namespace al
