// The al_model behind the opaque handle of autolab_torch.h, shared by network.cpp and train.cpp.
#pragma once

#include <string>
#include <vector>

#include "shim_common.h"

/// A copy of al_network_spec that owns its arrays (the caller's pointers are not kept).
struct al_spec_copy {
  int32_t kind = AL_NET_MLP;
  int32_t input_length = 0;
  int32_t input_channels = 1;
  int32_t outputs = 0;
  std::vector<int32_t> conv_channels;
  std::vector<int32_t> conv_kernels;
  int32_t pool = 1;
  bool batch_norm = false;
  std::vector<int32_t> hidden_sizes;
  float dropout = 0.0f;
  int64_t seed = 0;
};

/// A network built exactly as autolab_torch.h describes, and the device it lives on. The C# side
/// serialises calls on one model; libtorch modules are not safe for concurrent train and predict.
struct al_model {
  al_spec_copy spec;
  torch::nn::Sequential net;
  torch::Device device{torch::kCPU};
};

namespace al {

/// Values per input row: input_length × input_channels.
int64_t input_width(const al_spec_copy& spec);

/// The network's raw outputs (rows, outputs) for x (rows, input_width) on the model's device.
torch::Tensor forward(al_model& model, const torch::Tensor& x);

/// Throws unless model is a live handle.
al_model& require_model(al_model* model);

}  // namespace al
