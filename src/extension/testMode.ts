/**
 * When the extension registers its test-only commands (`retroHealth.internal.*`: the work counters
 * and the probes of the panel and the report). Never in a copy used normally; in test mode when
 *  - VS Code runs it under an extension test runner from its development folder
 *    (`context.extensionMode === ExtensionMode.Test`: test/e2e/run-desktop.ts, and run-e2e.mjs
 *    on the repo), or
 *  - the environment has RETRO_HEALTH_TEST_MODE=1: test/e2e/run-e2e.mjs sets it for code-server,
 *    whose extension host inherits it, because a copy installed from the VSIX (`npm run test:vsix`,
 *    the bench's activation figure) always runs in ExtensionMode.Production.
 * No `vscode` import, so the unit tests load it.
 */
export const TEST_MODE_ENV = 'RETRO_HEALTH_TEST_MODE';

/** `runByTestRunner`: `context.extensionMode === vscode.ExtensionMode.Test`. */
export function isTestMode(runByTestRunner: boolean, env: Readonly<Record<string, string | undefined>> = globalThis.process?.env ?? {}): boolean {
  return runByTestRunner || env[TEST_MODE_ENV] === '1';
}
