// Activation time of the packaged extension inside a real VS Code (the e2e harness: code-server +
// headless Chromium). The extension measures itself — module load (from the bundle's first to its
// last statement) plus activate() — and the e2e scenario that checks non-retros cost nothing logs
// it as "[stats] module load X ms, activate() Y ms". Each run is a fresh editor, so each figure is
// a cold start of the VSIX that users install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Activation {
  runs: { moduleLoadMs: number; activateMs: number; coreLoadMs: number | undefined }[];
  /** Median of module load + activate(). */
  medianMs: number;
}

const STATS_LINE = /\[stats\] module load ([\d.]+) ms, activate\(\) ([\d.]+) ms(?:, core load ([\d.]+|not yet) ms)?/;
const SCENARIO = 'costs no analysis';

export function measureActivation(root: string, vsix: string, runs: number): Activation | Error {
  if (!existsSync(vsix)) return new Error(`${vsix} is missing: run npm run package`);
  const measured: Activation['runs'] = [];
  for (let run = 0; run < runs; run++) {
    // Installed from the VSIX into a fresh editor each time (test/e2e/run-e2e.mjs, E2E_INSTALL_VSIX).
    const harness = spawnSync('bash', [join(root, 'test', 'e2e', 'run-e2e.sh')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, E2E_INSTALL_VSIX: vsix, E2E_GREP: SCENARIO },
    });
    const stats = STATS_LINE.exec(harness.stdout ?? '');
    if (harness.status !== 0 || !stats) {
      const tail = `${harness.stdout ?? ''}${harness.stderr ?? ''}`.trim().split('\n').slice(-5).join(' | ');
      return new Error(`the e2e harness did not report activation (exit ${harness.status}): ${tail}`);
    }
    measured.push({ moduleLoadMs: Number(stats[1]), activateMs: Number(stats[2]), coreLoadMs: stats[3] === undefined || stats[3] === 'not yet' ? undefined : Number(stats[3]) });
  }
  const totals = measured.map((run) => run.moduleLoadMs + run.activateMs).sort((a, b) => a - b);
  return { runs: measured, medianMs: totals[Math.floor(totals.length / 2)] as number };
}
