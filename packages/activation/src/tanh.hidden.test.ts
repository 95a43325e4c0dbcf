// Hidden test: left out of the student handout, run by the grader.
import { checkActivation } from "./activation-check.hidden.test-helper.js";
import { Tanh } from "./tanh.js";

checkActivation("Problem 4(b)", "Tanh", () => new Tanh(), Math.tanh, (h) => 1 / Math.cosh(h) ** 2);
