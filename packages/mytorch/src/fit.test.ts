import { describe, expect, it } from "vitest";
import { Dataset, accuracy, batches, syntheticRegression } from "@mytorch/data";
import { CrossEntropyLoss, MSELoss } from "@mytorch/loss";
import { Matrix, createRng, type Rng } from "@mytorch/matrix";
import { MLP0, MLP1 } from "@mytorch/mlp";
// BEGIN EXTENSION (@mytorch/nn is not part of the student handout)
import * as nn from "@mytorch/nn";
// END EXTENSION
import { SGD } from "@mytorch/optim";
import { evaluate } from "./evaluate.js";
import { fit, type BatchInfo, type EpochStats } from "./fit.js";

/** Three Gaussian blobs in 2-D around (±2, 0) and (0, 2.5), σ = 0.5: nearly separable. */
function blobs(n: number, rng: Rng): Dataset {
  const centres = [[-2, 0], [2, 0], [0, 2.5]] as const;
  const X = new Matrix(n, 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    X.set(i, 0, centres[c]![0] + 0.5 * rng.normal());
    X.set(i, 1, centres[c]![1] + 0.5 * rng.normal());
  }
  return new Dataset(X, labels, 3);
}

describe("fit on regression data { X, Y }", () => {
  it("MLP0 + MSELoss + SGD recovers d2l's w = [2, −3.4] and b = 4.2 within 0.01", () => {
    const rng = createRng(0);
    const train = syntheticRegression({ n: 1000, rng });
    const model = new MLP0(2, 1, { rng });
    const history = fit(model, new MSELoss(), new SGD(model, 0.03), train, { epochs: 3, batchSize: 10, rng });
    const [layer] = model.layers;
    expect(Math.abs(layer!.W.get(0, 0) - 2)).toBeLessThan(0.01);
    expect(Math.abs(layer!.W.get(1, 0) + 3.4)).toBeLessThan(0.01);
    expect(Math.abs(layer!.b.get(0, 0) - 4.2)).toBeLessThan(0.01);
    expect(history.loss).toHaveLength(3);
    expect(history.loss[2]!).toBeLessThan(history.loss[0]!);
    expect(history.trainAccuracy).toEqual([]);
    expect(history.epochs[0]!.trainAccuracy).toBeUndefined();
  });

  it("is exactly the plain loop over batches(train, B, { shuffle: true, rng }) with the same seed", () => {
    const train = syntheticRegression({ n: 50, rng: createRng(1) });
    const run = (useFit: boolean) => {
      const model = new MLP1(2, 4, 1, { rng: createRng(2) });
      const criterion = new MSELoss();
      const optimizer = new SGD(model, 0.05, 0.9);
      const rng = createRng(3);
      if (useFit) fit(model, criterion, optimizer, train, { epochs: 2, batchSize: 8, rng });
      else {
        for (let epoch = 0; epoch < 2; epoch++) {
          for (const { X, Y } of batches(train, 8, { shuffle: true, rng })) {
            criterion.forward(model.forward(X), Y);
            model.backward(criterion.backward());
            optimizer.step();
          }
        }
      }
      return model.layers.map((layer) => [...layer.W.data, ...layer.b.data]);
    };
    expect(run(true)).toEqual(run(false));
  });

  it("the epoch loss is the size-weighted mean of the batch losses (the last batch is partial)", () => {
    const train = syntheticRegression({ n: 25, rng: createRng(4) });
    const model = new MLP0(2, 1, { rng: createRng(5) });
    const seen: BatchInfo[] = [];
    const history = fit(model, new MSELoss(), new SGD(model, 0.01), train, {
      epochs: 1,
      batchSize: 10,
      rng: createRng(6),
      onBatch: (info) => seen.push(info),
    });
    expect(seen.map((b) => [b.batch, b.batches, b.samples])).toEqual([[1, 3, 10], [2, 3, 20], [3, 3, 25]]);
    const weighted = (seen[0]!.batchLoss * 10 + seen[1]!.batchLoss * 10 + seen[2]!.batchLoss * 5) / 25;
    expect(history.loss[0]).toBeCloseTo(weighted, 12);
    expect(seen[2]!.loss).toBeCloseTo(weighted, 12);
  });
});

describe("fit on labelled data { images, labels }", () => {
  const rng = createRng(7);
  const train = blobs(300, rng);
  const test = blobs(150, rng);

  it("MLP1 + CrossEntropyLoss learns three blobs: ≥ 95% test accuracy; test numbers equal a direct evaluation", () => {
    const model = new MLP1(2, 16, 3, { rng: createRng(8) });
    const criterion = new CrossEntropyLoss();
    const epochsSeen: EpochStats[] = [];
    const history = fit(model, criterion, new SGD(model, 0.1, 0.9), train, {
      epochs: 5,
      batchSize: 32,
      rng: createRng(9),
      test,
      onEpoch: (stats) => epochsSeen.push(stats),
    });
    expect(epochsSeen.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(history.epochs).toEqual(epochsSeen);
    expect(history.testAccuracy.at(-1)).toBeGreaterThanOrEqual(0.95);
    // Independent of fit's bookkeeping: one forward pass over the whole test set.
    const O = model.forward(test.images);
    expect(history.testAccuracy.at(-1)).toBe(accuracy(O, test.labels));
    expect(history.testLoss.at(-1)).toBeCloseTo(new CrossEntropyLoss().forward(O, test.oneHot()), 12);
    for (const e of history.epochs) {
      expect(e.trainAccuracy).toBeGreaterThan(0);
      expect(e.samplesPerSecond).toBeGreaterThan(0);
      expect(e.seconds).toBeGreaterThanOrEqual(0);
    }
    expect(history.trainAccuracy).toHaveLength(5);
  });

  it("running accuracy in onBatch ends at the epoch's train accuracy", () => {
    const model = new MLP1(2, 8, 3, { rng: createRng(10) });
    let last: BatchInfo | undefined;
    const history = fit(model, new CrossEntropyLoss(), new SGD(model, 0.1), train, {
      epochs: 1,
      batchSize: 64,
      rng: createRng(11),
      onBatch: (info) => (last = info),
    });
    expect(last!.accuracy).toBe(history.trainAccuracy[0]);
    expect(last!.samples).toBe(300);
  });

  it("the same seeds give the same history", () => {
    const run = () => {
      const model = new MLP1(2, 8, 3, { rng: createRng(12) });
      return fit(model, new CrossEntropyLoss(), new SGD(model, 0.1, 0.9), train, { epochs: 2, batchSize: 16, rng: createRng(13), test }).loss;
    };
    expect(run()).toEqual(run());
  });

  // BEGIN EXTENSION
  it("an nn Sequential trains through backwardParameters to exactly the history of the homework MLP1", () => {
    const mlp = new MLP1(2, 8, 3, { rng: createRng(16) });
    const rng = createRng(16); // the same draws: nn's "homework" init is the homework layer's
    const seq = new nn.Sequential(new nn.Linear(2, 8, { rng }), new nn.ReLU(), new nn.Linear(8, 3, { rng }));
    let skipped = 0;
    const backwardParameters = seq.backwardParameters.bind(seq);
    seq.backwardParameters = (g) => (skipped++, backwardParameters(g));
    const options = { epochs: 2, batchSize: 16, test } as const;
    const expected = fit(mlp, new CrossEntropyLoss(), new SGD(mlp, 0.1, 0.9), train, { ...options, rng: createRng(17) });
    const got = fit(seq, new nn.CrossEntropyLoss(), new nn.optim.SGD(seq.parameters(), { lr: 0.1, momentum: 0.9 }), train, { ...options, rng: createRng(17) });
    expect(got.loss).toEqual(expected.loss);
    expect(got.testAccuracy).toEqual(expected.testAccuracy);
    expect(skipped).toBe(2 * Math.ceil(300 / 16));
  });
  // END EXTENSION
});

describe("evaluate", () => {
  it("gives the same loss and accuracy whatever the batch size", () => {
    const data = blobs(101, createRng(14));
    const model = new MLP1(2, 5, 3, { rng: createRng(15) });
    const whole = evaluate(model, new CrossEntropyLoss(), data, { batchSize: 101 });
    const inPieces = evaluate(model, new CrossEntropyLoss(), data, { batchSize: 7 });
    expect(inPieces.loss).toBeCloseTo(whole.loss, 12);
    expect(inPieces.accuracy).toBe(whole.accuracy);
  });
});

describe("fit: bad settings", () => {
  const model = new MLP0(2, 1);
  const data = syntheticRegression({ n: 4, rng: createRng(16) });
  it("rejects bad epochs and batch sizes, and mixed kinds of data", () => {
    expect(() => fit(model, new MSELoss(), new SGD(model), data, { epochs: 0, batchSize: 2 })).toThrow(
      /^fit: epochs must be an integer ≥ 1, got 0$/,
    );
    expect(() => fit(model, new MSELoss(), new SGD(model), data, { epochs: 1, batchSize: -1 })).toThrow(
      /^fit: batchSize must be an integer ≥ 1, got -1$/,
    );
    const labelled = { images: data.X, labels: new Int32Array(4) };
    expect(() =>
      fit(model, new MSELoss(), new SGD(model), data, { epochs: 1, batchSize: 2, test: labelled as unknown as typeof data }),
    ).toThrow(/^fit: train and test must be the same kind of data, got regression data \{ X, Y \} and labelled data \{ images, labels \}$/);
  });

  it("a model whose output does not match the targets fails with the loss's ShapeError", () => {
    const wide = new MLP0(2, 3);
    expect(() => fit(wide, new MSELoss(), new SGD(wide), data, { epochs: 1, batchSize: 2 })).toThrow(/^MSELoss\.forward: Y must have the shape of O \(2×3\), got 2×1$/);
  });
});
