// `npm run test:vsix`: the smoke scenarios against what users install — the packaged VSIX,
// installed into the harness's VS Code with code-server --install-extension (run-e2e.mjs,
// E2E_INSTALL_VSIX); the suite checks that the copy under test is that installed one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vsix = path.join(root, 'retro-health.vsix');
if (!existsSync(vsix)) {
  console.error('retro-health.vsix is missing: run `npm run package` first');
  process.exit(2);
}
const smoke = '"Analyze This File"|a retro is analysed on open|hover shows|quick fix adds|writes the section|marks the symptom|test-only commands';
const run = spawnSync('bash', [path.join(root, 'test', 'e2e', 'run-e2e.sh')], {
  stdio: 'inherit',
  env: { ...process.env, E2E_INSTALL_VSIX: vsix, E2E_GREP: smoke },
});
process.exit(run.status ?? 2);
