// `npm run bench`: prints speed and size figures next to their targets (never asserted by tests).
//  1. In-process analysis latency on generated retros (cold, 300 and 5,000 lines; one keystroke).
//  2. Whole-process CLI throughput over a generated corpus (bench/.corpus/, see bench/corpus.ts) and
//     over ../shared/corpus/real-retros/, side by side with write-good and alex on the same files.
//  3. Bundle and VSIX sizes.
// Knobs: BENCH_RUNS (whole-process rounds, default 3), BENCH_CORPUS_COUNT (retros, default 3,000).
// See bench/README.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { sentenceModelPath } from '../src/host/sentenceModelFile';
import { loadShippedCore } from './shippedCore';
import { DEFAULT_CORPUS_COUNT, DEFAULT_CORPUS_SEED, ensureCorpus } from './corpus';
import { generateRetro } from './generate';
import { ensureWorkspace, measureWorkspaceReport } from './workspaceReport';
import { alexTool, compare, floorTool, installedVersion, retroHealthTool, writeGoodTool, type Measured, type Tool } from './peers';
import { measureActivation } from './activation';
import { bundleSize, vsixSize, type BundleSize } from './sizes';
import { kb, mb, renderTable, seconds, size } from './table';

const ROOT = resolve(__dirname, '..');
process.chdir(ROOT);
const RUNS = Math.max(1, Math.floor(Number(process.env.BENCH_RUNS ?? 3)) || 3);
const ACTIVATION_RUNS = Math.max(0, Math.floor(Number(process.env.BENCH_ACTIVATION_RUNS ?? 3)));
const CORPUS_COUNT = Math.max(1, Math.floor(Number(process.env.BENCH_CORPUS_COUNT ?? DEFAULT_CORPUS_COUNT)) || DEFAULT_CORPUS_COUNT);
const CORPUS_DIR = 'bench/.corpus/generated';
const REAL_RETROS = '../shared/corpus/real-retros';
const benchStart = process.hrtime.bigint();

// ---------------------------------------------------------------------------------------------
// In-process latency.

interface Latency {
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Analysis latency with the per-paragraph caches (matches, masked blocks) cleared before each document: the cold cost. */
function latency(label: string, makeText: (seed: number) => string, runs: number): Latency {
  const matcher = createMatcher();
  const texts = Array.from({ length: runs + 10 }, (_, seed) => makeText(seed + 1));
  for (const text of texts.slice(0, 10)) analyzeRetro(text, { matcher });
  const times = texts.slice(10).map((text) => {
    matcher.clearCache();
    forgetReadBlocks();
    return timed(() => analyzeRetro(text, { matcher }));
  });
  return report(label, Buffer.byteLength(texts[10] as string), times);
}

/** One keystroke in an open retro: the same document with one paragraph changed. */
function keystroke(label: string, text: string, runs: number): Latency {
  const matcher = createMatcher();
  analyzeRetro(text, { matcher });
  const lines = text.split('\n');
  const times = Array.from({ length: runs }, (_, i) => {
    const edited = [...lines];
    const line = 10 + (i % (lines.length - 20));
    edited[line] = `${edited[line]} typed ${i}`;
    return timed(() => analyzeRetro(edited.join('\n'), { matcher }));
  });
  return report(label, Buffer.byteLength(text), times);
}

function timed(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function report(label: string, bytes: number, times: number[]): Latency {
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 50), p95: percentile(times, 95) };
  console.log(`${label.padEnd(34)} ${(bytes / 1024).toFixed(0).padStart(5)} KB   p50 ${result.p50.toFixed(2).padStart(7)} ms   p95 ${result.p95.toFixed(2).padStart(7)} ms`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Whole process.

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));
}

/** retro-health alone on a directory, one run (the project's own small sets). */
function cliThroughput(label: string, dir: string): void {
  if (!existsSync(dir) || !existsSync(CLI)) return;
  const files = markdownFiles(dir);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, 'report', '--format', 'json', '--all-markdown', dir], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`retro-health exited ${run.signal ?? run.status} on ${dir}: ${run.stderr}`);
  console.log(`${label.padEnd(34)} ${String(files.length).padStart(5)} files ${(bytes / 1024).toFixed(0).padStart(6)} KB   ${ms.toFixed(0).padStart(6)} ms   ${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)} MB/s`);
}

interface Comparison {
  corpus: string;
  files: number;
  bytes: number;
  results: Map<string, Measured>;
}

function compareOn(corpus: string, files: string[], tools: readonly Tool[]): Comparison {
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`\n${corpus}: ${files.length.toLocaleString('en-US')} file${files.length === 1 ? '' : 's'}, ${size(bytes)} — ${RUNS} round${RUNS === 1 ? '' : 's'}, tools interleaved`);
  const results = compare(tools, files, ROOT, RUNS, (tool, run, round) => {
    if (run instanceof Error) return console.log(`  round ${round}  ${tool.name.padEnd(12)} FAILED: ${run.message}`);
    const speed = bytes < 64 * 1024 ? '' : `  ${(bytes / 1024 / 1024 / (run.ms / 1000)).toFixed(2).padStart(6)} MB/s`;
    const text = `${seconds(run.ms).padStart(8)}${speed}  CPU ${seconds(run.cpuMs).padStart(8)}  ${run.files} file${run.files === 1 ? '' : 's'}  ${run.findings.toLocaleString('en-US')} findings`;
    console.log(`  round ${round}  ${tool.name.padEnd(12)} ${text}`);
  });
  for (const [name, measured] of results) if (!measured.ok) console.log(`  ${name.padEnd(12)} not measured: ${measured.error}`);
  return { corpus, files: files.length, bytes, results };
}

const fmtRatio = (ratio: number) => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
/** `ratio` = the peer's time / retro-health's time. */
const faster = (ratio: number) => (ratio >= 1 ? `${fmtRatio(ratio)} faster` : `${fmtRatio(1 / ratio)} slower`);

function ratioOf(comparison: Comparison, peer: string): number | string {
  const own = comparison.results.get('retro-health');
  const other = comparison.results.get(peer);
  if (!own?.ok) return `retro-health not measured${own ? `: ${own.error}` : ''}`;
  if (!other?.ok) return `${peer} not measured${other ? `: ${other.error}` : ''}`;
  return other.medianMs / own.medianMs;
}

function throughputTable(comparisons: readonly Comparison[]): string {
  const rows: string[][] = [];
  for (const comparison of comparisons) {
    const own = comparison.results.get('retro-health');
    for (const [name, measured] of comparison.results) {
      const label = `${comparison.corpus} (${comparison.files.toLocaleString('en-US')} file${comparison.files === 1 ? '' : 's'}, ${size(comparison.bytes)})`;
      if (!measured.ok) {
        rows.push([label, name, '—', 'not measured', '—', '—', '—', 'see the failure above']);
        continue;
      }
      const runs = measured.runs.map((run) => (run.ms / 1000).toFixed(2)).join(' / ');
      const speed = comparison.bytes < 64 * 1024 ? '—' : `${(comparison.bytes / 1024 / 1024 / (measured.medianMs / 1000)).toFixed(2)} MB/s`;
      const findings = (measured.runs[0]?.findings ?? 0).toLocaleString('en-US');
      const relative =
        name === 'retro-health' || !own?.ok ? '—' : `retro-health ${faster(measured.medianMs / own.medianMs)} (CPU: ${faster(measured.medianCpuMs / own.medianCpuMs)})`;
      rows.push([label, name, `${runs} s`, seconds(measured.medianMs), speed, seconds(measured.medianCpuMs), findings, relative]);
    }
  }
  return renderTable(['corpus', 'tool', 'wall time of each run', 'median wall', 'throughput', 'median CPU', 'findings', 'ratio of medians (wall, CPU)'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left']);
}

// ---------------------------------------------------------------------------------------------
// Targets.

type Verdict = 'met' | 'MISSED' | 'not measured';
const targetRows: string[][] = [];

function target(figure: string, measured: string, goal: string, verdict: Verdict | null): void {
  targetRows.push([figure, measured, goal, verdict ?? '']);
}

function ratioTarget(comparison: Comparison | null, corpus: string, corpusNote: string, peer: string, atLeast: number): void {
  const figure = `CLI vs ${peer}, ${corpus}`;
  const goal = `≥ ${atLeast}× faster`;
  if (!comparison) return target(figure, `not measured (${corpusNote} absent)`, goal, 'not measured');
  const ratio = ratioOf(comparison, peer);
  if (typeof ratio === 'string') return target(figure, ratio.length > 70 ? `${ratio.slice(0, 69)}…` : ratio, goal, 'not measured');
  const own = comparison.results.get('retro-health') as Extract<Measured, { ok: true }>;
  const other = comparison.results.get(peer) as Extract<Measured, { ok: true }>;
  const cpu = faster(other.medianCpuMs / own.medianCpuMs);
  target(figure, `${faster(ratio)} (${seconds(own.medianMs)} vs ${seconds(other.medianMs)}; CPU: ${cpu})`, goal, ratio >= atLeast ? 'met' : 'MISSED');
}

/** The CLI's wall time against the floor's (Node start + read + one regex pass) over the same batches. */
function floorTarget(comparison: Comparison | null, corpus: string, corpusNote: string, atMost: number): void {
  const figure = `CLI vs the floor, ${corpus}`;
  const goal = `within ${atMost}× of it`;
  if (!comparison) return target(figure, `not measured (${corpusNote} absent)`, goal, 'not measured');
  const ratio = ratioOf(comparison, 'floor');
  if (typeof ratio === 'string') return target(figure, ratio, goal, 'not measured');
  const own = comparison.results.get('retro-health') as Extract<Measured, { ok: true }>;
  const floor = comparison.results.get('floor') as Extract<Measured, { ok: true }>;
  target(figure, `${(1 / ratio).toFixed(1)}× the floor (${seconds(own.medianMs)} vs ${seconds(floor.medianMs)})`, goal, 1 / ratio <= atMost ? 'met' : 'MISSED');
}

function sizeTarget(shipped: BundleSize, goalKB: number | null): void {
  const figure = `${shipped.label} (${shipped.file})`;
  const goal = goalKB === null ? '—' : `< ${goalKB} KB`;
  if (shipped.bytes === null) return target(figure, shipped.note ?? 'missing', goal, goalKB === null ? null : 'not measured');
  const measured = `${kb(shipped.bytes)}${shipped.gzipBytes !== null ? ` (gzip ${kb(shipped.gzipBytes)})` : ''}`;
  if (goalKB === null || !shipped.judgeable) return target(figure, measured, goal, goalKB === null ? null : 'not measured');
  target(figure, measured, goal, shipped.bytes < goalKB * 1024 ? 'met' : 'MISSED');
}

// ---------------------------------------------------------------------------------------------
// The run.

const cpu = cpus();
const loadAtStart = loadavg()[0] ?? 0;
console.log(`Retro Health bench · node ${process.version} · ${process.platform}/${process.arch} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'} · load average ${loadAtStart.toFixed(2)}\n`);

// Sizes first, right after `npm run build:production`, and the CLI copied aside: a build started
// elsewhere during the long whole-process runs can then change neither.
const sizes = {
  extension: bundleSize(ROOT, 'extension bundle', 'dist/extension.js', 'missing: run npm run build:production'),
  extensionCore: bundleSize(ROOT, 'extension core (on first use)', 'dist/core.js', 'missing: run npm run build:production'),
  webExtension: bundleSize(ROOT, 'web extension bundle', 'dist/web/extension.js', 'missing: run npm run build:production'),
  cli: bundleSize(ROOT, 'CLI bundle', 'dist/cli.js', 'missing: run npm run build:production'),
  webview: bundleSize(ROOT, 'webview bundle', 'dist/webview.js', 'not built (dist/webview.js absent)'),
  vsix: vsixSize(ROOT, 'retro-health.vsix'),
};
console.log('Shipped sizes (KB = 1,024 bytes):');
for (const shipped of Object.values(sizes)) {
  const figure = shipped.bytes === null ? '—' : `${kb(shipped.bytes)}${shipped.gzipBytes !== null ? `, gzip ${kb(shipped.gzipBytes)}` : ''}`;
  console.log(`  ${`${shipped.label} (${shipped.file})`.padEnd(38)} ${figure.padEnd(22)} ${shipped.note ?? ''}`.trimEnd());
}
console.log('');
const snapshot = mkdtempSync(join(tmpdir(), 'retro-health-bench-'));
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));
// The copy keeps the package layout: the CLI reads its model from ../media/ beside dist/.
mkdirSync(join(snapshot, 'dist'));
mkdirSync(join(snapshot, 'media'));
const CLI = join(snapshot, 'dist', 'cli.js');
if (existsSync('dist/cli.js')) copyFileSync('dist/cli.js', CLI);
// …and its compiled catalog beside it (written by the same build: the CLI checks the id).
if (existsSync('dist/catalog-snapshot.txt')) copyFileSync('dist/catalog-snapshot.txt', join(snapshot, 'dist', 'catalog-snapshot.txt'));
copyFileSync(sentenceModelPath(), join(snapshot, 'media', 'sentence-model.bin'));

// The core as shipped (bench/shippedCore.ts), with the shipped sentence model.
const { analyzeRetro, builtInCatalog, createMatcher, forgetReadBlocks, SentenceModel, SymptomMatcher } = loadShippedCore();
const modelBytes = readFileSync(sentenceModelPath());
const modelLoads = Array.from({ length: 7 }, () => timed(() => SentenceModel.fromBytes(modelBytes))).sort((a, b) => a - b);
console.log(`sentence model load (read + decode, ${kb(modelBytes.length)}): median ${(modelLoads[3] as number).toFixed(1)} ms of 7 (target ≤ 15 ms)`);
target('sentence model load (read + decode), median of 7', `${(modelLoads[3] as number).toFixed(1)} ms`, '≤ 15 ms', (modelLoads[3] as number) <= 15 ? 'met' : 'MISSED');
// What the CLI and the extension's core do first (the built-in catalog from dist/catalog-snapshot.txt), then what a team file's catalog costs (compiled).
if (existsSync('dist/catalog-snapshot.txt')) {
  const file = readFileSync('dist/catalog-snapshot.txt', 'utf8');
  // The catalog itself is built before the clock starts: this times the snapshot alone.
  const catalog = builtInCatalog();
  const loadStart = process.hrtime.bigint();
  new SymptomMatcher(catalog, { snapshot: file.slice(file.indexOf('\n') + 1), model: null });
  console.log(`catalog from dist/catalog-snapshot.txt: ${(Number(process.hrtime.bigint() - loadStart) / 1e6).toFixed(1)} ms (decode; the CLI and the extension's core)`);
}
const compileStart = process.hrtime.bigint();
const matcher = createMatcher();
console.log(`catalog compile (no snapshot: a team file's catalog, or a host without the file): ${(Number(process.hrtime.bigint() - compileStart) / 1e6).toFixed(1)} ms, ${matcher.termCount} terms, ${matcher.ruleCount} rules\n`);

console.log('In-process analysis (one compiled catalog):');
const short = latency('300-line retro', (seed) => generateRetro(300, seed), 200);
const long = latency('5,000-line retro', (seed) => generateRetro(5000, seed), 30);
const typing = keystroke('keystroke in a 300-line retro', generateRetro(300, 1), 300);
const article = '../shared/seed/000_3361ce4362ebe7eb.txt';
if (existsSync(article)) latency('the source article', (n) => `${readFileSync(article, 'utf8')}\n\nrun ${n}\n`, 50);

console.log('\nretro-health alone, whole CLI process (node dist/cli.js report --format json <dir>), one run:');
cliThroughput('examples/', 'examples');
cliThroughput('evaluation set', 'test/fixtures/eval');

const corpus = ensureCorpus({ dir: CORPUS_DIR, seed: DEFAULT_CORPUS_SEED, count: CORPUS_COUNT });
const formats = Object.entries(corpus.byFormat)
  .sort((a, b) => b[1] - a[1])
  .map(([name, count]) => `${name} ${count}`)
  .join(', ');
const health = Object.entries(corpus.byHealth)
  .map(([name, count]) => `${name} ${count}`)
  .join(', ');
console.log(
  `\nGenerated corpus ${CORPUS_DIR}/: ${corpus.files.length.toLocaleString('en-US')} retros, ${mb(corpus.bytes)}, seed ${DEFAULT_CORPUS_SEED}, sha256 ${corpus.digest.slice(0, 16)}… ` +
    `(${corpus.regenerated ? `generated in ${seconds(corpus.ms)}` : 'reused: stamp matches'})\n  formats: ${formats}\n  health: ${health}`,
);

const workspaceDir = 'bench/.corpus/workspace-2000';
ensureWorkspace(corpus.files.map((file) => resolve(ROOT, CORPUS_DIR, file)), workspaceDir, 2000);
const workspace = measureWorkspaceReport(CLI, workspaceDir, RUNS);
console.log(
  workspace instanceof Error
    ? `\nWorkspace report: not measured (${workspace.message})`
    : `\nWorkspace report over ${workspace.retros.toLocaleString('en-US')} retros (${workspaceDir}): ${(workspace.wallMs / 1000).toFixed(2)} s wall, median of ${workspace.roundsMs.map((ms) => `${(ms / 1000).toFixed(2)}`).join(' / ')} s; peak RSS ${workspace.peakRssMb.toFixed(0)} MB (whole CLI, report model included)`,
);

const tools = [retroHealthTool(ROOT, CLI), writeGoodTool(ROOT), alexTool(ROOT), floorTool()];
console.log('\nWhole process, same files, same batches (≤ 96,000 characters of arguments each, as xargs would), exit codes and output checked:');
for (const tool of tools) {
  const where = tool.script === CLI ? 'a copy of dist/cli.js taken at the start' : typeof tool.script === 'string' ? relative(ROOT, tool.script) : tool.script.missing;
  const version = tool.name === 'retro-health' ? (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version : installedVersion(tool.script);
  console.log(`  ${tool.name.padEnd(12)} ${version.padEnd(8)} ${tool.display}   (${where})`);
}
if (RUNS < 3) console.log(`\nBENCH_RUNS=${RUNS}: fewer than 3 rounds, so the medians below are single noisy samples.`);

const corpusPaths = corpus.files.map((file) => `${CORPUS_DIR}/${file}`);
const smallest = corpusPaths.reduce((best, file) => (statSync(file).size < statSync(best).size ? file : best));
const startup = compareOn('startup', [smallest], tools);
const generated = compareOn('generated corpus', corpusPaths, tools);
const realFiles = existsSync(REAL_RETROS) ? markdownFiles(REAL_RETROS).map((file) => file.replace(/\\/g, '/')) : [];
const real = realFiles.length > 0 ? compareOn('real retros', realFiles, tools) : null;
if (!real) console.log(`\nreal retros: ${REAL_RETROS}/ is absent, skipped`);

console.log('\nWhole-process throughput (median of the runs; MB = 2^20 bytes; CPU = user + system time of the processes, less sensitive than wall time to other load on the machine):');
console.log(throughputTable(real ? [startup, generated, real] : [startup, generated]));

// Last: the harness rebuilds dist/ for its own runs; every figure above is already taken.
const activation = ACTIVATION_RUNS > 0 ? measureActivation(ROOT, resolve(ROOT, 'retro-health.vsix'), ACTIVATION_RUNS) : new Error('BENCH_ACTIVATION_RUNS=0');
if (activation instanceof Error) console.log(`\nActivation in real VS Code: not measured (${activation.message})`);
else {
  const runs = activation.runs.map((run) => `${run.moduleLoadMs.toFixed(1)} + ${run.activateMs.toFixed(1)} ms${run.coreLoadMs === undefined ? '' : ` (core ${run.coreLoadMs.toFixed(1)} ms on first use)`}`).join(', ');
  console.log(`\nActivation of the packaged VSIX in real VS Code (code-server 4.100.3), module load + activate(), ${activation.runs.length} cold starts: ${runs}`);
}

// The targets of issue 13 ("speed at the floor").
ratioTarget(generated, 'generated corpus', CORPUS_DIR, 'write-good', 15);
ratioTarget(real, 'real retros', REAL_RETROS, 'write-good', 5);
ratioTarget(generated, 'generated corpus', CORPUS_DIR, 'alex', 80);
floorTarget(generated, 'generated corpus', CORPUS_DIR, 3);
floorTarget(real, 'real retros', REAL_RETROS, 3);
target('300-line retro, in-process p95', `${short.p95.toFixed(2)} ms (p50 ${short.p50.toFixed(2)} ms)`, '< 2 ms', short.p95 < 2 ? 'met' : 'MISSED');
target('5,000-line retro, in-process p95', `${long.p95.toFixed(1)} ms (p50 ${long.p50.toFixed(1)} ms)`, '< 30 ms', long.p95 < 30 ? 'met' : 'MISSED');
target('keystroke in a 300-line retro, p95', `${typing.p95.toFixed(2)} ms (p50 ${typing.p50.toFixed(2)} ms)`, '< 1 ms', typing.p95 < 1 ? 'met' : 'MISSED');
if (activation instanceof Error) target('activation in real VS Code (VSIX)', '—', '< 15 ms', 'not measured');
else target('activation in real VS Code (VSIX), median', `${activation.medianMs.toFixed(1)} ms (module load + activate())`, '< 15 ms', activation.medianMs < 15 ? 'met' : 'MISSED');
if (workspace instanceof Error) target('workspace report, 2,000 retros', '—', '< 1 s, < 150 MB', 'not measured');
else target('workspace report, 2,000 retros', `${(workspace.wallMs / 1000).toFixed(2)} s (median of ${workspace.roundsMs.length}), ${workspace.peakRssMb.toFixed(0)} MB peak`, '< 1 s, < 150 MB', workspace.wallMs < 1000 && workspace.peakRssMb < 150 ? 'met' : 'MISSED');
sizeTarget(sizes.extension, 300);
sizeTarget(sizes.extensionCore, null);
sizeTarget(sizes.webExtension, 300);
sizeTarget(sizes.cli, null);
sizeTarget(sizes.webview, null);
// The sentence model's file (at most 1.5 MB, issue 11) ships in the VSIX beside the ~320 KB of code.
sizeTarget(sizes.vsix, 2000);

const missed = targetRows.filter((row) => row[3] === 'MISSED').length;
const met = targetRows.filter((row) => row[3] === 'met').length;
const unmeasured = targetRows.filter((row) => row[3] === 'not measured').length;
console.log(`\nSummary against targets (${met} met, ${missed} missed${unmeasured ? `, ${unmeasured} not measured` : ''}; bench took ${seconds(Number(process.hrtime.bigint() - benchStart) / 1e6)}):`);
console.log(renderTable(['figure', 'measured', 'target', ''], targetRows));
// The bench's own processes add about 1 to the load average while it runs, so only the start tells.
if (loadAtStart > cpu.length / 2) {
  console.log(`\nThe machine was busy with other work when the bench started (1-minute load average ${loadAtStart.toFixed(1)} on ${cpu.length} cores): wall times are inflated and noisy; compare the CPU ratios, or run again on an idle machine.`);
}
