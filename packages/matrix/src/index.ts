export { Matrix, type MatrixLike } from "./matrix.js";
export { ShapeError } from "./shape-error.js";
export { NotImplementedError } from "./not-implemented-error.js";
export { shapeOf, sameShape, type Shaped } from "./shape.js";
export { createRng, manualSeed, defaultRng, shuffle, type Rng } from "./rng.js";
export { matmulInto, transposeMatmulInto, matmulTransposeInto } from "./kernels/matmul.js";
export { gemm, type GemmArgs } from "./kernels/gemm.js";
/** Rows of the micro-kernel's tile: row ranges that are multiples of it leave no partial tiles. */
export { MR as GEMM_TILE_ROWS } from "./kernels/micro-kernel.js";
export { setMatmulBackend, getMatmulBackend, singleThreadBackend, type MatmulBackend } from "./matmul-backend.js";
export { transposeInto } from "./kernels/transpose.js";
export { zipInto, mapInto, broadcastShape } from "./kernels/broadcast.js";
export { sumRowsInto, sumColsInto, maxColsInto } from "./kernels/reduce.js";
export { compareMatrices, compareNumbers, assertClose, type Comparison, type Tolerance } from "./compare.js";
export { numericalGradient } from "./numerical-gradient.js";
export { countFloat64Allocations } from "./count-allocations.js";
