/*
 * autolab_torch.h - the C ABI of AutoLab's libtorch shim (libautolab_torch.so).
 *
 * C# calls these functions through [LibraryImport] (src/AutoLab.Analysis/Torch/). Rules every
 * function follows:
 *   - Functions that can fail return AL_OK (0) or AL_ERROR (1). On AL_ERROR the reason, including
 *     the text of any C++ exception libtorch threw, is available from al_last_error() on the same
 *     thread. No exception ever crosses this boundary.
 *   - Arrays are float32 (or int32 for labels), row-major, owned by the caller. Inputs are read, never
 *     kept; outputs are written in full. The only copy of an input is the one onto the device.
 *   - device is "cpu", "cuda", "cuda:N" or "auto" (cuda when available, else cpu). Asking for cuda from
 *     a CPU-only libtorch is an error that says so.
 *   - seed makes results repeatable on the CPU: same inputs, seed and thread count, same outputs.
 */
#ifndef AUTOLAB_TORCH_H
#define AUTOLAB_TORCH_H

#include <stdint.h>

#ifdef __cplusplus
#define AL_API extern "C" __attribute__((visibility("default")))
#else
#define AL_API __attribute__((visibility("default")))
#endif

#define AL_OK 0
#define AL_ERROR 1

/* ---- runtime ------------------------------------------------------------------------------- */

/** The last error message on this thread ("" when none); valid until the next shim call on it. */
AL_API const char* al_last_error(void);

/** "autolab-torch <abi> (libtorch <version>, cuda <yes|no>)"; static storage. */
AL_API const char* al_version(void);

/** The ABI version of this header; C# refuses a library whose value differs. */
#define AL_ABI_VERSION 2
AL_API int32_t al_abi_version(void);

/** Sets libtorch's intra-op threads (and inter-op on first call); threads >= 1. */
AL_API int32_t al_set_num_threads(int32_t threads);

/** libtorch's current intra-op thread count. */
AL_API int32_t al_get_num_threads(void);

/** Number of CUDA devices libtorch can use (0 for a CPU-only build or no GPU). */
AL_API int32_t al_cuda_device_count(void);

/** Resolves a device string ("auto" included) to what a model or routine would run on, e.g. "cpu"
 *  or "cuda:0", into buffer (NUL-terminated, truncated to capacity). */
AL_API int32_t al_resolve_device(const char* device, char* buffer, int32_t capacity);

/* ---- networks ------------------------------------------------------------------------------ */

#define AL_NET_MLP 0
#define AL_NET_CNN1D 1

/**
 * A feed-forward network. The architecture is exactly (PyTorch names, so a Python peer can build
 * the same one):
 *   CNN1D: input (batch, input_channels, input_length); for each conv block i:
 *            Conv1d(in, conv_channels[i], conv_kernels[i], padding=conv_kernels[i]/2)
 *            [BatchNorm1d(conv_channels[i]) if batch_norm] -> ReLU -> MaxPool1d(pool)
 *          then Flatten, then the MLP part below with its input = channels x remaining length.
 *   MLP:   for each hidden size h: Linear(in, h) -> ReLU -> Dropout(dropout); then Linear(in, outputs).
 * Weights use PyTorch's default initialisation, drawn after torch::manual_seed(seed).
 */
typedef struct al_network_spec {
  int32_t kind;                  /* AL_NET_MLP or AL_NET_CNN1D */
  int32_t input_length;          /* features (MLP) or points per pattern (CNN1D) */
  int32_t outputs;
  int32_t conv_layers;           /* CNN1D only */
  const int32_t* conv_channels;  /* [conv_layers] */
  const int32_t* conv_kernels;   /* [conv_layers], odd */
  int32_t pool;                  /* CNN1D: max-pool width after each conv block, >= 1 */
  int32_t batch_norm;            /* CNN1D: 1 adds BatchNorm1d after each conv */
  int32_t hidden_layers;
  const int32_t* hidden_sizes;   /* [hidden_layers] */
  float dropout;                 /* 0 <= dropout < 1 */
  int64_t seed;
  int32_t input_channels;        /* CNN1D: channels per point (rows hold channel 0's input_length
                                    values, then channel 1's, ...); 0 or 1 means one; MLP: 0 or 1 */
} al_network_spec;

typedef struct al_model al_model;

AL_API int32_t al_model_create(const al_network_spec* spec, const char* device, al_model** out);
AL_API void al_model_free(al_model* model);
AL_API int32_t al_model_parameter_count(const al_model* model, int64_t* count);
/** The device the model lives on, e.g. "cpu" or "cuda:0". */
AL_API int32_t al_model_device(const al_model* model, char* buffer, int32_t capacity);

/* Losses. Targets have `targets` columns:
 *   AL_LOSS_MSE:            targets == outputs, mean squared error.
 *   AL_LOSS_CROSS_ENTROPY:  targets == outputs, each row a probability vector (one-hot for hard
 *                           labels); softmax cross-entropy.
 *   AL_LOSS_MULTILABEL:     targets == outputs, each entry 0..1; sigmoid binary cross-entropy.
 *   AL_LOSS_PRESENCE_FRACTION: outputs == 2K and targets == K: the row's phase fractions (sum 1).
 *                           Outputs [0,K) are presence logits trained by sigmoid BCE against
 *                           (fraction > presence_threshold); outputs [K,2K) are fraction logits whose
 *                           softmax is trained by MSE against the fractions, weighted by
 *                           fraction_weight. */
#define AL_LOSS_MSE 0
#define AL_LOSS_CROSS_ENTROPY 1
#define AL_LOSS_MULTILABEL 2
#define AL_LOSS_PRESENCE_FRACTION 3

typedef struct al_train_options {
  int32_t loss;
  int32_t epochs;
  int32_t batch_size;
  float learning_rate;       /* Adam */
  float weight_decay;        /* Adam's L2 term */
  int32_t cosine_schedule;   /* 1: learning rate follows a cosine from learning_rate to 5% of it */
  float fraction_weight;     /* AL_LOSS_PRESENCE_FRACTION only */
  float presence_threshold;  /* AL_LOSS_PRESENCE_FRACTION only, e.g. 0.02 */
  int64_t seed;              /* minibatch shuffling */
} al_train_options;

typedef struct al_train_report {
  double final_loss;       /* mean training loss over the last epoch */
  double seconds;          /* wall time of the optimisation loop (excludes the copy to the device) */
  int64_t samples_seen;    /* epochs x rows */
} al_train_report;

/** Trains in place with Adam over shuffled minibatches; x is (rows, features) with features ==
 *  input_length × input_channels, y is (rows, targets). Rejects NaN/infinite inputs with a message naming the row. */
AL_API int32_t al_model_train(al_model* model, const float* x, int64_t rows, int64_t features,
                              const float* y, int64_t targets, const al_train_options* options,
                              al_train_report* report);

/** Raw outputs (logits; no softmax or sigmoid applied). mc_samples == 0: evaluation mode (dropout
 *  off, batch-norm running statistics), out is (rows, outputs). mc_samples >= 1: Monte-Carlo dropout
 *  (dropout on, batch norm in evaluation mode), out is (mc_samples, rows, outputs). Inference runs in
 *  chunks of at most 4096 rows. */
AL_API int32_t al_model_predict(al_model* model, const float* x, int64_t rows, int64_t features,
                                int32_t mc_samples, float* out);

/** Saves / loads the parameters and buffers (torch::save archive). Loading needs a model created
 *  with the same spec; a mismatch is an error naming the first differing tensor. */
AL_API int32_t al_model_save(const al_model* model, const char* path);
AL_API int32_t al_model_load(al_model* model, const char* path);

/* ---- unsupervised routines ----------------------------------------------------------------- */

#define AL_NMF_INIT_RANDOM 0
#define AL_NMF_INIT_NNDSVDA 1

typedef struct al_nmf_result {
  double reconstruction_error;   /* Frobenius norm ||X - W H|| (as scikit-learn's reconstruction_err_) */
  int32_t iterations;
  int32_t converged;             /* 1 when the relative error change fell below tol */
} al_nmf_result;

/** Non-negative matrix factorisation X (rows x cols, entries >= 0) ~ W (rows x rank) H (rank x cols)
 *  by hierarchical alternating least squares (HALS / coordinate descent, as scikit-learn's "cd"
 *  solver), Frobenius loss, no regularisation. Stops when the relative decrease of the error over 10
 *  iterations is below tol, or at max_iter. Rejects negative or non-finite entries naming the first. */
AL_API int32_t al_nmf(const float* x, int64_t rows, int64_t cols, int32_t rank, int32_t max_iter,
                      double tol, int32_t init, int64_t seed, const char* device, float* w, float* h,
                      al_nmf_result* result);

/** PCA by SVD of the centred data. components (k x cols) unit rows, explained_variance (k) in
 *  decreasing order (divided by rows - 1), mean (cols), scores (rows x k). */
AL_API int32_t al_pca(const float* x, int64_t rows, int64_t cols, int32_t k, const char* device,
                      float* components, float* explained_variance, float* mean, float* scores);

/** k-means with k-means++ seeding, n_init restarts (best inertia kept), Lloyd iterations until the
 *  centre shift is below tol or max_iter. */
AL_API int32_t al_kmeans(const float* x, int64_t rows, int64_t cols, int32_t k, int32_t n_init,
                         int32_t max_iter, double tol, int64_t seed, const char* device,
                         int32_t* labels, float* centers, double* inertia, int32_t* iterations);

/** Gaussian mixture with full covariances by EM, initialised from k-means; reg_covar is added to
 *  each covariance's diagonal. log_likelihood is the mean per-sample log-likelihood. */
AL_API int32_t al_gmm(const float* x, int64_t rows, int64_t cols, int32_t k, int32_t max_iter,
                      double tol, double reg_covar, int64_t seed, const char* device,
                      float* weights, float* means, float* covariances, float* responsibilities,
                      double* log_likelihood, int32_t* iterations);

#endif /* AUTOLAB_TORCH_H */
