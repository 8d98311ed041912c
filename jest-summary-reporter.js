/**
 * Prints one plain closing line, `N passed, N failed` (with `, N skipped` when any were), as
 * the last line of the run, so tools that read a run's closing line see the counts. It goes to
 * stderr, where jest writes its own summary, when the process exits (jest's summary is
 * written after the reporters' onRunComplete).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`;
    process.once("exit", () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
