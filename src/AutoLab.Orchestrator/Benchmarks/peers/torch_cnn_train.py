#!/usr/bin/python3
"""PyTorch peer of AutoLab's CNN training (AnalysisBenchmark): the same network, loss, optimiser,
batch size and data, timed the same way (the optimisation loop only, data already in memory).

The network is built exactly as src/AutoLab.Analysis/native/autolab_torch.h describes AL_NET_CNN1D:
conv blocks Conv1d(padding=k//2) [-> BatchNorm1d] -> ReLU -> MaxPool1d(pool), Flatten, then
Linear -> ReLU -> Dropout per hidden layer, then Linear(outputs). Loss: softmax cross-entropy
against probability targets. Optimiser: Adam.

Inputs: --inputs and --targets are raw little-endian float32 files, row-major (rows x length and
rows x outputs). Prints one JSON object with the wall seconds, samples per second and final loss.
"""
import argparse
import json
import time

import numpy as np
import torch
from torch import nn


def build(length, outputs, channels, kernels, pool, batch_norm, hidden, dropout):
    layers = []
    in_channels, width = 1, length
    for out_channels, kernel in zip(channels, kernels):
        layers.append(nn.Conv1d(in_channels, out_channels, kernel, padding=kernel // 2))
        if batch_norm:
            layers.append(nn.BatchNorm1d(out_channels))
        layers += [nn.ReLU(), nn.MaxPool1d(pool)]
        in_channels, width = out_channels, width // pool
    layers.append(nn.Flatten())
    features = in_channels * width
    for size in hidden:
        layers += [nn.Linear(features, size), nn.ReLU(), nn.Dropout(dropout)]
        features = size
    layers.append(nn.Linear(features, outputs))
    return nn.Sequential(*layers)


def ints(text):
    return [int(v) for v in text.split(",") if v]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--targets", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--length", type=int, required=True)
    parser.add_argument("--outputs", type=int, required=True)
    parser.add_argument("--channels", type=ints, required=True)
    parser.add_argument("--kernels", type=ints, required=True)
    parser.add_argument("--pool", type=int, default=2)
    parser.add_argument("--batch-norm", type=int, default=0)
    parser.add_argument("--hidden", type=ints, default=[])
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    device = torch.device(args.device)
    x = torch.from_numpy(np.fromfile(args.inputs, dtype="<f4").reshape(args.rows, 1, args.length)).to(device)
    y = torch.from_numpy(np.fromfile(args.targets, dtype="<f4").reshape(args.rows, args.outputs)).to(device)
    model = build(args.length, args.outputs, args.channels, args.kernels, args.pool,
                  args.batch_norm, args.hidden, args.dropout).to(device)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.learning_rate)
    generator = torch.Generator().manual_seed(args.seed)

    model.train()
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    last_loss = 0.0
    for _ in range(args.epochs):
        order = torch.randperm(args.rows, generator=generator).to(device)
        total, batches = 0.0, 0
        for begin in range(0, args.rows, args.batch_size):
            index = order[begin:begin + args.batch_size]
            logits = model(x[index])
            loss = torch.sum(-y[index] * torch.log_softmax(logits, dim=1), dim=1).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item()
            batches += 1
        last_loss = total / max(batches, 1)
    if device.type == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds,
        "samples_per_second": args.rows * args.epochs / seconds,
        "final_loss": last_loss,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "device": str(device),
    }))


if __name__ == "__main__":
    main()
