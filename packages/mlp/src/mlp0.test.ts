import { mlpSuite } from "./mlp-suite.test-helper.js";
import { MLP0 } from "./mlp0.js";

mlpSuite("Problem 5(a)", "MLP0", (w, options) => new MLP0(w[0]!, w[1]!, options), [3, 2]);
