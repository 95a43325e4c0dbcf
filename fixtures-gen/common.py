"""Helpers shared by the fixture generators: float64 tensors in, nested lists out, JSON files."""
import json
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def t(x):
    """An array-like as a float64 tensor."""
    return torch.tensor(np.asarray(x, dtype=np.float64))


def m(x):
    """A tensor or array as nested lists (rows of floats), always 2-D (a scalar is 1×1, a vector 1×n)."""
    if isinstance(x, torch.Tensor):
        x = x.detach().numpy()
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 0:
        x = x.reshape(1, 1)
    if x.ndim == 1:
        x = x.reshape(1, -1)
    return [[float(v) for v in row] for row in x]


def write_fixture(generator, package, name, data):
    """Writes packages/<package>/fixtures/<name>, stamped with the generator and torch's version."""
    path = os.path.join(ROOT, "packages", package, "fixtures", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump({"generator": f"fixtures-gen/{generator}", "torch": torch.__version__, **data}, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))
