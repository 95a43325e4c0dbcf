// Hidden test: left out of the student handout, run by the grader.
import { checkActivation } from "./activation-check.hidden.test-helper.js";
import { Sigmoid } from "./sigmoid.js";

const sigma = (h: number) => (h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h)));
checkActivation("Problem 4(a)", "Sigmoid", () => new Sigmoid(), sigma, (h) => sigma(h) * (1 - sigma(h)));
