// Hidden test: left out of the student handout, run by the grader.
import { checkActivation } from "./activation-check.hidden.test-helper.js";
import { ReLU } from "./relu.js";

checkActivation("Problem 4(c)", "ReLU", () => new ReLU(), (h) => Math.max(0, h), (h) => (h > 0 ? 1 : 0));
