// `npm run eval`: runs the built CLI on the evaluation set and scores it against labels.json.
// Prints recall (verbatim, paraphrase, right stage), hard negatives flagged, precision,
// document-stage accuracy, and every miss and false flag. `--json` prints the figures as JSON.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The set to score: test/fixtures/eval by default, or a directory given on the command line.
const EVAL_DIR = (process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'test/fixtures/eval').replace(/\/+$/, '');
const labels = JSON.parse(readFileSync(join(EVAL_DIR, 'labels.json'), 'utf8')).documents;
const run = spawnSync(process.execPath, ['dist/cli.js', 'report', '--format', 'json', EVAL_DIR], { encoding: 'utf8', maxBuffer: 64 << 20 });
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr || `CLI exited with ${run.status}`);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const byFile = new Map(report.documents.map((document) => [document.file.slice(EVAL_DIR.length + 1), document]));

const lineOf = (file, line) => readFileSync(join(EVAL_DIR, file), 'utf8').replace(/^\uFEFF/, '').split('\n')[line - 1] ?? '';
/** The label's quote as a range on its line: [line, startColumn, endColumn), 1-based. */
function labelRange(file, label) {
  const column = lineOf(file, label.line).indexOf(label.quote);
  return { line: label.line, start: column + 1, end: column + 1 + label.quote.length };
}
function overlaps(finding, range) {
  const before = finding.endLine < range.line || (finding.endLine === range.line && finding.endColumn <= range.start);
  const after = finding.line > range.line || (finding.line === range.line && finding.column >= range.end);
  return !before && !after;
}

const counts = { verbatim: [0, 0], paraphrase: [0, 0], rightStage: [0, 0], rightSymptom: [0, 0], negatives: [0, 0] };
const misses = [];
const falseFlags = [];
let flagsOnSymptoms = 0;
let flagsOnNegatives = 0;
let flagsOnHealthy = 0;
let unlabelledFlags = 0;
const stageHits = {};

for (const [file, expected] of Object.entries(labels)) {
  const document = byFile.get(file);
  if (!document) {
    console.error(`missing from CLI output: ${file}`);
    process.exit(2);
  }
  const used = new Set();
  for (const label of expected.symptoms) {
    const range = labelRange(file, label);
    const hits = document.findings.filter((finding) => overlaps(finding, range));
    hits.forEach((hit) => used.add(hit));
    const found = hits.length > 0;
    counts[label.kind][1] += 1;
    counts.rightStage[1] += 1;
    counts.rightSymptom[1] += 1;
    if (found) counts[label.kind][0] += 1;
    if (hits.some((hit) => hit.stage === label.stage)) counts.rightStage[0] += 1;
    if (hits.some((hit) => hit.symptom === label.symptom)) counts.rightSymptom[0] += 1;
    if (!found) misses.push(`${file}:${label.line}  [${label.symptom}, ${label.kind}]  ${label.quote}`);
    else if (!hits.some((hit) => hit.stage === label.stage)) misses.push(`${file}:${label.line}  wrong stage ${hits.map((h) => h.symptom).join(',')} ≠ ${label.symptom}`);
  }
  flagsOnSymptoms += used.size;
  for (const negative of expected.negatives) {
    const hits = document.findings.filter((finding) => overlaps(finding, labelRange(file, negative)));
    counts.negatives[1] += 1;
    if (hits.length) {
      counts.negatives[0] += 1;
      flagsOnNegatives += hits.length;
      hits.forEach((hit) => used.add(hit));
      falseFlags.push(`${file}:${negative.line}  [negative: ${negative.family}] ${hits.map((h) => h.symptom).join(',')}  “${hits.map((h) => h.text).join(' / ')}”`);
    }
  }
  for (const finding of document.findings) {
    if (used.has(finding)) continue;
    if (expected.stage === 'healthy' && expected.symptoms.length === 0) flagsOnHealthy += 1;
    else unlabelledFlags += 1;
    falseFlags.push(`${file}:${finding.line}  [${expected.symptoms.length ? 'unlabelled' : 'healthy doc'}] ${finding.symptom} (${finding.confidence})  “${finding.text.replace(/\s+/g, ' ')}”`);
  }
  const stage = (stageHits[expected.stage] ??= [0, 0]);
  stage[1] += 1;
  if (document.stage === expected.stage) stage[0] += 1;
  else misses.push(`${file}  document stage ${document.stage} ≠ expected ${expected.stage}`);
}

const ratio = ([hit, total]) => (total ? hit / total : 1);
const stageTotal = Object.values(stageHits).reduce((sum, [hit, total]) => [sum[0] + hit, sum[1] + total], [0, 0]);
const figures = {
  documents: Object.keys(labels).length,
  verbatimRecall: ratio(counts.verbatim),
  paraphraseRecall: ratio(counts.paraphrase),
  recallRightStage: ratio(counts.rightStage),
  recallRightSymptom: ratio(counts.rightSymptom),
  hardNegativesFlagged: ratio(counts.negatives),
  precision: flagsOnSymptoms / Math.max(1, flagsOnSymptoms + flagsOnNegatives + flagsOnHealthy),
  unlabelledFlags,
  documentStageAccuracy: ratio(stageTotal),
  documentStageByStage: Object.fromEntries(Object.entries(stageHits).map(([stage, pair]) => [stage, ratio(pair)])),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const pct = (value) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const fraction = ([hit, total]) => `(${hit}/${total})`;
  console.log(`Evaluation set: ${figures.documents} documents, ${counts.rightStage[1]} labelled symptoms, ${counts.negatives[1]} hard negatives\n`);
  console.log(`verbatim recall            ${pct(figures.verbatimRecall)} ${fraction(counts.verbatim)}`);
  console.log(`paraphrase recall          ${pct(figures.paraphraseRecall)} ${fraction(counts.paraphrase)}`);
  console.log(`recall with right stage    ${pct(figures.recallRightStage)} ${fraction(counts.rightStage)}`);
  console.log(`recall with right symptom  ${pct(figures.recallRightSymptom)} ${fraction(counts.rightSymptom)}`);
  console.log(`hard negatives flagged     ${pct(figures.hardNegativesFlagged)} ${fraction(counts.negatives)}`);
  console.log(`precision                  ${pct(figures.precision)} (${flagsOnSymptoms} on symptoms, ${flagsOnNegatives} on negatives, ${flagsOnHealthy} on healthy docs)`);
  console.log(`flags on unlabelled lines  ${String(unlabelledFlags).padStart(7)}`);
  console.log(`document stage accuracy    ${pct(figures.documentStageAccuracy)} ${fraction(stageTotal)}`);
  for (const [stage, pair] of Object.entries(stageHits)) console.log(`  ${stage.padEnd(24)} ${pct(ratio(pair))} ${fraction(pair)}`);
  console.log(`\nMisses (${misses.length}):`);
  for (const miss of misses) console.log(`  ${miss}`);
  console.log(`\nFalse flags (${falseFlags.length}):`);
  for (const flag of falseFlags) console.log(`  ${flag}`);
}
