// Mocha for the web worker extension host: its browser build (no Node), BDD globals installed before
// the test modules that index.ts imports after this one register their tests. Every reporter line
// goes to the console with a prefix; run-e2e.mjs (E2E_LAYOUT=web) relays those from the browser.
import 'mocha/mocha';

export const WEB_SUITE_PREFIX = '[web-suite] ';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): void;
  suite: { total(): number };
}
interface MochaClass {
  reporters: { Base: { consoleLog: (...args: unknown[]) => void } };
  prototype: { run(this: BrowserMocha, done: (failures: number) => void): unknown };
}

export const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
const Mocha = (globalThis as unknown as { Mocha: MochaClass }).Mocha;
const reporters = Mocha.reporters;

/**
 * Runs the suite; `done` gets the failure count. Not mocha.run(): the browser build's reads
 * `location.search`, which VS Code's worker host lacks. While this pass was being built, the end of
 * a run did not always come back to the workbench (an uncaught "fn is not a function" on the page
 * instead of codeAutomationExit), so the driver also takes mocha's own summary ("N passing",
 * "M failing") as the verdict.
 */
export function runMocha(done: (failures: number) => void): void {
  Mocha.prototype.run.call(mocha, done);
}

/** A line of the suite's output, prefixed so the driver can tell it from the workbench's own console. */
export function webLog(...args: unknown[]): void {
  // printf-style reporter lines ("%d passing") are formatted here: the console would, but only after the prefix.
  console.log(WEB_SUITE_PREFIX + formatPrintf(args));
}

function formatPrintf(args: unknown[]): string {
  if (typeof args[0] !== 'string') return args.map(String).join(' ');
  let rest = args.slice(1);
  const head = (args[0] as string).replace(/%[sdio%]/g, (spec) => {
    if (spec === '%%') return '%';
    const [value, ...others] = rest;
    rest = others;
    return String(value);
  });
  return [head, ...rest.map(String)].join(' ');
}

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: false });
reporters.Base.consoleLog = webLog;

// Anything thrown in this worker outside a test (the extension's own errors included) is reported, not lost.
globalThis.addEventListener?.('error', (event: Event) => {
  const error = (event as ErrorEvent).error as Error | undefined;
  webLog(`[suite] uncaught in the web worker: ${(event as ErrorEvent).message}${error?.stack ? `\n${error.stack}` : ''}`);
});
globalThis.addEventListener?.('unhandledrejection', (event: Event) => {
  const reason = (event as PromiseRejectionEvent).reason as unknown;
  webLog(`[suite] unhandled rejection in the web worker: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
