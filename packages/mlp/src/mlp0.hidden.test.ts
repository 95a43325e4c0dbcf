// Hidden test: left out of the student handout, run by the grader.
import { createRng } from "@mytorch/matrix";
import { fdSuite, softplusAll } from "./mlp-check.hidden.test-helper.js";
import { MLP0 } from "./mlp0.js";

fdSuite("Problem 5(a)", "MLP0", () => new MLP0(5, 3, { rng: createRng(1), activations: softplusAll(1) }));
