// Helpers shared by the tester notebooks (imported as "./src/index.js" from notebooks/).
export { CheckReport, CheckFailure, printSummary, clearFinished, type CheckResult, type Display, type Outcome } from "./check-report.js";
export { formatNumber, formatMatrix, formatDiff, escapeHtml } from "./format.js";
export {
  loadFixture,
  repoRoot,
  type ActivationCase,
  type ActivationFixture,
  type FixtureHeader,
  type LinearFixture,
  type LossCase,
  type LossFixture,
  type MLPCase,
  type MLPFixture,
  type SGDFixture,
} from "./fixtures.js";
export { REFERENCE_ACTIVATIONS, hasReferenceActivations, referenceActivations } from "./reference-activations.js";
export { once } from "./once.js";
export { htmlTable, textTable, type Table } from "./table.js";
