#!/usr/bin/python3
"""Reference fixtures for the MyTorch test suites, computed independently.

Every expected value here comes from PyTorch (float64, autograd) or, for the
random number generator, from a separate Python implementation of
splitmix32 + xoshiro128** + Marsaglia's polar method. Inputs are drawn with
numpy's seeded RandomState, so a rerun writes byte-identical JSON.

    pnpm fixtures        # all three generators; or: /usr/bin/python3 fixtures-gen/generate.py

Needs Debian's python3-torch and python3-numpy. The JSON files it writes are
committed; the TypeScript tests read them and never need Python.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F

from common import m, t, write_fixture

rs = np.random.RandomState(519)


def write(package, name, data):
    write_fixture("generate.py", package, name, data)


# ---- @mytorch/matrix: the Rng stream and the products ------------------------

MASK = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & MASK


class Xoshiro128:
    """splitmix32-seeded xoshiro128**, written from the published algorithms."""

    def __init__(self, seed):
        lo = seed & MASK
        hi = (seed >> 32) & MASK
        self.x = lo ^ imul(hi, 0x9E3779B1)
        self.s = [self._splitmix() for _ in range(4)]
        self.spare = None

    def _splitmix(self):
        self.x = (self.x + 0x9E3779B9) & MASK
        z = self.x
        z = imul(z ^ (z >> 16), 0x85EBCA6B)
        z = imul(z ^ (z >> 13), 0xC2B2AE35)
        return (z ^ (z >> 16)) & MASK

    @staticmethod
    def _rotl(x, k):
        return ((x << k) | (x >> (32 - k))) & MASK

    def uint32(self):
        s = self.s
        result = imul(self._rotl(imul(s[1], 5), 7), 9)
        t_ = (s[1] << 9) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t_
        s[3] = self._rotl(s[3], 11)
        return result

    def uniform(self):
        hi = self.uint32() >> 5
        lo = self.uint32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992.0

    def normal(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        factor = math.sqrt(-2 * math.log(s) / s)
        self.spare = v * factor
        return u * factor


def rng_fixture():
    streams = []
    for seed in [0, 1, 42, 519, 2**40 + 7]:
        g = Xoshiro128(seed)
        streams.append({"seed": seed, "uint32": [g.uint32() for _ in range(8)]})
        g = Xoshiro128(seed)
        streams[-1]["uniform"] = [g.uniform() for _ in range(8)]
        g = Xoshiro128(seed)
        streams[-1]["normal"] = [g.normal() for _ in range(9)]
    return streams


def products_fixture():
    cases = []
    for (mm, k, n) in [(1, 1, 1), (2, 3, 4), (1, 7, 5), (6, 1, 3), (5, 4, 1), (13, 17, 11), (32, 33, 31)]:
        a = rs.randn(mm, k)
        b = rs.randn(k, n)
        bt = rs.randn(n, k)
        at = rs.randn(k, mm)
        cases.append({
            "a": m(a), "b": m(b), "bt": m(bt), "at": m(at),
            "matmul": m(t(a) @ t(b)),                # a·b
            "transposeMatmul": m(t(at).T @ t(b)),    # atᵀ·b
            "matmulTranspose": m(t(a) @ t(bt).T),    # a·btᵀ
            "sumRows": m(t(a).sum(0, keepdim=True)),
            "sumCols": m(t(a).sum(1, keepdim=True)),
        })
    return cases


write("matrix", "rng.json", {"streams": rng_fixture()})
write("matrix", "products.json", {"cases": products_fixture()})

# ---- @mytorch/linear: Problem 1 -----------------------------------------------


def linear_case(N, d, h):
    A = t(rs.randn(N, d)).requires_grad_()
    W = t(rs.randn(d, h) * 0.5).requires_grad_()
    b = t(rs.randn(1, h)).requires_grad_()
    dLdO = t(rs.randn(N, h))
    O = A @ W + b  # O = AW + 1bᵀ (b broadcast over the rows)
    O.backward(dLdO)
    return {"A": m(A), "W": m(W), "b": m(b), "dLdO": m(dLdO), "O": m(O),
            "dLdA": m(A.grad), "dLdW": m(W.grad), "dLdb": m(b.grad)}


write("linear", "linear.json", {"cases": [linear_case(*s) for s in [(4, 3, 2), (1, 1, 1), (1, 5, 3), (7, 1, 4), (16, 10, 6), (3, 4, 1)]]})

# ---- @mytorch/loss: Problem 2 -------------------------------------------------


def mse_case(N, q, scale=1.0):
    O = t(rs.randn(N, q) * scale).requires_grad_()
    Y = t(rs.randn(N, q))
    loss = F.mse_loss(O, Y, reduction="mean")  # Σ (O − Y)² / (N·q)
    loss.backward()
    return {"O": m(O), "Y": m(Y), "loss": float(loss), "dLdO": m(O.grad)}


def one_hot(N, q):
    Y = np.zeros((N, q))
    Y[np.arange(N), rs.randint(0, q, size=N)] = 1
    return Y


def ce_case(O, Y):
    O = t(O).requires_grad_()
    Y = t(Y)
    loss = F.cross_entropy(O, Y, reduction="mean")  # probability targets, ÷ N
    loss.backward()
    return {"O": m(O), "Y": m(Y), "loss": float(loss), "dLdO": m(O.grad)}


def soft_targets(N, q):
    p = rs.rand(N, q) + 0.1
    return p / p.sum(1, keepdims=True)


ce_cases = [
    ce_case(rs.randn(4, 3), one_hot(4, 3)),
    ce_case(rs.randn(1, 5), one_hot(1, 5)),
    ce_case(rs.randn(8, 10) * 3, one_hot(8, 10)),
    ce_case(rs.randn(5, 4), soft_targets(5, 4)),
    ce_case(np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0], [1000.0, 1000.0, 1000.0]]), one_hot(3, 3)),
    ce_case(rs.randn(6, 1), np.ones((6, 1))),
]
write("loss", "loss.json", {"mse": [mse_case(*s) for s in [(4, 3), (1, 1), (1, 6), (9, 1), (10, 7, 100.0)]], "crossEntropy": ce_cases})

# ---- @mytorch/activation: Problem 4 ---------------------------------------------


def activation_case(H, fn):
    H = t(H).requires_grad_()
    A = fn(H)
    A.sum().backward()  # element-wise, so d(ΣA)/dH = dA/dH entry by entry
    return {"H": m(H), "A": m(A), "dAdH": m(H.grad)}


special = np.array([[0.0, 1e-3, -1e-3, 1000.0, -1000.0, 30.0, -30.0, 0.5]])
inputs = [rs.randn(4, 5) * 3, special, rs.randn(1, 1), rs.randn(7, 1)]
write("activation", "activation.json", {
    name: [activation_case(H, fn) for H in inputs]
    for name, fn in [("identity", lambda x: x * 1), ("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu)]
})

# ---- @mytorch/optim: Problem 3 --------------------------------------------------


def sgd_case(lr, momentum, shapes, steps=4):
    params = []
    for (d, h) in shapes:
        params.append((t(rs.randn(d, h)).requires_grad_(), t(rs.randn(1, h)).requires_grad_()))
    initial = [{"W": m(W), "b": m(b)} for W, b in params]
    opt = torch.optim.SGD([p for pair in params for p in pair], lr=lr, momentum=momentum)
    trajectory = []
    for _ in range(steps):
        grads = [{"dLdW": m(rs.randn(*W.shape)), "dLdb": m(rs.randn(*b.shape))} for W, b in params]
        for (W, b), g in zip(params, grads):
            W.grad = t(g["dLdW"])
            b.grad = t(g["dLdb"])
        opt.step()
        trajectory.append({"grads": grads, "after": [{"W": m(W), "b": m(b)} for W, b in params]})
    return {"lr": lr, "momentum": momentum, "initial": initial, "steps": trajectory}


write("optim", "sgd.json", {"cases": [
    sgd_case(0.1, 0.0, [(3, 2)]),
    sgd_case(0.05, 0.9, [(3, 2)]),
    sgd_case(0.01, 0.5, [(4, 5), (5, 1)]),
    sgd_case(1.0, 0.0, [(1, 1)]),
]})

# ---- @mytorch/mlp: Problem 5 ----------------------------------------------------

# Only activations that no problem grades, so that the MLP tests (and the
# grader, which runs them beside student code) carry no answer to Problem 4.
ACTIVATIONS = {"identity": lambda x: x, "sin": torch.sin}


def mlp_case(model, widths, activations, N):
    Ws = [t(rs.randn(a, b) * 0.5).requires_grad_() for a, b in zip(widths, widths[1:])]
    bs = [t(rs.randn(1, b) * 0.5).requires_grad_() for b in widths[1:]]
    X = t(rs.randn(N, widths[0])).requires_grad_()
    A = X
    for W, b, name in zip(Ws, bs, activations):
        A = ACTIVATIONS[name](A @ W + b)  # H = A·W + 1bᵀ, A = φ(H)
    dLdA = t(rs.randn(*A.shape))
    A.backward(dLdA)
    return {"model": model, "widths": widths, "activations": activations,
            "W": [m(W) for W in Ws], "b": [m(b) for b in bs], "X": m(X), "dLdA": m(dLdA), "output": m(A),
            "dLdW": [m(W.grad) for W in Ws], "dLdb": [m(b.grad) for b in bs], "dLdX": m(X.grad)}


write("mlp", "mlp.json", {"cases": [
    mlp_case("MLP0", [3, 2], ["identity"], 4),
    mlp_case("MLP0", [5, 1], ["identity"], 1),
    mlp_case("MLP0", [4, 3], ["sin"], 6),
    mlp_case("MLP1", [3, 5, 2], ["sin", "identity"], 4),
    mlp_case("MLP1", [6, 8, 3], ["sin", "identity"], 10),
    mlp_case("MLP1", [2, 4, 1], ["sin", "sin"], 5),
    mlp_case("MLP4", [3, 6, 5, 4, 6, 2], ["sin", "sin", "sin", "sin", "identity"], 7),
    mlp_case("MLP4", [5, 4, 4, 4, 4, 3], ["sin", "sin", "sin", "sin", "identity"], 1),
    mlp_case("MLP4", [4, 3, 7, 2, 5, 2], ["sin", "identity", "sin", "sin", "identity"], 6),
]})

# ---- mytorch: a few training steps end to end -------------------------------------


def training_fixture():
    """MLP1 (ReLU) + MSE + SGD with momentum, 6 steps on fixed data; losses and final weights."""
    widths = [3, 8, 2]
    Ws = [t(rs.randn(a, b) * 0.1).requires_grad_() for a, b in zip(widths, widths[1:])]
    bs = [t(np.zeros((1, b))).requires_grad_() for b in widths[1:]]
    initial = {"W": [m(W) for W in Ws], "b": [m(b) for b in bs]}
    X = t(rs.randn(16, 3))
    Y = t(rs.randn(16, 2))
    opt = torch.optim.SGD(Ws + bs, lr=0.1, momentum=0.9)
    losses = []
    for _ in range(6):
        opt.zero_grad()
        out = torch.relu(X @ Ws[0] + bs[0]) @ Ws[1] + bs[1]
        loss = F.mse_loss(out, Y)
        loss.backward()
        opt.step()
        losses.append(float(loss))
    return {"initial": initial, "X": m(X), "Y": m(Y), "lr": 0.1, "momentum": 0.9, "losses": losses,
            "final": {"W": [m(W) for W in Ws], "b": [m(b) for b in bs]}}


write("mytorch", "training.json", training_fixture())
