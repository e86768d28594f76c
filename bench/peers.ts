// Whole-process runs of retro-health and of the prose linters people would otherwise reach for
// (write-good, alex), over the same files, in the same batches, each checked for a real result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const CPU_PROBE = join(__dirname, 'cpu-probe.cjs');

export interface BatchOutcome {
  /** Files the tool says it looked at (each checked against the batch). */
  files: number;
  /** Findings (suggestions, warnings) it printed. */
  findings: number;
}

export interface Tool {
  name: string;
  /** What runs, for the report: e.g. `node dist/cli.js report --format json`. */
  display: string;
  /** Absolute path of the script node runs, or why it cannot run. */
  script: string | { missing: string };
  args: string[];
  /** Checks one batch's exit and output; throws when the run did not do its job. */
  check(run: RawRun, batch: readonly string[]): BatchOutcome;
}

export interface RawRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ToolRun {
  /** Wall time of all batches. */
  ms: number;
  /** CPU time (user + system) of all batches' processes, from bench/cpu-probe.cjs. */
  cpuMs: number;
  files: number;
  findings: number;
}

export type Measured = { ok: true; runs: ToolRun[]; medianMs: number; medianCpuMs: number } | { ok: false; error: string; runs: ToolRun[] };

/** Command lines stay well inside every platform's limit (Windows: 32,767 characters; Linux: 128 KiB per argument, about 2 MiB in all). */
const ARGV_BUDGET = process.platform === 'win32' ? 24_000 : 96_000;
const BATCH_TIMEOUT_MS = 10 * 60_000;

/** Splits paths into command lines of at most ARGV_BUDGET characters, in order, as xargs would. */
export function batches(paths: readonly string[], fixedLength: number, budget = ARGV_BUDGET): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = fixedLength;
  for (const path of paths) {
    const cost = path.length + 3; // separator, quotes
    if (current.length > 0 && length + cost > budget) {
      out.push(current);
      current = [];
      length = fixedLength;
    }
    current.push(path);
    length += cost;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A package's CLI script, from its package.json `bin`, searched in node_modules from `from` upwards. */
export function findBin(pkg: string, bin: string, from: string): string | { missing: string } {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', pkg, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string; bin?: string | Record<string, string> };
      const relative = typeof json.bin === 'string' ? json.bin : json.bin?.[bin];
      if (!relative) return { missing: `${pkg} ${json.version ?? ''} has no "${bin}" bin` };
      return join(dirname(manifest), relative);
    }
    if (dirname(dir) === dir) return { missing: `${pkg} is not installed (it is a devDependency: run npm ci)` };
  }
}

export function installedVersion(script: string | { missing: string }): string {
  if (typeof script !== 'string') return 'missing';
  for (let dir = dirname(script); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?';
  }
  return '?';
}

function fail(run: RawRun, why: string): never {
  const lines = (run.stderr || run.stdout).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  // A crash's first `…Error: …` line (or a reporter's `error` row) says more than what follows it.
  const error = lines.find((line) => /^\w*Error\b|\bError: |^\S+\s+error\s/.test(line));
  const tail = (error ?? lines.slice(-3).join(' | ')).slice(0, 300);
  throw new Error(`${why} (exit ${run.signal ?? run.status})${tail ? `: ${tail}` : ''}`);
}

/** `script`: the CLI bundle to run (by default dist/cli.js; the bench runs a copy taken right after its build). */
export function retroHealthTool(root: string, script = join(root, 'dist', 'cli.js')): Tool {
  return {
    name: 'retro-health',
    display: 'node dist/cli.js report --format json --all-markdown',
    script: existsSync(script) ? script : { missing: 'dist/cli.js is missing: run npm run build:production' },
    args: ['report', '--format', 'json', '--all-markdown'],
    check(run, batch) {
      // 0: analysed, nothing reached --fail-on (not given); 2: a file could not be analysed or a crash.
      if (run.status !== 0) fail(run, 'retro-health did not finish cleanly');
      const report = JSON.parse(run.stdout) as { documents: unknown[]; errors: unknown[]; summary: { findings: number } };
      if (report.errors.length > 0) fail(run, `${report.errors.length} files could not be analysed`);
      if (report.documents.length !== batch.length) fail(run, `analysed ${report.documents.length} of ${batch.length} files`);
      return { files: report.documents.length, findings: report.summary.findings };
    },
  };
}

export function writeGoodTool(root: string): Tool {
  return {
    name: 'write-good',
    display: 'write-good --parse',
    script: findBin('write-good', 'write-good', root),
    args: ['--parse'],
    check(run, batch) {
      // With --parse: 0 when the last file had no suggestion, 255 (-1) when it had; a crash exits 1.
      if (run.status !== 0 && run.status !== 255) fail(run, 'write-good crashed');
      if (run.stderr.trim()) fail(run, 'write-good wrote to stderr');
      // One console.log per file: `file:line:col:reason` lines, or one empty line for a clean file.
      const seen = new Set<string>();
      let clean = 0;
      let findings = 0;
      const names = new Set(batch);
      for (const line of run.stdout.split('\n').slice(0, -1)) {
        if (line === '') {
          clean++;
          continue;
        }
        const match = /^(.*?):\d+:\d+:/.exec(line);
        let file = match?.[1];
        // A path may itself contain `:digits:digits:`; fall back to the longest batch name it starts with.
        if (file === undefined || !names.has(file)) file = batch.find((name) => line.startsWith(`${name}:`));
        if (file === undefined) fail(run, `unexpected output line: ${line.slice(0, 120)}`);
        seen.add(file);
        findings++;
      }
      if (seen.size + clean !== batch.length) fail(run, `reported on ${seen.size + clean} of ${batch.length} files`);
      return { files: seen.size + clean, findings };
    },
  };
}

export function alexTool(root: string): Tool {
  return {
    name: 'alex',
    display: 'alex',
    script: findBin('alex', 'alex', root),
    args: [],
    check(run, batch) {
      // alex is `frail`: 1 when it warns, 0 when clean; a fatal file error also exits 1, so read the report (stderr).
      if (run.status !== 0 && run.status !== 1) fail(run, 'alex crashed');
      const names = new Set(batch);
      const seen = new Set<string>();
      let warnings = 0;
      let fatal = 0;
      for (const line of run.stderr.split(/\r?\n/)) {
        if (names.has(line)) seen.add(line);
        else if (line.endsWith(': no issues found') && names.has(line.slice(0, -': no issues found'.length))) seen.add(line.slice(0, -': no issues found'.length));
        const summary = /^(?:\d+ messages \()?[✖×⚠‼] /.test(line);
        if (summary) {
          fatal = Number(/(\d+) errors?/.exec(line)?.[1] ?? 0);
          warnings = Number(/(\d+) warnings?/.exec(line)?.[1] ?? 0);
        }
      }
      if (fatal > 0) fail(run, `alex could not process ${fatal} files`);
      if (seen.size !== batch.length) fail(run, `reported on ${seen.size} of ${batch.length} files`);
      return { files: seen.size, findings: warnings };
    },
  };
}

/** Node start, reading each file and one regular-expression pass over it (bench/floor.cjs): no tool can do less. */
export function floorTool(): Tool {
  return {
    name: 'floor',
    display: 'node bench/floor.cjs (read + one regex pass)',
    script: join(__dirname, 'floor.cjs'),
    args: [],
    check(run, batch) {
      if (run.status !== 0) fail(run, 'the floor script failed');
      const seen = JSON.parse(run.stdout) as { files: number };
      if (seen.files !== batch.length) fail(run, `read ${seen.files} of ${batch.length} files`);
      return { files: seen.files, findings: 0 };
    },
  };
}

/** Environment for the children: no colour, no update check, same for every tool. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NO_UPDATE_NOTIFIER: '1' };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS; // e.g. tsx's loader from the parent must not slow the children
  return env;
}

/** One full pass of a tool over `files` (paths relative to `cwd`), batch after batch, as a user's xargs would. */
export function runOnce(tool: Tool, files: readonly string[], cwd: string): ToolRun {
  if (typeof tool.script !== 'string') throw new Error(tool.script.missing);
  const fixed = process.execPath.length + tool.script.length + tool.args.join(' ').length + 8;
  const probe = mkdtempSync(join(tmpdir(), 'retro-health-bench-cpu-'));
  const cpuFile = join(probe, 'cpu');
  const env = { ...childEnv(), RETRO_HEALTH_BENCH_CPU_FILE: cpuFile };
  let ms = 0;
  let seen = 0;
  let findings = 0;
  try {
    for (const batch of batches(files, fixed)) {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ['--require', CPU_PROBE, tool.script, ...tool.args, ...batch], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30, timeout: BATCH_TIMEOUT_MS });
      ms += Number(process.hrtime.bigint() - start) / 1e6;
      if (child.error) throw new Error(`${tool.name} could not run: ${child.error.message}`);
      const outcome = tool.check({ status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr }, batch);
      seen += outcome.files;
      findings += outcome.findings;
    }
    const cpuMs = readFileSync(cpuFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .reduce((sum, micros) => sum + Number(micros) / 1000, 0);
    return { ms, cpuMs, files: seen, findings };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Runs every tool `rounds` times over the same files, interleaved (A B C, A B C, …) so that a slow
 * moment of the machine falls on all of them alike; a tool that fails once is not measured at all.
 */
export function compare(tools: readonly Tool[], files: readonly string[], cwd: string, rounds: number, onRun?: (tool: Tool, run: ToolRun | Error, round: number) => void): Map<string, Measured> {
  const results = new Map<string, { runs: ToolRun[]; error?: string }>();
  for (const tool of tools) results.set(tool.name, typeof tool.script === 'string' ? { runs: [] } : { runs: [], error: tool.script.missing });
  // Unmeasured warm-up on a few files: the OS file cache holds each tool's modules before the clock starts.
  const warm = files.slice(0, 5);
  for (const tool of tools) {
    const state = results.get(tool.name)!;
    if (state.error) continue;
    try {
      runOnce(tool, warm, cwd);
    } catch (error) {
      state.error = (error as Error).message;
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const tool of tools) {
      const state = results.get(tool.name)!;
      if (state.error) continue;
      try {
        const run = runOnce(tool, files, cwd);
        state.runs.push(run);
        onRun?.(tool, run, round + 1);
      } catch (error) {
        state.error = (error as Error).message;
        onRun?.(tool, error as Error, round + 1);
      }
    }
  }
  const measured = new Map<string, Measured>();
  for (const [name, state] of results) {
    measured.set(
      name,
      state.error
        ? { ok: false, error: state.error, runs: state.runs }
        : { ok: true, runs: state.runs, medianMs: median(state.runs.map((run) => run.ms)), medianCpuMs: median(state.runs.map((run) => run.cpuMs)) },
    );
  }
  return measured;
}
