import { describe, expect, it } from "vitest";
import { OPTIONS, UsageError, parseTrainArgs, trainHelp, type TrainOptions } from "./train-options.js";

const parse = (...argv: string[]): TrainOptions => {
  const parsed = parseTrainArgs(argv);
  if (parsed.help) throw new Error("unexpected --help");
  return parsed.options;
};

describe("parseTrainArgs: defaults", () => {
  it("no arguments: Fashion-MNIST with MLP1 784→256→10, SGD lr 0.02 momentum 0.9, batch 64, 5 epochs, seed 0", () => {
    expect(parse()).toEqual({
      task: "fashion-mnist",
      model: "mlp1",
      hidden: [256],
      epochs: 5,
      batchSize: 64,
      lr: 0.02,
      momentum: 0.9,
      seed: 0,
      kernel: "ts",
      out: "out/train/fashion-mnist-mlp1.svg",
    });
  });

  it("--task regression: MLP0, d2l's settings (lr 0.03, batch 10, 3 epochs, no momentum)", () => {
    expect(parse("--task", "regression")).toEqual({
      task: "regression",
      model: "mlp0",
      hidden: [],
      epochs: 3,
      batchSize: 10,
      lr: 0.03,
      momentum: 0,
      seed: 0,
      kernel: "ts",
      out: "out/train/regression-mlp0.svg",
    });
  });

  it("mlp4 defaults to hidden widths 256,128,64,32; one width repeats four times", () => {
    expect(parse("--model", "mlp4").hidden).toEqual([256, 128, 64, 32]);
    expect(parse("--model", "mlp4", "--hidden", "100").hidden).toEqual([100, 100, 100, 100]);
    expect(parse("--model", "mlp4", "--hidden", "8,7,6,5").hidden).toEqual([8, 7, 6, 5]);
  });
});

describe("parseTrainArgs: values", () => {
  it("reads every option, as --name value and as --name=value", () => {
    const options = parse(
      "--task=fashion-mnist", "--model", "mlp1", "--hidden=128", "--epochs", "2", "--batch-size=32", "--lr", "0.05",
      "--momentum", "0.5", "--seed", "7", "--kernel", "wasm", "--data-dir", "/data", "--limit-train", "1000", "--limit-test=500", "--out", "a/b.svg",
    );
    expect(options).toEqual({
      task: "fashion-mnist", model: "mlp1", hidden: [128], epochs: 2, batchSize: 32, lr: 0.05, momentum: 0.5, seed: 7, kernel: "wasm",
      dataDir: "/data", limitTrain: 1000, limitTest: 500, out: "a/b.svg",
    });
  });

  it("--help and -h win over everything else", () => {
    expect(parseTrainArgs(["--epochs", "3", "--help"])).toEqual({ help: true });
    expect(parseTrainArgs(["-h", "--bogus"])).toEqual({ help: true });
  });
});

describe("parseTrainArgs: errors", () => {
  const cases: [string[], RegExp][] = [
    [["--epoch", "3"], /^unknown option --epoch \(did you mean --epochs\?\)$/],
    [["--frobnicate"], /^unknown option --frobnicate$/],
    [["extra"], /^unexpected argument 'extra' \(options start with --\)$/],
    [["--epochs"], /^--epochs needs a value \(N\)$/],
    [["--lr", "--epochs", "2"], /^--lr needs a value \(X\)$/],
    [["--epochs", "0"], /^--epochs must be an integer ≥ 1, got '0'$/],
    [["--epochs", "2.5"], /^--epochs must be an integer ≥ 1, got '2.5'$/],
    [["--batch-size", "abc"], /^--batch-size must be an integer ≥ 1, got 'abc'$/],
    [["--lr", "-0.1"], /^--lr must be a number > 0, got '-0.1'$/],
    [["--lr", "NaN"], /^--lr must be a number > 0, got 'NaN'$/],
    [["--momentum", "1"], /^--momentum must be a number in \[0, 1\), got '1'$/],
    [["--seed", "-1"], /^--seed must be an integer ≥ 0, got '-1'$/],
    [["--task", "mnist"], /^--task must be one of fashion-mnist, regression, circle, got 'mnist'$/],
    [["--model", "mlp2"], /^--model must be one of mlp0, mlp1, mlp4, got 'mlp2'$/],
    [["--kernel", "gpu"], /^--kernel must be one of ts, wasm, got 'gpu'$/],
    [["--model", "mlp0", "--hidden", "5"], /^--hidden does not apply to mlp0 \(it has no hidden layer\)$/],
    [["--hidden", "64,32"], /^--hidden for mlp1 must be one width, got 2: '64,32'$/],
    [["--model", "mlp4", "--hidden", "1,2"], /^--hidden for mlp4 must be one width or four, got 2: '1,2'$/],
    [["--hidden", "0"], /^--hidden must be positive integers separated by commas, got '0'$/],
    [["--out", "curves.png"], /^--out must name an \.svg file, got 'curves\.png'$/],
    [["--epochs", "1", "--epochs", "2"], /^--epochs is given twice$/],
    [["--task", "regression", "--data-dir", "/d"], /^--data-dir only applies to --task fashion-mnist \(the regression data are generated\)$/],
  ];
  it.each(cases)("%j → UsageError %s", (argv, message) => {
    expect(() => parseTrainArgs(argv)).toThrow(UsageError);
    expect(() => parseTrainArgs(argv)).toThrow(message);
  });
});

describe("trainHelp", () => {
  it("documents every option with its default, and both tasks", () => {
    const help = trainHelp();
    const listed = OPTIONS.filter((o) => o.listed !== false);
    for (const option of listed) expect(help).toContain(`--${option.name}`);
    for (const option of listed.filter((o) => o.defaultText)) expect(help).toContain(`default: ${option.defaultText}`);
    expect(help).toMatch(/^Usage: pnpm train \[options\]\n/);
    expect(help).toContain("fashion-mnist");
    expect(help).toContain("regression");
  });

  it("the defaults it shows are the ones the parser uses", () => {
    const help = trainHelp();
    const fashion = parse(), regression = parse("--task", "regression");
    expect(help).toContain(`default: ${fashion.epochs} (fashion-mnist), ${regression.epochs} (regression)`);
    expect(help).toContain(`default: ${fashion.lr} (fashion-mnist), ${regression.lr} (regression)`);
    expect(help).toContain(`default: ${fashion.batchSize} (fashion-mnist), ${regression.batchSize} (regression)`);
    expect(help).toContain(`default: ${fashion.momentum} (fashion-mnist), ${regression.momentum} (regression)`);
  });
});

describe("--task circle", () => {
  it("takes --epochs, --seed and --out, with the seed table's 100 epochs by default", () => {
    const parsed = parseTrainArgs(["--task", "circle", "--seed", "3"]);
    expect(parsed.help).toBe(false);
    if (parsed.help) return;
    expect(parsed.options).toMatchObject({ task: "circle", epochs: 100, seed: 3, out: "out/train/circle-mlp1.svg" });
    expect(trainHelp()).toContain("pnpm train --task circle");
  });

  it("rejects the options that belong to the MLP tasks, naming the option", () => {
    expect(() => parseTrainArgs(["--task", "circle", "--model", "mlp4"])).toThrow(/^--model does not apply to --task circle/);
    expect(() => parseTrainArgs(["--task", "circle", "--lr", "0.1"])).toThrow(/^--lr does not apply to --task circle/);
    expect(() => parseTrainArgs(["--task", "circle", "--kernel", "wasm"])).toThrow(/^--kernel does not apply to --task circle \(/);
  });
});
