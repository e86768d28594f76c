// Creates the mocha instance for the in-host suite and installs the BDD globals (describe, it,
// before...) so the test modules that index.ts imports AFTER this one can register their tests.
// The tests are bundled into out/suite.js by esbuild, so mocha never loads files itself.
import * as fs from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';

// E2E_GREP runs a subset, e.g. the smoke scenarios against the packaged VSIX. The multi-root scenarios need
// their own window (run-e2e.mjs with E2E_LAYOUT=multi-root opens a .code-workspace): each pass runs only its own.
const MULTI_ROOT = 'multi-root workspace';
const layoutFilter = process.env.RETRO_E2E_LAYOUT === 'multi-root' ? { grep: MULTI_ROOT } : { grep: MULTI_ROOT, invert: true };
export const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000, ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : layoutFilter) });
mocha.suite.emit('pre-require', globalThis, 'test/e2e/suite', mocha);

/**
 * Prints a line from inside the extension host. In desktop VS Code the console reaches the
 * terminal; under code-server it only reaches the browser console, so when the driver sets
 * RETRO_E2E_LOG every line (mocha's reporter output included) is also appended to that file,
 * which run-e2e.mjs streams to its stdout.
 */
export const hostLog: (...args: unknown[]) => void = (() => {
  const logFile = process.env.RETRO_E2E_LOG;
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  const tee = (...args: unknown[]) => {
    original(...args);
    if (logFile) fs.appendFileSync(logFile, format(...args) + '\n');
  };
  base.consoleLog = tee;
  return tee;
})();
