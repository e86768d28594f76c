// `npm run eval [dir]`: runs the built CLI on a labelled set and prints recall (verbatim,
// paraphrase, right stage), hard negatives flagged, precision and document-stage accuracy,
// then every miss and false flag. `--json` prints the figures as JSON; `--rules-only` measures the rules without the model.
import { spawnSync } from 'node:child_process';
import { precision, ratio, scoreReport, stageAccuracy, type ReportDocument } from './score';

const dir = (process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'test/fixtures/eval').replace(/\/+$/, '');
const rulesOnly = process.argv.includes('--rules-only') ? ['--rules-only'] : [];
const run = spawnSync(process.execPath, ['dist/cli.js', 'report', '--format', 'json', '--all-markdown', ...rulesOnly, dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr || `CLI exited with ${run.status}`);
  process.exit(2);
}
const score = scoreReport(dir, (JSON.parse(run.stdout) as { documents: ReportDocument[] }).documents);
const { counts } = score;
const figures = {
  documents: score.documents,
  verbatimRecall: ratio(counts.verbatim),
  paraphraseRecall: ratio(counts.paraphrase),
  recallRightStage: ratio(counts.rightStage),
  recallRightSymptom: ratio(counts.rightSymptom),
  hardNegativesFlagged: ratio(counts.negatives),
  precision: precision(score),
  unlabelledFlags: score.unlabelledFlags,
  documentStageAccuracy: stageAccuracy(score),
  documentStageByStage: Object.fromEntries(Object.entries(score.stageByExpected).map(([stage, pair]) => [stage, ratio(pair)])),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const fraction = ([hit, total]: [number, number]) => `(${hit}/${total})`;
  console.log(`Evaluation set ${dir}: ${score.documents} documents, ${counts.rightStage[1]} labelled symptoms, ${counts.negatives[1]} hard negatives\n`);
  console.log(`verbatim recall            ${pct(figures.verbatimRecall)} ${fraction(counts.verbatim)}`);
  console.log(`paraphrase recall          ${pct(figures.paraphraseRecall)} ${fraction(counts.paraphrase)}`);
  console.log(`recall with right stage    ${pct(figures.recallRightStage)} ${fraction(counts.rightStage)}`);
  console.log(`recall with right symptom  ${pct(figures.recallRightSymptom)} ${fraction(counts.rightSymptom)}`);
  console.log(`hard negatives flagged     ${pct(figures.hardNegativesFlagged)} ${fraction(counts.negatives)}`);
  console.log(`precision                  ${pct(figures.precision)} (${score.flagsOnSymptoms} on symptoms, ${score.flagsOnNegatives} on negatives, ${score.flagsOnHealthy} on healthy docs)`);
  console.log(`flags on unlabelled lines  ${String(score.unlabelledFlags).padStart(7)}`);
  console.log(`document stage accuracy    ${pct(figures.documentStageAccuracy)}`);
  for (const [stage, pair] of Object.entries(score.stageByExpected)) console.log(`  ${stage.padEnd(24)} ${pct(ratio(pair))} ${fraction(pair)}`);
  console.log(`\nMisses (${score.misses.length}):`);
  for (const miss of score.misses) console.log(`  ${miss}`);
  console.log(`\nFalse flags (${score.falseFlags.length}):`);
  for (const flag of score.falseFlags) console.log(`  ${flag}`);
}
