/**
 * Prints one plain closing line after jest's own summary, `N passed, N failed` (with
 * `, N skipped` when any were), so tools that read a run's last line see the counts (on stderr, where jest writes its own).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stderr.write(`${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`);
  }
}
module.exports = SummaryReporter;
