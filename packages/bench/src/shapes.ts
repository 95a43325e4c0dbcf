/** Which product a shape times: op(A) (m×k) · op(B) (k×n). */
export type Product = "A·B" | "Aᵀ·B" | "A·Bᵀ";

/** One benchmark case. For Aᵀ·B, A is stored k×m; for A·Bᵀ, B is stored n×k. */
export interface BenchShape {
  id: string;
  label: string;
  /** A few characters, for the chart's x axis. */
  short: string;
  product: Product;
  m: number;
  k: number;
  n: number;
}

/** Floating-point operations of one product: a multiply and an add per term. */
export function flops(shape: BenchShape): number {
  return 2 * shape.m * shape.k * shape.n;
}

/** The shapes of issue 5: squares, the MLP's three products (784→256→10, batch 256), thin cases. */
export const SHAPES: readonly BenchShape[] = [
  { id: "sq128", short: "128³", label: "128³", product: "A·B", m: 128, k: 128, n: 128 },
  { id: "sq256", short: "256³", label: "256³", product: "A·B", m: 256, k: 256, n: 256 },
  { id: "sq512", short: "512³", label: "512³", product: "A·B", m: 512, k: 512, n: 512 },
  { id: "sq1024", short: "1024³", label: "1024³", product: "A·B", m: 1024, k: 1024, n: 1024 },
  { id: "forward", short: "X·W", label: "X·W (256×784)·(784×256)", product: "A·B", m: 256, k: 784, n: 256 },
  { id: "gradW", short: "Xᵀ·G", label: "Xᵀ·G (256×784)ᵀ·(256×256)", product: "Aᵀ·B", m: 784, k: 256, n: 256 },
  { id: "gradX", short: "G·Wᵀ", label: "G·Wᵀ (256×256)·(784×256)ᵀ", product: "A·Bᵀ", m: 256, k: 256, n: 784 },
  { id: "skinny", short: "n = 10", label: "(256×256)·(256×10)", product: "A·B", m: 256, k: 256, n: 10 },
  { id: "row", short: "one row", label: "one row (1×784)·(784×256)", product: "A·B", m: 1, k: 784, n: 256 },
  { id: "k1", short: "k = 1", label: "k = 1 (256×1)·(1×256)", product: "A·B", m: 256, k: 1, n: 256 },
];
