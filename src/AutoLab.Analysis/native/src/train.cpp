// Training (Adam, shuffled minibatches, cosine schedule, four losses) and prediction in chunks,
// evaluation or Monte-Carlo dropout (autolab_torch.h, al_model_train / al_model_predict).
#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <sstream>

#include "network.h"

namespace {

constexpr int64_t kPredictChunk = 4096;     // rows per inference chunk, as the header promises
constexpr int64_t kSingleThreadRows = 8;    // rows x passes up to which inference runs on one thread
constexpr double kCosineFloor = 0.05;       // the schedule ends at 5% of the initial rate

void check_options(const al_train_options& o) {
  al::require(o.loss >= AL_LOSS_MSE && o.loss <= AL_LOSS_PRESENCE_FRACTION,
              "options.loss must be 0..3, got " + std::to_string(o.loss));
  al::require(o.epochs >= 1, "options.epochs must be >= 1");
  al::require(o.batch_size >= 1, "options.batch_size must be >= 1");
  al::require(std::isfinite(o.learning_rate) && o.learning_rate > 0.0f,
              "options.learning_rate must be finite and > 0");
  al::require(std::isfinite(o.weight_decay) && o.weight_decay >= 0.0f,
              "options.weight_decay must be finite and >= 0");
  if (o.loss == AL_LOSS_PRESENCE_FRACTION) {
    al::require(std::isfinite(o.fraction_weight) && o.fraction_weight >= 0.0f,
                "options.fraction_weight must be finite and >= 0");
    al::require(o.presence_threshold >= 0.0f && o.presence_threshold < 1.0f,
                "options.presence_threshold must be in [0, 1)");
  }
}

// Target widths per loss (autolab_torch.h) and the value ranges the losses assume, naming the row.
void check_targets(const al_spec_copy& spec, const al_train_options& o, const float* y, int64_t rows,
                   int64_t targets) {
  const bool presence = o.loss == AL_LOSS_PRESENCE_FRACTION;
  const int64_t expected = presence ? spec.outputs / 2 : spec.outputs;
  al::require(!presence || spec.outputs % 2 == 0,
              "the presence-fraction loss needs an even number of outputs (2K), got " +
                  std::to_string(spec.outputs));
  al::require(targets == expected, "targets has " + std::to_string(targets) + " columns; this loss needs " +
                                       std::to_string(expected) + " for a network with " +
                                       std::to_string(spec.outputs) + " outputs");
  al::require_finite(y, rows, targets, "target");
  if (o.loss == AL_LOSS_MSE) {
    return;
  }
  for (int64_t r = 0; r < rows; ++r) {
    for (int64_t c = 0; c < targets; ++c) {
      const float value = y[r * targets + c];
      if (value < 0.0f || value > 1.0f) {
        std::ostringstream message;
        message << "target row " << r << ", column " << c << " is " << value
                << "; this loss needs probabilities or fractions in [0, 1]";
        throw std::invalid_argument(message.str());
      }
    }
  }
}

torch::Tensor loss_of(const torch::Tensor& out, const torch::Tensor& y, const al_train_options& o) {
  switch (o.loss) {
    case AL_LOSS_MSE:
      return torch::mse_loss(out, y);
    case AL_LOSS_CROSS_ENTROPY:
      // Soft-label cross-entropy: -sum_c y_c log softmax(out)_c, averaged over rows.
      return -(y * torch::log_softmax(out, 1)).sum(1).mean();
    case AL_LOSS_MULTILABEL:
      return torch::binary_cross_entropy_with_logits(out, y);
    default: {
      const int64_t k = y.size(1);
      const torch::Tensor present = (y > o.presence_threshold).to(out.scalar_type());
      const torch::Tensor presence_loss = torch::binary_cross_entropy_with_logits(out.narrow(1, 0, k), present);
      const torch::Tensor fractions = torch::softmax(out.narrow(1, k, k), 1);
      return presence_loss + o.fraction_weight * torch::mse_loss(fractions, y);
    }
  }
}

void set_learning_rate(torch::optim::Adam& optimizer, double rate) {
  for (auto& group : optimizer.param_groups()) {
    static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
  }
}

// Dropout on, everything else (batch norm) in evaluation mode: Monte-Carlo dropout (Gal &
// Ghahramani 2016, "Dropout as a Bayesian approximation").
void enable_dropout_only(torch::nn::Sequential& net) {
  net->eval();
  for (const auto& module : net->modules(/*include_self=*/false)) {
    if (module->as<torch::nn::Dropout>() != nullptr) {
      module->train(true);
    }
  }
}

}  // namespace

AL_API int32_t al_model_train(al_model* model, const float* x, int64_t rows, int64_t features,
                              const float* y, int64_t targets, const al_train_options* options,
                              al_train_report* report) {
  return al::guard("al_model_train", [&] {
    al_model& m = al::require_model(model);
    al::require(options != nullptr && report != nullptr, "options and report must be non-null");
    const al_train_options o = *options;
    check_options(o);
    al::require(rows >= 1, "rows must be >= 1");
    al::require(features == al::input_width(m.spec),
                "inputs have " + std::to_string(features) + " features; the network expects input_length " +
                    std::to_string(m.spec.input_length) + " x input_channels " +
                    std::to_string(m.spec.input_channels));
    al::require_finite(x, rows, features, "input");
    check_targets(m.spec, o, y, rows, targets);
    al::apply_thread_count();

    const torch::Tensor inputs = al::to_device(x, rows, features, m.device);
    const torch::Tensor labels = al::to_device(y, rows, targets, m.device);
    // Shuffling draws from its own generator so the order depends on the seed alone; dropout
    // masks draw from libtorch's global generator, reseeded here for the same reason.
    at::Generator shuffle = at::detail::createCPUGenerator(static_cast<uint64_t>(o.seed));
    torch::manual_seed(static_cast<uint64_t>(o.seed));

    torch::optim::Adam optimizer(m.net->parameters(),
                                 torch::optim::AdamOptions(o.learning_rate).weight_decay(o.weight_decay));
    const int64_t batches = (rows + o.batch_size - 1) / o.batch_size;
    const int64_t total_steps = batches * o.epochs;
    int64_t step = 0;
    double epoch_loss = 0.0;
    m.net->train();
    const auto start = std::chrono::steady_clock::now();
    for (int32_t epoch = 0; epoch < o.epochs; ++epoch) {
      const torch::Tensor order = torch::randperm(rows, shuffle, torch::kLong).to(m.device);
      // The epoch's loss is summed on the device and read once per epoch: reading it every batch
      // (item()) would make a GPU wait for each step.
      torch::Tensor epoch_sum = torch::zeros({}, inputs.options());
      for (int64_t b = 0; b < batches; ++b, ++step) {
        if (o.cosine_schedule != 0) {
          const double progress = static_cast<double>(step) / static_cast<double>(total_steps);
          const double factor = kCosineFloor + (1.0 - kCosineFloor) * 0.5 * (1.0 + std::cos(M_PI * progress));
          set_learning_rate(optimizer, o.learning_rate * factor);
        }
        const int64_t begin = b * o.batch_size;
        const int64_t size = std::min<int64_t>(o.batch_size, rows - begin);
        const torch::Tensor index = order.narrow(0, begin, size);
        optimizer.zero_grad();
        torch::Tensor loss = loss_of(al::forward(m, inputs.index_select(0, index)),
                                     labels.index_select(0, index), o);
        loss.backward();
        optimizer.step();
        epoch_sum += loss.detach() * static_cast<double>(size);
      }
      epoch_loss = epoch_sum.item<double>();
      if (!std::isfinite(epoch_loss)) {
        m.net->eval();
        throw std::runtime_error("training diverged: the loss became " + std::to_string(epoch_loss) +
                                 " in epoch " + std::to_string(epoch) +
                                 "; lower the learning rate or rescale the inputs");
      }
    }
    const auto stop = std::chrono::steady_clock::now();
    m.net->eval();
    report->final_loss = epoch_loss / static_cast<double>(rows);
    report->seconds = std::chrono::duration<double>(stop - start).count();
    report->samples_seen = static_cast<int64_t>(o.epochs) * rows;
  });
}

AL_API int32_t al_model_predict(al_model* model, const float* x, int64_t rows, int64_t features,
                                int32_t mc_samples, float* out) {
  return al::guard("al_model_predict", [&] {
    al_model& m = al::require_model(model);
    al::require(rows >= 1, "rows must be >= 1");
    al::require(out != nullptr, "out is a null pointer");
    al::require(mc_samples >= 0, "mc_samples must be >= 0");
    al::require(features == al::input_width(m.spec),
                "inputs have " + std::to_string(features) + " features; the network expects input_length " +
                    std::to_string(m.spec.input_length) + " x input_channels " +
                    std::to_string(m.spec.input_channels));
    al::require_finite(x, rows, features, "input");
    al::apply_thread_count();
    torch::NoGradGuard no_grad;
    const int64_t outputs = m.spec.outputs;
    const int32_t passes = mc_samples == 0 ? 1 : mc_samples;
    // A few patterns on the CPU: one thread (see single_thread_scope for the measured reason).
    const al::single_thread_scope tiny(m.device.is_cpu() && rows * passes <= kSingleThreadRows);
    if (mc_samples == 0) {
      m.net->eval();
    } else {
      enable_dropout_only(m.net);
    }
    for (int64_t begin = 0; begin < rows; begin += kPredictChunk) {
      const int64_t size = std::min(kPredictChunk, rows - begin);
      const torch::Tensor chunk = al::to_device(x + begin * features, size, features, m.device);
      for (int32_t pass = 0; pass < passes; ++pass) {
        // out is (passes, rows, outputs): this chunk of pass p starts at p*rows + begin.
        al::to_host(al::forward(m, chunk), out + (static_cast<int64_t>(pass) * rows + begin) * outputs);
      }
    }
    m.net->eval();
  });
}
