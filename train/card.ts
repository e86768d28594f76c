// Writes docs/model.md, the sentence model's card: what it was trained on (counts per symptom and
// writer), its features, its figures on the held-back writer per symptom, and its calibration.
// Run by `npm run train` after the model is written; every figure comes from the files on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalog } from '../src/core/catalog';
import { SentenceModel } from '../src/core/model';
import { sentenceModelPath, useShippedSentenceModel } from '../src/host/sentenceModelFile';
import { loadCorpus, TEST_WRITER, writers } from './corpus';
import { evaluateWriter, realRetroFlags } from './evaluate';

const CARD = join(__dirname, '..', 'docs', 'model.md');
const PROSE = join(__dirname, 'card-prose.md');

type Pair = [number, number];
const pct = ([hit, total]: Pair) => (total ? `${Math.round((hit / total) * 100)}% (${hit}/${total})` : '—');

export function modelCard(): string {
  useShippedSentenceModel();
  const bytes = readFileSync(sentenceModelPath());
  const model = SentenceModel.fromBytes(bytes);
  const catalog = builtInCatalog();
  const corpus = loadCorpus(model.symptoms);
  const names = writers();
  const count = (filter: (e: (typeof corpus.examples)[number]) => boolean, writer: string) => corpus.examples.filter((e) => e.writer === writer && filter(e)).length;
  const lines: string[] = [readFileSync(PROSE, 'utf8').trimEnd(), ''];
  lines.push('## Data', '');
  lines.push(`${corpus.examples.length} examples after dropping ${corpus.duplicates} near-duplicates. Held-back writer (test split, never trained or tuned on): \`${TEST_WRITER}\`.`, '');
  lines.push(`| symptom | stage | ${names.map((w) => `\`${w.split('-')[0]}\``).join(' | ')} | total |`);
  lines.push(`|---|---|${names.map(() => '---:').join('|')}|---:|`);
  for (const symptom of catalog.symptoms) {
    const counts = names.map((w) => count((e) => e.symptom === symptom.id, w));
    lines.push(`| \`${symptom.id}\` | ${symptom.stage} | ${counts.join(' | ')} | ${counts.reduce((a, b) => a + b, 0)} |`);
  }
  const families = [...new Set(corpus.examples.filter((e) => e.kind === 'negative').map((e) => e.source))].sort();
  for (const family of families) {
    const counts = names.map((w) => count((e) => e.source === family, w));
    lines.push(`| *${family.replace('negatives/', 'negative: ')}* | — | ${counts.join(' | ')} | ${counts.reduce((a, b) => a + b, 0)} |`);
  }
  const retroSentences = names.map((w) => count((e) => e.kind === 'retro', w));
  lines.push(`| *sentences of whole written retros* | — | ${retroSentences.join(' | ')} | ${retroSentences.reduce((a, b) => a + b, 0)} |`);
  const retroFiles = names.map((w) => new Set(corpus.examples.filter((e) => e.writer === w && e.kind === 'retro').map((e) => e.source)).size);
  lines.push(`| *whole written retros (files)* | — | ${retroFiles.join(' | ')} | ${retroFiles.reduce((a, b) => a + b, 0)} |`, '');
  lines.push('Writers: ' + names.map((w) => `\`${w}\``).join(', ') + '. Each file in `corpus/writers/<writer>/` starts with its writer\'s brief.', '');

  const figures = evaluateWriter(corpus.examples.filter((e) => e.writer === TEST_WRITER), 0.6);
  lines.push('## Figures on the held-back writer (rules + model, minimum confidence 0.6)', '');
  lines.push('| figure | value |', '|---|---|');
  lines.push(`| symptom recall (right symptom) | ${pct(figures.recall)} |`);
  lines.push(`| recall with the right stage | ${pct(figures.rightStage)} |`);
  lines.push(`| precision of flags on its lines and retros | ${pct(figures.precision)} |`);
  lines.push(`| same-topic non-symptoms flagged | ${pct(figures.negativesFlagged)} |`);
  for (const [family, pair] of Object.entries(figures.negativesByFamily)) lines.push(`| · ${family} flagged | ${pct(pair)} |`);
  lines.push(`| flags in its ${figures.retroDocuments} whole written retros | ${figures.retroFlags} |`, '');
  lines.push('| symptom | recall |', '|---|---|');
  for (const symptom of catalog.symptoms) lines.push(`| \`${symptom.id}\` | ${pct(figures.perSymptom[symptom.id] ?? [0, 0])} |`);
  lines.push('', '## Calibration', '');
  lines.push('How often model findings were right on the held-back writer, by the confidence the model gave them (steps fitted on five writer-grouped folds of the training writers).', '');
  lines.push('| confidence | model flags | right | rate |', '|---|---:|---:|---:|');
  for (const band of figures.calibration) lines.push(`| ${band.from.toFixed(2)}–${band.to.toFixed(2)} | ${band.flags} | ${band.right} | ${band.flags ? `${Math.round((band.right / band.flags) * 100)}%` : '—'} |`);
  lines.push('', 'The calibration steps the model ships (raw score → rate right on held-out folds):', '');
  lines.push('| raw score from | rate right |', '|---:|---:|');
  model.header.calibration.scores.forEach((score, i) => lines.push(`| ${score.toFixed(3)} | ${(model.header.calibration.precision[i] as number).toFixed(2)} |`));
  const realDir = join(__dirname, '..', '..', 'shared', 'corpus', 'real-retros');
  try {
    const real = realRetroFlags(realDir, 0.6);
    lines.push('', `## False alarms on real public retros`, '', `${real.flags.length} flags in ${real.documents} real public retrospectives (\`../shared/corpus/real-retros/\`, not in this repository), ${((real.flags.length / real.documents) * 10).toFixed(2)} per 10 documents:`, '');
    for (const flag of real.flags) lines.push(`- \`${flag.file}:${flag.line}\` ${flag.symptom} (${flag.via}, ${flag.confidence}): “${flag.text.replace(/\s+/g, ' ')}”`);
  } catch {
    lines.push('', '## False alarms on real public retros', '', '(not measured: `../shared/corpus/real-retros/` is not beside this checkout)');
  }
  lines.push('', `## The file`, '', `\`media/sentence-model.bin\`: ${(bytes.length / 1024).toFixed(0)} KB, ${model.header.features} features × (1 relevance + ${model.symptoms.length + 1} class) int8 weights; trained on ${model.header.trainedOn.examples} examples from ${model.header.trainedOn.writers.length} writers; corpus digest \`${model.header.corpusDigest.slice(0, 16)}…\`.`, '');
  return lines.join('\n');
}

if (require.main === module) {
  writeFileSync(CARD, modelCard());
  console.log(`wrote ${CARD}`);
}
