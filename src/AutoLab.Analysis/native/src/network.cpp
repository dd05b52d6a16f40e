// Network handles: create, free, parameter count, device, save and load (autolab_torch.h, "networks").
#include "network.h"

#include <ATen/Parallel.h>

#include <mutex>
#include <sstream>

namespace {

// torch::manual_seed sets the process-wide generator; two models created at once must not
// interleave their draws, or the same seed would not give the same weights.
std::mutex& creation_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<int32_t> copy_array(const int32_t* data, int32_t count, const char* name) {
  al::require(count >= 0, std::string(name) + " count must be >= 0");
  al::require(count == 0 || data != nullptr, std::string(name) + " is a null pointer");
  return count == 0 ? std::vector<int32_t>{} : std::vector<int32_t>(data, data + count);
}

al_spec_copy validate(const al_network_spec* spec) {
  al::require(spec != nullptr, "spec is a null pointer");
  al_spec_copy copy;
  copy.kind = spec->kind;
  copy.input_length = spec->input_length;
  copy.input_channels = spec->input_channels == 0 ? 1 : spec->input_channels;
  copy.outputs = spec->outputs;
  copy.pool = spec->pool;
  copy.batch_norm = spec->batch_norm != 0;
  copy.dropout = spec->dropout;
  copy.seed = spec->seed;
  al::require(copy.kind == AL_NET_MLP || copy.kind == AL_NET_CNN1D,
              "spec.kind must be 0 (MLP) or 1 (CNN1D), got " + std::to_string(copy.kind));
  al::require(copy.input_length >= 1, "spec.input_length must be >= 1");
  al::require(copy.input_channels >= 1, "spec.input_channels must be >= 0 (0 means 1)");
  al::require(copy.kind == AL_NET_CNN1D || copy.input_channels == 1,
              "spec.input_channels must be 0 or 1 for an MLP, got " + std::to_string(copy.input_channels));
  al::require(copy.outputs >= 1, "spec.outputs must be >= 1");
  al::require(copy.dropout >= 0.0f && copy.dropout < 1.0f, "spec.dropout must be in [0, 1)");
  copy.hidden_sizes = copy_array(spec->hidden_sizes, spec->hidden_layers, "spec.hidden_sizes");
  for (int32_t size : copy.hidden_sizes) {
    al::require(size >= 1, "spec.hidden_sizes entries must be >= 1");
  }
  if (copy.kind == AL_NET_CNN1D) {
    copy.conv_channels = copy_array(spec->conv_channels, spec->conv_layers, "spec.conv_channels");
    copy.conv_kernels = copy_array(spec->conv_kernels, spec->conv_layers, "spec.conv_kernels");
    al::require(!copy.conv_channels.empty(), "spec.conv_layers must be >= 1 for a CNN1D");
    al::require(copy.pool >= 1, "spec.pool must be >= 1");
    int64_t length = copy.input_length;
    for (size_t i = 0; i < copy.conv_channels.size(); ++i) {
      al::require(copy.conv_channels[i] >= 1, "spec.conv_channels entries must be >= 1");
      al::require(copy.conv_kernels[i] >= 1 && copy.conv_kernels[i] % 2 == 1,
                  "spec.conv_kernels entries must be odd and >= 1");
      length /= copy.pool;
      al::require(length >= 1, "spec: input_length " + std::to_string(copy.input_length) +
                                   " is too short for " + std::to_string(i + 1) +
                                   " max-pool(s) of width " + std::to_string(copy.pool));
    }
  }
  return copy;
}

// The architecture of autolab_torch.h, module by module, in PyTorch's order so the parameter
// names ("0.weight", ...) match a Python nn.Sequential built the same way.
torch::nn::Sequential build(const al_spec_copy& spec) {
  torch::nn::Sequential net;
  int64_t features = spec.input_length;
  if (spec.kind == AL_NET_CNN1D) {
    int64_t channels = spec.input_channels;
    int64_t length = spec.input_length;
    for (size_t i = 0; i < spec.conv_channels.size(); ++i) {
      const int64_t out = spec.conv_channels[i];
      const int64_t kernel = spec.conv_kernels[i];
      net->push_back(torch::nn::Conv1d(torch::nn::Conv1dOptions(channels, out, kernel).padding(kernel / 2)));
      if (spec.batch_norm) {
        net->push_back(torch::nn::BatchNorm1d(out));
      }
      net->push_back(torch::nn::ReLU());
      net->push_back(torch::nn::MaxPool1d(torch::nn::MaxPool1dOptions(spec.pool)));
      channels = out;
      length /= spec.pool;  // odd kernels with padding k/2 keep the length; the pool floors it
    }
    net->push_back(torch::nn::Flatten());
    features = channels * length;
  }
  for (int32_t hidden : spec.hidden_sizes) {
    net->push_back(torch::nn::Linear(features, hidden));
    net->push_back(torch::nn::ReLU());
    net->push_back(torch::nn::Dropout(static_cast<double>(spec.dropout)));
    features = hidden;
  }
  net->push_back(torch::nn::Linear(features, spec.outputs));
  return net;
}

std::string shape_text(const torch::Tensor& tensor) {
  std::ostringstream text;
  text << tensor.sizes();
  return text.str();
}

// Reads every parameter and buffer of module from archive into fresh tensors, checking names and
// shapes first, because Module::load would silently resize a tensor of a different spec.
void read_checked(torch::nn::Module& module, torch::serialize::InputArchive& archive,
                  const std::string& prefix, std::vector<std::pair<torch::Tensor, torch::Tensor>>& pairs) {
  auto check = [&](const std::string& name, const torch::Tensor& target, bool is_buffer) {
    torch::Tensor saved;
    const std::string full = prefix + name;
    if (!archive.try_read(name, saved, is_buffer)) {
      throw std::invalid_argument("the file has no tensor '" + full +
                                  "'; it was saved from a network with a different spec");
    }
    if (!saved.sizes().equals(target.sizes())) {
      throw std::invalid_argument("tensor '" + full + "' has shape " + shape_text(saved) +
                                  " in the file but " + shape_text(target) +
                                  " in this network; it was saved from a network with a different spec");
    }
    pairs.emplace_back(target, saved);
  };
  for (const auto& parameter : module.named_parameters(/*recurse=*/false)) {
    check(parameter.key(), parameter.value(), false);
  }
  for (const auto& buffer : module.named_buffers(/*recurse=*/false)) {
    check(buffer.key(), buffer.value(), true);
  }
  for (const auto& child : module.named_children()) {
    torch::serialize::InputArchive child_archive;
    const std::string full = prefix + child.key();
    // Modules without tensors (ReLU, Dropout, pools) still get an archive in torch::save's format.
    if (!archive.try_read(child.key(), child_archive)) {
      if (child.value()->parameters().empty() && child.value()->buffers().empty()) {
        continue;
      }
      throw std::invalid_argument("the file has no module '" + full +
                                  "'; it was saved from a network with a different spec");
    }
    read_checked(*child.value(), child_archive, full + ".", pairs);
  }
}

}  // namespace

namespace al {

int64_t input_width(const al_spec_copy& spec) {
  return static_cast<int64_t>(spec.input_length) * spec.input_channels;
}

torch::Tensor forward(al_model& model, const torch::Tensor& x) {
  // The (batch, channels, length) view of a CNN input is taken here, not by a module, so that module
  // indices match a Python nn.Sequential that starts at the first Conv1d. Rows are channel-major.
  if (model.spec.kind != AL_NET_CNN1D) {
    return model.net->forward(x);
  }
  return model.net->forward(x.reshape({x.size(0), model.spec.input_channels, model.spec.input_length}));
}

al_model& require_model(al_model* model) {
  require(model != nullptr, "model is a null handle");
  return *model;
}

}  // namespace al

AL_API int32_t al_model_create(const al_network_spec* spec, const char* device, al_model** out) {
  return al::guard("al_model_create", [&] {
    al::require(out != nullptr, "out is a null pointer");
    *out = nullptr;
    auto model = std::make_unique<al_model>();
    model->spec = validate(spec);
    model->device = al::parse_device(device);
    {
      std::lock_guard<std::mutex> lock(creation_mutex());
      torch::manual_seed(static_cast<uint64_t>(model->spec.seed));
      model->net = build(model->spec);
    }
    model->net->to(model->device);
    model->net->eval();
    *out = model.release();
  });
}

AL_API void al_model_free(al_model* model) { delete model; }

AL_API int32_t al_model_parameter_count(const al_model* model, int64_t* count) {
  return al::guard("al_model_parameter_count", [&] {
    al::require(model != nullptr && count != nullptr, "model and count must be non-null");
    int64_t total = 0;
    for (const auto& parameter : model->net->parameters()) {
      total += parameter.numel();
    }
    *count = total;
  });
}

AL_API int32_t al_model_device(const al_model* model, char* buffer, int32_t capacity) {
  return al::guard("al_model_device", [&] {
    al::require(model != nullptr, "model is a null handle");
    al::require(buffer != nullptr && capacity > 0, "buffer must be non-null with capacity > 0");
    al::copy_string(model->device.str(), buffer, capacity);
  });
}

AL_API int32_t al_model_save(const al_model* model, const char* path) {
  return al::guard("al_model_save", [&] {
    al::require(model != nullptr, "model is a null handle");
    al::require(path != nullptr && path[0] != '\0', "path is empty");
    torch::serialize::OutputArchive archive;
    model->net->save(archive);
    archive.save_to(path);
  });
}

AL_API int32_t al_model_load(al_model* model, const char* path) {
  return al::guard("al_model_load", [&] {
    al_model& target = al::require_model(model);
    al::require(path != nullptr && path[0] != '\0', "path is empty");
    torch::serialize::InputArchive archive;
    archive.load_from(path, target.device);
    std::vector<std::pair<torch::Tensor, torch::Tensor>> pairs;
    read_checked(*target.net, archive, "", pairs);
    // Every tensor checked before any is changed: a failed load leaves the model as it was.
    torch::NoGradGuard no_grad;
    for (auto& pair : pairs) {
      pair.first.copy_(pair.second);
    }
  });
}
