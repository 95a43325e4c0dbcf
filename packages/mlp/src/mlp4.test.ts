import { mlpSuite } from "./mlp-suite.test-helper.js";
import { MLP4 } from "./mlp4.js";

mlpSuite("Problem 5(c)", "MLP4", (w, options) => new MLP4(w[0]!, w.slice(1, 5), w[5]!, options), [3, 6, 5, 4, 6, 2]);
