// The workspace report at scale: the whole CLI (`report --format json`, which builds the
// report model) over a 2,000-retro workspace, with wall time and peak memory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './peers';

export interface WorkspaceFigures {
  retros: number;
  /** The median of the rounds. */
  wallMs: number;
  /** The highest of the rounds. */
  peakRssMb: number;
  /** Each round's wall time, in run order. */
  roundsMs: number[];
}

/** Copies the first `count` generated retros into one workspace folder (kept between runs). */
export function ensureWorkspace(corpusFiles: string[], dir: string, count: number): string[] {
  const files = corpusFiles.slice(0, count);
  if (!existsSync(dir) || readdirSync(dir).length !== files.length) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    files.forEach((file, index) => copyFileSync(file, join(dir, `${String(index).padStart(5, '0')}-${file.split('/').pop()}`)));
  }
  return files;
}

/** Runs the CLI in a child that reports its own wall time and peak RSS (process.resourceUsage). */
/** The report run `rounds` times (one run is a single noisy sample on a shared machine): median wall, highest peak. */
export function measureWorkspaceReport(cli: string, dir: string, rounds: number): WorkspaceFigures | Error {
  const runs: { wallMs: number; peakRssMb: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const run = reportOnce(cli, dir);
    if (run instanceof Error) return run;
    runs.push(run);
  }
  const roundsMs = runs.map((run) => run.wallMs);
  return { retros: readdirSync(dir).length, wallMs: median(roundsMs), peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)), roundsMs };
}

function reportOnce(cli: string, dir: string): { wallMs: number; peakRssMb: number } | Error {
  const probe = `
    const start = process.hrtime.bigint();
    process.argv = [process.argv[0], ${JSON.stringify(cli)}, 'report', '--format', 'json', ${JSON.stringify(dir)}];
    process.stdout.write = () => true;
    process.on('exit', () => process.stderr.write('\\nFIGURES ' + JSON.stringify({ wallMs: Number(process.hrtime.bigint() - start) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 })));
    require(${JSON.stringify(cli)});`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = /FIGURES (.+)$/m.exec(run.stderr)?.[1];
  if (run.status !== 0 || !line) return new Error(`workspace report failed (exit ${run.status}): ${run.stderr.slice(0, 300)}`);
  return JSON.parse(line) as { wallMs: number; peakRssMb: number };
}
