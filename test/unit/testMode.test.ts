import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isTestMode, TEST_MODE_ENV } from '../../src/extension/testMode';

/**
 * The test-only commands (`retroHealth.internal.*`: the work counters and the probes of the panel
 * and the report) exist only in test mode, and never in the manifest, so an installed copy used
 * normally neither registers them nor shows them. The end-to-end suite checks the registration
 * in a real VS Code (test/e2e/suite/extension.test.ts); these check the manifest and the wiring.
 */

const ROOT = resolve(__dirname, '../..');
const INTERNAL = 'retroHealth.internal.';

interface Manifest {
  activationEvents?: string[];
  contributes: { commands?: { command: string }[]; menus?: Record<string, { command?: string }[]>; keybindings?: { command?: string }[] };
}
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** The `{ … }` block that starts at the first `{` at or after `from` (braces in strings are not expected there). */
function blockAt(text: string, from: number): string {
  const open = text.indexOf('{', from);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  throw new Error('unbalanced braces');
}

describe('the test-only commands', () => {
  it('are not contributed by package.json: no command, menu entry, keybinding or activation event', () => {
    const { commands = [], menus = {}, keybindings = [] } = manifest.contributes;
    const named = [...commands, ...Object.values(menus).flat(), ...keybindings].map((entry) => entry.command ?? '');
    assert.deepEqual(named.filter((command) => command.startsWith(INTERNAL)), []);
    assert.deepEqual((manifest.activationEvents ?? []).filter((event) => event.includes(INTERNAL)), []);
  });

  it('are registered only by activate(), inside its test-mode block', () => {
    const extensionTs = resolve(ROOT, 'src/extension/extension.ts');
    const text = readFileSync(extensionTs, 'utf8');
    assert.ok(text.includes('const testMode = isTestMode('), 'extension.ts decides test mode with isTestMode(...)');
    const guard = text.indexOf('if (testMode) {');
    assert.ok(guard >= 0, 'extension.ts registers under if (testMode)');
    const block = blockAt(text, guard);
    for (const registration of ["registerCommand('retroHealth.internal.stats'", 'registerCommand(PANEL_PROBE_COMMAND', 'registerCommand(REPORT_PROBE_COMMAND']) {
      assert.ok(block.includes(registration), `${registration} is in the test-mode block`);
      assert.equal(text.split(registration).length, 2, `${registration} appears once in extension.ts`);
    }
    const elsewhere = sourceFiles(resolve(ROOT, 'src'))
      .filter((file) => file !== extensionTs)
      .filter((file) => /registerCommand\(\s*(?:PANEL_PROBE_COMMAND|REPORT_PROBE_COMMAND|['"`]retroHealth\.internal\.)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(elsewhere, [], 'no other module registers a test-only command');
  });

  describe('test mode', () => {
    it('is on under a test runner (ExtensionMode.Test), whatever the environment', () => {
      assert.equal(isTestMode(true, {}), true);
      assert.equal(isTestMode(true, { [TEST_MODE_ENV]: '0' }), true);
    });

    it(`is on outside a test runner only with ${TEST_MODE_ENV}=1`, () => {
      assert.equal(isTestMode(false, { [TEST_MODE_ENV]: '1' }), true);
      for (const value of [undefined, '', '0', 'true', 'yes', ' 1']) assert.equal(isTestMode(false, { [TEST_MODE_ENV]: value }), false, `${TEST_MODE_ENV}=${String(value)}`);
      assert.equal(isTestMode(false, {}), false);
    });
  });
});
