#!/usr/bin/python3
"""Reference fixtures for @mytorch/nn, computed independently with PyTorch.

Every expected value comes from PyTorch 1.13 in float64 (torch.optim.SGD, torch.optim.Adam,
torch.nn.init, torch.nn.functional.dropout). Inputs are drawn with numpy's seeded RandomState,
so a rerun writes the same optimizer JSON; the statistics of init and dropout are torch's own draws
under torch.manual_seed.

    /usr/bin/python3 fixtures-gen/nn.py

Writes packages/nn/fixtures/{optim,init,dropout}.json; the TypeScript tests read them and never
need Python.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F

from common import m, t, write_fixture

torch.manual_seed(559)
rs = np.random.RandomState(559)


def write(name, data):
    write_fixture("nn.py", "nn", name, data)


# ---- optimizers: trajectories over 5 steps with given gradients --------------------------


def trajectory(name, make, options, steps=5):
    """Two parameters (a 3×2 weight and a 1×2 bias); each step sets p.grad to a fixed random
    gradient (plus, from step 2 on, a term depending on p so the trajectory matters) and steps."""
    shapes = [(3, 2), (1, 2)]
    initial = [rs.randn(*s) for s in shapes]
    params = [torch.tensor(x, requires_grad=True) for x in initial]
    opt = make(params, **options)
    record = []
    for _ in range(steps):
        grads = [torch.tensor(rs.randn(*p.shape)) + 0.5 * p.detach() for p in params]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        opt.step()
        record.append({"grads": [m(g) for g in grads], "values": [m(p) for p in params]})
    return {"name": name, "options": options, "initial": [m(x) for x in initial], "steps": record}


sgd = torch.optim.SGD
adam = torch.optim.Adam
write("optim.json", {
    "sgd": [
        trajectory("plain", sgd, {"lr": 0.1}),
        trajectory("momentum 0.9", sgd, {"lr": 0.1, "momentum": 0.9}),
        trajectory("nesterov 0.9", sgd, {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
        trajectory("weight decay 0.01 + momentum 0.5", sgd, {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.01}),
        trajectory("nesterov + weight decay", sgd, {"lr": 0.02, "momentum": 0.8, "nesterov": True, "weight_decay": 0.1}),
    ],
    "adam": [
        trajectory("defaults", adam, {"lr": 0.001}),
        trajectory("lr 0.1", adam, {"lr": 0.1}),
        trajectory("betas (0.8, 0.99), eps 1e-6", adam, {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6}),
        trajectory("weight decay 0.1", adam, {"lr": 0.05, "weight_decay": 0.1}),
    ],
})

# ---- initialisers: torch's own draws on a 500-in, 400-out layer -------------------------

IN, OUT = 500, 400
inits = {
    "kaimingNormal": lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity="relu"),
    "kaimingUniform": lambda w: torch.nn.init.kaiming_uniform_(w, nonlinearity="relu"),
    "glorotNormal": torch.nn.init.xavier_normal_,
    "glorotUniform": torch.nn.init.xavier_uniform_,
    "standardNormal": torch.nn.init.normal_,
    "zeros": torch.nn.init.zeros_,
}
cases = []
for name, fn in inits.items():
    w = torch.empty(OUT, IN)  # PyTorch's Linear weight is out × in
    fn(w)
    cases.append({"init": name, "mean": float(w.mean()), "variance": float(w.var(unbiased=False)),
                  "maxAbs": float(w.abs().max())})
write("init.json", {"inFeatures": IN, "outFeatures": OUT, "cases": cases})

# ---- dropout: torch's train-mode scale and drop rate, eval identity ---------------------

N, H = 400, 500
X = torch.tensor(rs.randn(N, H))
dropout_cases = []
for p in [0.1, 0.25, 0.5, 0.8]:
    Y = F.dropout(X, p=p, training=True)
    kept = Y != 0
    scale = (Y[kept] / X[kept])
    dropout_cases.append({
        "p": p,
        "keptScale": float(scale.mean()),
        "keptScaleSpread": float(scale.max() - scale.min()),
        "dropRate": float(1 - kept.double().mean()),
        "evalIsIdentity": bool(torch.equal(F.dropout(X, p=p, training=False), X)),
    })
write("dropout.json", {"rows": N, "cols": H, "cases": dropout_cases})
