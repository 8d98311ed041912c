/**
 * Diagnosis only (bench/runner-bench.ts): loaded after `ts-node/register`, it removes the
 * source-map stack-trace formatter ts-node installed, so stack traces show compiled
 * positions again. With it, ts-node runs a large app as fast as precompiled JavaScript,
 * which shows where ts-node's extra time goes. Not a recommendation: error traces then
 * point into the transpiled code.
 */
delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
