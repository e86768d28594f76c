// `npm run bench`: prints speed figures (never asserted by tests).
// In-process analysis latency on generated retros, and whole-CLI throughput on real files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRetro, createMatcher } from '../src/core';
import { generateRetro } from './generate';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Analysis latency with the per-paragraph cache cleared before each document: the cold cost. */
function latency(label: string, makeText: (seed: number) => string, runs: number): void {
  const matcher = createMatcher();
  const texts = Array.from({ length: runs + 10 }, (_, seed) => makeText(seed + 1));
  for (const text of texts.slice(0, 10)) analyzeRetro(text, { matcher });
  const times = texts.slice(10).map((text) => {
    matcher.clearCache();
    return timed(() => analyzeRetro(text, { matcher }));
  });
  report(label, Buffer.byteLength(texts[10] as string), times);
}

/** One keystroke in an open retro: the same document with one paragraph changed. */
function keystroke(label: string, text: string, runs: number): void {
  const matcher = createMatcher();
  analyzeRetro(text, { matcher });
  const lines = text.split('\n');
  const times = Array.from({ length: runs }, (_, i) => {
    const edited = [...lines];
    const line = 10 + (i % (lines.length - 20));
    edited[line] = `${edited[line]} typed ${i}`;
    return timed(() => analyzeRetro(edited.join('\n'), { matcher }));
  });
  report(label, Buffer.byteLength(text), times);
}

function timed(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function report(label: string, bytes: number, times: number[]): void {
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} ${(bytes / 1024).toFixed(0).padStart(5)} KB   p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms`);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

function cliThroughput(label: string, dir: string): void {
  if (!existsSync(dir)) return;
  const files = markdownFiles(dir);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['dist/cli.js', 'report', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === null || run.status > 1) throw new Error(run.stderr);
  console.log(`${label.padEnd(34)} ${String(files.length).padStart(5)} files ${(bytes / 1024).toFixed(0).padStart(6)} KB   ${ms.toFixed(0).padStart(6)} ms   ${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)} MB/s`);
}

const compileStart = process.hrtime.bigint();
const matcher = createMatcher();
console.log(`catalog compile: ${(Number(process.hrtime.bigint() - compileStart) / 1e6).toFixed(1)} ms, ${matcher.termCount} terms, ${matcher.ruleCount} rules\n`);

console.log('In-process analysis (one compiled catalog):');
latency('300-line retro', (seed) => generateRetro(300, seed), 200);
latency('5,000-line retro', (seed) => generateRetro(5000, seed), 30);
keystroke('keystroke in a 300-line retro', generateRetro(300, 1), 300);
const seed = '../shared/seed/000_3361ce4362ebe7eb.txt';
if (existsSync(seed)) latency('the source article', (n) => `${readFileSync(seed, 'utf8')}\n\nrun ${n}\n`, 50);

console.log('\nWhole CLI process (node dist/cli.js report --format json):');
cliThroughput('examples/', 'examples');
cliThroughput('evaluation set', 'test/fixtures/eval');
cliThroughput('shared real retros', '../shared/corpus/real-retros');
