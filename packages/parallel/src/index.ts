export { ParallelMatmul, useParallelMatmul, stopParallelMatmul, type ParallelOptions } from "./parallel-backend.js";
