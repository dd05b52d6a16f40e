#!/usr/bin/python3
"""scikit-learn peer of AutoLab's GP hyperparameter fit (GaussianProcessBenchmark.FitScikitLearn).

Reads a CSV of unit-cube inputs and outputs (last column), fits GaussianProcessRegressor with the
same kernel, bounds, first start and number of full-data L-BFGS runs (1 + restarts) as AutoLab's
GaussianProcess.Fit, and prints one JSON object: wall seconds of fit() and the log marginal
likelihood of the standardised outputs at the optimum. Set OPENBLAS_NUM_THREADS in the environment
to match AutoLab. scikit-learn's random restarts start at plain log-uniform draws; AutoLab's start
where a screen and L-BFGS on a 250-point subset put them (GaussianProcessOptions.WarmStartPoints).
"""
import argparse
import json
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel


class CountingRegressor(GaussianProcessRegressor):
    """Counts likelihood evaluations with gradient, the unit of work of the fit."""

    evaluations = 0

    def log_marginal_likelihood(self, theta=None, eval_gradient=False, clone_kernel=True):
        if eval_gradient:
            CountingRegressor.evaluations += 1
        return super().log_marginal_likelihood(theta, eval_gradient, clone_kernel)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--restarts", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    data = np.loadtxt(args.data, delimiter=",")
    x, y = data[:, :-1], data[:, -1]
    d = x.shape[1]
    # Bounds and first start equal AutoLab's GaussianProcessOptions defaults.
    kernel = ConstantKernel(1.0, (0.05, 1000.0)) * Matern(
        length_scale=[0.5] * d, length_scale_bounds=(0.005, 20.0), nu=2.5
    ) + WhiteKernel(1e-2, (1e-9, 1.0))
    model = CountingRegressor(
        kernel=kernel, alpha=1e-10, normalize_y=True,
        n_restarts_optimizer=args.restarts, random_state=args.seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - start
    print(json.dumps({
        "n": int(x.shape[0]),
        "dimension": int(d),
        "restarts": args.restarts,
        "seconds": seconds,
        "log_marginal_likelihood": float(model.log_marginal_likelihood_value_),
        "evaluations": CountingRegressor.evaluations,
        "kernel": str(model.kernel_),
    }))


if __name__ == "__main__":
    main()
