// npm run bench:digest — one sha256 over every finding the CLI reports on the evaluation sets, the
// examples, the real retros (when present) and the bench corpus (when generated): a speed change
// must leave it unchanged. Prints one digest per set and one over all.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';

const SETS = ['examples', 'test/fixtures/eval', 'test/fixtures/holdout', 'test/fixtures/blind', 'test/fixtures/cli', '../shared/corpus/real-retros', 'bench/.corpus/generated'];
const all = createHash('sha256');
for (const set of SETS) {
  if (!existsSync(set)) {
    console.log(`${set.padEnd(32)} not found`);
    continue;
  }
  const run = spawnSync(process.execPath, ['dist/cli.js', 'report', '--format', 'json', '--all-markdown', set], { encoding: 'utf8', maxBuffer: 512 << 20 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${set}: exit ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { documents: { file: string; stage: string; score: number; findings: { symptom: string; line: number; column: number; endLine: number; endColumn: number; confidence: number; via: string }[] }[] };
  const lines = report.documents.flatMap((document) => [
    `${document.file} ${document.stage} ${document.score}`,
    ...document.findings.map((f) => `${document.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.symptom} ${f.confidence} ${f.via}`),
  ]);
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
  all.update(digest);
  console.log(`${set.padEnd(32)} ${String(report.documents.length).padStart(5)} files ${String(lines.length - report.documents.length).padStart(6)} findings  ${digest.slice(0, 16)}`);
}
console.log(`${'all'.padEnd(32)} ${all.digest('hex').slice(0, 16)}`);
