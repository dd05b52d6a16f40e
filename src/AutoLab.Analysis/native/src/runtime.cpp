// Runtime entry points: version, thread control and device discovery (autolab_torch.h, "runtime").
#include <dlfcn.h>

#include <mutex>
#include <string>

#include <torch/version.h>

#include "shim_common.h"

namespace {

// OpenBLAS (Debian's libtorch links it for BLAS) keeps its own pthread pool beside libtorch's
// OpenMP one; leaving it at the core count oversubscribes a small machine (a 2-core MLP went from
// 0.15 s to 7 s). It is looked up at run time because a CUDA/MKL libtorch has no OpenBLAS at all.
void set_openblas_threads(int32_t threads) {
  using setter = void (*)(int);
  auto* function = reinterpret_cast<setter>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (function != nullptr) {
    function(threads);
  }
}

std::string build_version() {
  return "autolab-torch " + std::to_string(AL_ABI_VERSION) + " (libtorch " + TORCH_VERSION +
         ", cuda " + (torch::cuda::is_available() ? "yes" : "no") + ")";
}

}  // namespace

AL_API const char* al_version(void) {
  // Built once; the string lives as long as the library.
  static const std::string version = build_version();
  return version.c_str();
}

AL_API int32_t al_abi_version(void) { return AL_ABI_VERSION; }

AL_API int32_t al_set_num_threads(int32_t threads) {
  return al::guard("al_set_num_threads", [&] {
    al::require(threads >= 1, "threads must be >= 1, got " + std::to_string(threads));
    // at::set_num_threads once here (it also sizes caffe2's pthreadpool and MKL where present);
    // later calls on other threads use al::apply_thread_count, which touches OpenMP only.
    torch::set_num_threads(threads);
    al::set_thread_count(threads);
    set_openblas_threads(threads);
    // The inter-op pool can be sized once per process, before it first runs; later calls keep it.
    static std::once_flag interop_once;
    std::call_once(interop_once, [threads] {
      try {
        torch::set_num_interop_threads(threads);
      } catch (const c10::Error&) {
        // Already started by earlier work: its size is fixed for the life of the process.
      }
    });
  });
}

AL_API int32_t al_get_num_threads(void) {
  // The recorded process-wide count; before any al_set_num_threads, what OpenMP gives this thread.
  const int32_t recorded = al::thread_count();
  return recorded > 0 ? recorded : static_cast<int32_t>(torch::get_num_threads());
}

AL_API int32_t al_cuda_device_count(void) {
  return torch::cuda::is_available() ? static_cast<int32_t>(torch::cuda::device_count()) : 0;
}

AL_API int32_t al_resolve_device(const char* device, char* buffer, int32_t capacity) {
  return al::guard("al_resolve_device", [&] {
    al::require(buffer != nullptr && capacity > 0, "buffer must be non-null with capacity > 0");
    al::copy_string(al::parse_device(device).str(), buffer, capacity);
  });
}
