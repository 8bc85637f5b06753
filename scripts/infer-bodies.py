#!/usr/bin/env python3
"""Writes Open Inference Protocol request bodies of MNIST test images for the serve benchmarks:
infer-1.json (one image) and infer-64.json (64 images), pixels 0..1 as float32 decimals, into DIR.
Usage: scripts/infer-bodies.py MNIST_DIR DIR"""
import gzip
import json
import os
import struct
import sys


def images(mnist_dir, count):
    for name in ("t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz"):
        path = os.path.join(mnist_dir, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
                if magic != 2051 or rows * cols != 784:
                    sys.exit(f"{path} is not MNIST's test images")
                return [f.read(784) for _ in range(min(count, n))]
    sys.exit(f"no t10k-images-idx3-ubyte(.gz) in {mnist_dir}")


def body(batch, request_id):
    # the float32 nearest k/255, written in few digits (the server reads it back as the same float)
    data = [float(f"{p / 255:.8g}") for image in batch for p in image]
    return {"id": request_id, "inputs": [{"name": "pixels", "shape": [len(batch), 784], "datatype": "FP32", "data": data}]}


def main():
    mnist_dir, out = sys.argv[1], sys.argv[2]
    pictures = images(mnist_dir, 64)
    for n in (1, 64):
        with open(os.path.join(out, f"infer-{n}.json"), "w") as f:
            json.dump(body(pictures[:n], f"bench-{n}"), f, separators=(",", ":"))


if __name__ == "__main__":
    main()
