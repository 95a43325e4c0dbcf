// A vitest reporter that sends the structured results of a run to the grading
// process over Node's IPC channel. Only vitest's main process (which runs no
// student code; tests run in forked workers) can reach that channel, so
// student code can neither forge nor overwrite these results, and nothing it
// prints counts.

/** Names of the suites around a test, outermost first. */
function suitePath(testCase) {
  const names = [];
  for (let node = testCase.parent; node && node.type === "suite"; node = node.parent) names.unshift(node.name);
  return names;
}

function messageOf(error) {
  if (error && typeof error === "object" && "message" in error) {
    const name = typeof error.name === "string" && error.name !== "Error" ? `${error.name}: ` : "";
    return `${name}${error.message}`;
  }
  return String(error);
}

export default class IpcReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const tests = [];
    for (const module of testModules) {
      for (const testCase of module.children.allTests()) {
        const result = testCase.result();
        tests.push({
          file: module.moduleId,
          suites: suitePath(testCase),
          name: testCase.name,
          state: result.state,
          errors: (result.errors ?? []).map(messageOf),
        });
      }
      const moduleErrors = module.errors();
      if (moduleErrors.length > 0) {
        tests.push({ file: module.moduleId, suites: [], name: "(test file failed to load)", state: "failed", errors: moduleErrors.map(messageOf) });
      }
    }
    if (typeof process.send === "function") {
      process.send({ type: "mytorch-test-results", tests, unhandledErrors: (unhandledErrors ?? []).map(messageOf) });
    }
  }
}
