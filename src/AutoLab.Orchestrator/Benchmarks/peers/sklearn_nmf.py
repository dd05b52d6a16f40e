#!/usr/bin/python3
"""scikit-learn peer of AutoLab's NMF (AnalysisBenchmark): the same matrix, rank, initialisation
(NNDSVDa), tolerance and iteration cap, coordinate-descent solver, Frobenius loss.

Input: --data is a raw little-endian float32 file, row-major rows x cols. Prints one JSON object:
wall seconds of fit_transform, the reconstruction error ||X - WH||_F and iterations.
Set OPENBLAS_NUM_THREADS in the environment to match AutoLab's thread count.
"""
import argparse
import json
import time
import warnings

import numpy as np
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--cols", type=int, required=True)
    parser.add_argument("--rank", type=int, required=True)
    parser.add_argument("--max-iter", type=int, default=400)
    parser.add_argument("--tol", type=float, default=1e-4)
    parser.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    args = parser.parse_args()

    x = np.fromfile(args.data, dtype="<f4").reshape(args.rows, args.cols).astype(args.dtype)
    model = NMF(n_components=args.rank, init="nndsvda", solver="cd", beta_loss="frobenius",
                max_iter=args.max_iter, tol=args.tol, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit_transform(x)
        seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds,
        "reconstruction_error": float(model.reconstruction_err_),
        "iterations": int(model.n_iter_),
        "dtype": args.dtype,
    }))


if __name__ == "__main__":
    main()
