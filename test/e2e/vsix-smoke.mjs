// `npm run test:vsix`: the smoke scenarios against what users install — the packaged VSIX,
// unpacked (with Python's zipfile, present on Debian) and loaded instead of the repo.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vsix = path.join(root, 'retro-health.vsix');
const unpacked = path.join(root, 'test', 'e2e', 'out', 'vsix');
if (!existsSync(vsix)) {
  console.error('retro-health.vsix is missing: run `npm run package` first');
  process.exit(2);
}
rmSync(unpacked, { recursive: true, force: true });
mkdirSync(unpacked, { recursive: true });
const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked], { stdio: 'inherit' });
if (unzip.status !== 0) process.exit(unzip.status ?? 2);
const smoke = '"Analyze This File"|a retro is analysed on open|hover shows|quick fix adds|writes the section|marks the symptom';
const run = spawnSync('bash', [path.join(root, 'test', 'e2e', 'run-e2e.sh')], {
  stdio: 'inherit',
  env: { ...process.env, E2E_EXTENSION_DIR: path.join(unpacked, 'extension'), E2E_GREP: smoke },
});
process.exit(run.status ?? 2);
