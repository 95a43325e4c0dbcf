import { mlpSuite } from "./mlp-suite.test-helper.js";
import { MLP1 } from "./mlp1.js";

mlpSuite("Problem 5(b)", "MLP1", (w, options) => new MLP1(w[0]!, w[1]!, w[2]!, options), [3, 5, 2]);
