// Hidden test: left out of the student handout, run by the grader.
import { createRng } from "@mytorch/matrix";
import { fdSuite, softplusAll } from "./mlp-check.hidden.test-helper.js";
import { MLP4 } from "./mlp4.js";

fdSuite("Problem 5(c)", "MLP4", () => new MLP4(3, [4, 2, 5, 3], 2, { rng: createRng(3), activations: softplusAll(5) }));
