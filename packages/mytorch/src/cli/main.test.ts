import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main.js";

function io() {
  const out: string[] = [], err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s), isTTY: false } },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

const dir = mkdtempSync(join(tmpdir(), "mytorch-train-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pnpm train (main)", () => {
  it("end to end on synthetic regression: recovers w and b, prints progress, writes the SVG", async () => {
    const run = io();
    const out = join(dir, "sub", "regression.svg");
    const status = await main(["--task", "regression", "--epochs", "2", "--limit-train", "500", "--limit-test", "200", "--out", out], run.io);
    expect(status).toBe(0);
    // stderr: the setting, then one line per epoch (not a terminal).
    const lines = run.stderr().trim().split("\n");
    expect(lines[0]).toBe("regression: 500 train / 200 test examples; MLP0 2→1; MSELoss; SGD lr 0.03 momentum 0, batch 10, seed 0");
    expect(lines.slice(1).map((l) => l.slice(0, 9))).toEqual(["epoch 1/2", "epoch 2/2"]);
    expect(lines[2]).toMatch(/ 50\/50 {2}loss \S+ {2}test loss \S+ {2}[\d,]+ samples\/s {2}[\d.]+s$/);
    // stdout: learned parameters close to the truth (noise 0.01, so within 0.05 is loose), the SVG path.
    const learned = /learned w = \[(\S+), (\S+)\] \(true \[2\.0000, -3\.4000\]\), b = (\S+) \(true 4\.2000\)/.exec(run.stdout());
    expect(learned).not.toBeNull();
    const [w1, w2, b] = learned!.slice(1).map(Number);
    expect(Math.abs(w1! - 2)).toBeLessThan(0.05);
    expect(Math.abs(w2! + 3.4)).toBeLessThan(0.05);
    expect(Math.abs(b! - 4.2)).toBeLessThan(0.05);
    expect(run.stdout()).toMatch(/^final test loss: \S+$/m);
    expect(run.stdout()).toContain(`curves: ${out}\n`);
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('data-name="train (running mean)"');
    expect(svg).toContain('data-name="test (end of epoch)"');
  });

  it("the same seed gives the same run; another seed another", async () => {
    const learned = async (seed: string) => {
      const run = io();
      await main(["--task", "regression", "--epochs", "1", "--limit-train", "100", "--seed", seed, "--out", join(dir, `s${seed}.svg`)], run.io);
      return /learned w = .*$/m.exec(run.stdout())![0];
    };
    expect(await learned("3")).toBe(await learned("3"));
    expect(await learned("3")).not.toBe(await learned("4"));
  });

  it("--help prints the usage on stdout and exits 0", async () => {
    const run = io();
    expect(await main(["--help"], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/^Usage: pnpm train \[options\]/);
    expect(run.stderr()).toBe("");
  });

  it("a bad option: the error and a hint on stderr, exit status 2", async () => {
    const run = io();
    expect(await main(["--epochs", "many"], run.io)).toBe(2);
    expect(run.stderr()).toBe("train: --epochs must be an integer ≥ 1, got 'many'\nRun 'pnpm train --help' to see every option and its default.\n");
    expect(run.stdout()).toBe("");
  });

  it("unreadable data: the loader's message (file, what was wrong, how to get the data), exit status 1", async () => {
    // --data-dir is searched first, so its broken file is found before any installed copy.
    const broken = mkdtempSync(join(dir, "broken-"));
    writeFileSync(join(broken, "train-images-idx3-ubyte"), Uint8Array.of(0, 0, 8, 3, 0, 0));
    const run = io();
    expect(await main(["--data-dir", broken], run.io)).toBe(1);
    expect(run.stderr()).toContain(
      `\ntrain: loadFashionMnist: ${join(broken, "train-images-idx3-ubyte")}: truncated: expected a 16-byte header (magic + 3 sizes), got 6 bytes\n`,
    );
    expect(run.stderr()).toMatch(/How to get Fashion-MNIST: `apt-get install dataset-fashion-mnist`.*\n$/);
    expect(run.stdout()).toBe("");
  });
});
