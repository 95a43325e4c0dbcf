#!/usr/bin/python3
"""Reference fixtures for @mytorch/autograd, computed independently with PyTorch.

Every expected value comes from PyTorch 1.13 autograd in float64. Inputs are
drawn with numpy's seeded RandomState, so a rerun writes byte-identical JSON.

    pnpm fixtures              # all three generators; or: /usr/bin/python3 fixtures-gen/autograd.py

Writes packages/autograd/fixtures/{ops,losses,optim,seed000}.json; the
TypeScript tests read them and never need Python. Same style as generate.py.
"""
from functools import partial

import numpy as np
import torch
import torch.nn.functional as F

from common import m, t, write_fixture

rs = np.random.RandomState(577)
write = partial(write_fixture, "autograd.py", "autograd")


# ---- ops: output and every input's gradient for L = Σ output ⊙ G ---------------


def op_case(fn, inputs, **options):
    """fn(*tensors, **options) in PyTorch; G random, L = Σ out ⊙ G, grads by autograd."""
    ts = [t(x).requires_grad_() for x in inputs]
    out = fn(*ts, **options)
    if out.dim() == 0:
        out = out.reshape(1, 1)
    G = t(rs.randn(*out.shape))
    (out * G).sum().backward()
    return {"inputs": [m(x) for x in ts], "options": options, "G": m(G), "output": m(out),
            "grads": [m(x.grad) for x in ts]}


def randn(*shape):
    return rs.randn(*shape)


def positive(*shape):
    return rs.rand(*shape) + 0.5


def away_from_zero(*shape):
    """|x| ≥ 0.5 with random signs: safe denominators."""
    return (rs.rand(*shape) + 0.5) * rs.choice([-1.0, 1.0], size=shape)


BROADCAST_PAIRS = [((3, 4), (3, 4)), ((3, 4), (1, 4)), ((3, 4), (3, 1)), ((3, 4), (1, 1)), ((1, 4), (3, 1)), ((2, 1), (2, 5))]


def sum_dim(x, dim=None):
    return x.sum() if dim is None else x.sum(dim, keepdim=True)


def mean_dim(x, dim=None):
    return x.mean() if dim is None else x.mean(dim, keepdim=True)


def select(x, indices):
    return x[torch.arange(x.shape[0]), torch.tensor(indices)].reshape(-1, 1)


def expand(x, rows, cols):
    return x.expand(rows, cols)


def reshape(x, rows, cols):
    return x.reshape(rows, cols)


ops = {
    "add": [op_case(torch.add, [randn(*a), randn(*b)]) for a, b in BROADCAST_PAIRS],
    "sub": [op_case(torch.sub, [randn(*a), randn(*b)]) for a, b in BROADCAST_PAIRS],
    "mul": [op_case(torch.mul, [randn(*a), randn(*b)]) for a, b in BROADCAST_PAIRS],
    "div": [op_case(torch.div, [randn(*a), away_from_zero(*b)]) for a, b in BROADCAST_PAIRS],
    "neg": [op_case(torch.neg, [randn(3, 4)]), op_case(torch.neg, [randn(1, 1)])],
    "pow": [
        op_case(torch.pow, [randn(3, 4)], exponent=2.0),
        op_case(torch.pow, [randn(2, 3)], exponent=3.0),
        op_case(torch.pow, [positive(3, 2)], exponent=0.5),
        op_case(torch.pow, [positive(2, 2)], exponent=-1.5),
    ],
    "matmul": [op_case(torch.matmul, [randn(a, k), randn(k, b)]) for a, k, b in [(3, 4, 2), (1, 5, 1), (4, 1, 3), (7, 6, 5)]],
    "transpose": [op_case(torch.t, [randn(2, 5)]), op_case(torch.t, [randn(1, 3)])],
    "exp": [op_case(torch.exp, [randn(3, 4)]), op_case(torch.exp, [randn(1, 1) * 3])],
    "log": [op_case(torch.log, [positive(3, 4)]), op_case(torch.log, [rs.rand(2, 2) * 100 + 1e-3])],
    "sum": [op_case(sum_dim, [randn(3, 4)]), op_case(sum_dim, [randn(3, 4)], dim=0), op_case(sum_dim, [randn(3, 4)], dim=1),
            op_case(sum_dim, [randn(1, 5)], dim=0)],
    "mean": [op_case(mean_dim, [randn(3, 4)]), op_case(mean_dim, [randn(3, 4)], dim=0), op_case(mean_dim, [randn(3, 4)], dim=1)],
    "relu": [op_case(torch.relu, [randn(4, 5)]), op_case(torch.relu, [randn(1, 7) * 3])],
    "sigmoid": [op_case(torch.sigmoid, [randn(4, 5) * 3]),
                op_case(torch.sigmoid, [np.array([[0.0, 1e-3, -30.0, 30.0, 1000.0, -1000.0]])])],
    "tanh": [op_case(torch.tanh, [randn(4, 5) * 2]), op_case(torch.tanh, [np.array([[0.0, 20.0, -20.0, 0.3]])])],
    "softmax": [op_case(torch.softmax, [randn(3, 5) * 3], dim=1), op_case(torch.softmax, [randn(2, 1)], dim=1),
                op_case(torch.softmax, [np.array([[1000.0, -1000.0, 0.0], [1000.0, 1000.0, 999.0]])], dim=1)],
    "logSoftmax": [op_case(torch.log_softmax, [randn(3, 5) * 3], dim=1), op_case(torch.log_softmax, [randn(4, 1)], dim=1),
                   op_case(torch.log_softmax, [np.array([[1000.0, -1000.0, 0.0], [1000.0, 1000.0, 999.0]])], dim=1)],
    "expand": [op_case(expand, [randn(1, 4)], rows=3, cols=4), op_case(expand, [randn(3, 1)], rows=3, cols=5),
               op_case(expand, [randn(1, 1)], rows=2, cols=3)],
    "normalize": [op_case(lambda x: x / x.sum(1, keepdim=True), [positive(3, 4)]),
                  op_case(lambda x: x / x.sum(1, keepdim=True), [positive(1, 6)])],
    "select": [op_case(select, [randn(4, 5)], indices=[0, 4, 2, 2]), op_case(select, [randn(3, 2)], indices=[1, 0, 1])],
    "rowMax": [op_case(lambda x: x.max(1, keepdim=True).values, [randn(4, 5)]),
               op_case(lambda x: x.max(1, keepdim=True).values, [randn(2, 1)])],
    "rowSum": [op_case(lambda x: x.sum(1, keepdim=True), [randn(3, 4)])],
    "reshape": [op_case(reshape, [randn(2, 6)], rows=3, cols=4), op_case(reshape, [randn(4, 1)], rows=1, cols=4)],
    "squeeze": [op_case(lambda x: x.squeeze(1).reshape(1, -1), [randn(4, 1)])],
    "unsqueeze": [op_case(lambda x: x.squeeze(0).unsqueeze(1), [randn(1, 4)])],
}
# The exponent option is called p in TypeScript (pow(x, p)).
for case in ops["pow"]:
    case["options"] = {"p": case["options"].pop("exponent")}
for name in ["softmax", "logSoftmax"]:
    for case in ops[name]:
        case["options"] = {}
write("ops.json", {"ops": ops})

# ---- losses --------------------------------------------------------------------


def loss_case(kind, O, Y, reduction):
    O = t(O).requires_grad_()
    if kind == "mse":
        loss = F.mse_loss(O, t(Y), reduction=reduction)
    elif kind == "labels":
        loss = F.cross_entropy(O, torch.tensor(Y), reduction=reduction)
    else:  # one-hot or soft targets, rows summing to 1
        loss = F.cross_entropy(O, t(Y), reduction=reduction)
    loss.backward()
    target = Y if kind == "labels" else m(Y)
    return {"kind": kind, "reduction": reduction, "O": m(O), "Y": target, "loss": float(loss), "dLdO": m(O.grad)}


def one_hot(labels, q):
    Y = np.zeros((len(labels), q))
    Y[np.arange(len(labels)), labels] = 1
    return Y


soft = rs.rand(4, 3) + 0.1
soft = soft / soft.sum(1, keepdims=True)
labels = [int(v) for v in rs.randint(0, 5, size=6)]
write("losses.json", {"cases": [
    loss_case("mse", randn(4, 3), randn(4, 3), "mean"),
    loss_case("mse", randn(5, 1), randn(5, 1), "sum"),
    loss_case("labels", randn(6, 5) * 2, labels, "mean"),
    loss_case("labels", randn(6, 5) * 2, labels, "sum"),
    loss_case("targets", randn(6, 5), one_hot(labels, 5), "mean"),
    loss_case("targets", randn(4, 3), soft, "mean"),
    loss_case("labels", np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0]]), [1, 2], "mean"),
]})

# ---- optimizers: trajectories of torch.optim.SGD and torch.optim.Adam on given gradients ----


def optim_case(kind, settings, shapes, steps=5):
    params = [t(rs.randn(*s)).requires_grad_() for s in shapes]
    initial = [m(p) for p in params]
    opt = torch.optim.SGD(params, **settings) if kind == "SGD" else torch.optim.Adam(params, **settings)
    trajectory = []
    for _ in range(steps):
        grads = [rs.randn(*s) for s in shapes]
        for p, g in zip(params, grads):
            p.grad = t(g)
        opt.step()
        trajectory.append({"grads": [m(g) for g in grads], "after": [m(p) for p in params]})
    options = dict(settings)
    if "betas" in options:
        options["betas"] = list(options["betas"])
    return {"kind": kind, "options": options, "initial": initial, "steps": trajectory}


write("optim.json", {"cases": [
    optim_case("SGD", {"lr": 0.1}, [(3, 2), (1, 2)]),
    optim_case("SGD", {"lr": 0.05, "momentum": 0.9}, [(3, 2), (1, 2)]),
    optim_case("Adam", {"lr": 0.001}, [(3, 2), (1, 2)]),
    optim_case("Adam", {"lr": 0.1, "betas": (0.8, 0.99), "eps": 1e-6}, [(4, 1)], steps=8),
]})

# ---- seed 000: the 2→10→10→1 ReLU network and the loss ½(ŷ − y)² ---------------------
# The seed's pickled weights and data are not available, so this draws its own:
# Kaiming-normal weights (as the seed's Linear), zero biases, and a small
# regression data set y = sin(2x₁) + x₂² / 2 + noise on x ~ N(0, I₂).


def seed000_fixture(n=64, updates=25, lr=0.05):
    widths = [2, 10, 10, 1]
    Ws = [t(rs.randn(a, b) * np.sqrt(2.0 / a)).requires_grad_() for a, b in zip(widths, widths[1:])]
    bs = [t(np.zeros((1, b))).requires_grad_() for b in widths[1:]]
    X = rs.randn(n, 2)
    Y = (np.sin(2 * X[:, 0]) + X[:, 1] ** 2 / 2 + 0.05 * rs.randn(n)).reshape(-1, 1)
    initial = {"W": [m(W) for W in Ws], "b": [m(b) for b in bs]}

    def forward(x):
        h = torch.relu(x @ Ws[0] + bs[0])
        h = torch.relu(h @ Ws[1] + bs[1])
        return h @ Ws[2] + bs[2]

    # The first (input, target) pair: L = ½(ŷ − y)², gradients of the first layer.
    y_hat = forward(t(X[:1]))
    loss = ((y_hat - t(Y[:1])) ** 2) * 0.5
    loss.backward()
    first = {"loss": float(loss), "dLdW1": m(Ws[0].grad), "dLdb1": m(bs[0].grad)}

    # Training curve: full-batch gradient descent on the mean of ½(ŷ − y)² over the data set,
    # the average loss before any update and after each one.
    curve = []
    for step in range(updates + 1):
        for p in Ws + bs:
            p.grad = None
        loss = (((forward(t(X)) - t(Y)) ** 2) * 0.5).mean()
        curve.append(float(loss))
        if step == updates:
            break
        loss.backward()
        with torch.no_grad():
            for p in Ws + bs:
                p -= lr * p.grad
    return {"widths": widths, "initial": initial, "X": m(X), "Y": m(Y), "first": first, "lr": lr, "curve": curve,
            "final": {"W": [m(W) for W in Ws], "b": [m(b) for b in bs]}}


write("seed000.json", seed000_fixture())
