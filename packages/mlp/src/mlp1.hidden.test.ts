// Hidden test: left out of the student handout, run by the grader.
import { createRng } from "@mytorch/matrix";
import { fdSuite, softplusAll } from "./mlp-check.hidden.test-helper.js";
import { MLP1 } from "./mlp1.js";

fdSuite("Problem 5(b)", "MLP1", () => new MLP1(2, 7, 3, { rng: createRng(2), activations: softplusAll(2) }));
