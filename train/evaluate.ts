// Figures for the sentence model and for the whole detector (rules + model) on the held-back
// writer's files, which training and tuning never see, and false alarms on real public retros.
// `tsx train/evaluate.ts [--json] [--real <dir>]`
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRetro, createMatcher } from '../src/core/analyze';
import { builtInCatalog } from '../src/core/catalog';
import { SentenceModel } from '../src/core/model';
import { sentenceModelPath, useShippedSentenceModel } from '../src/host/sentenceModelFile';
import { loadCorpus, TEST_WRITER, type Example } from './corpus';

type Pair = [hit: number, total: number];
const pct = ([hit, total]: Pair) => (total ? `${((hit / total) * 100).toFixed(1)}%` : '—').padStart(6) + ` (${hit}/${total})`;
const add = (pair: Pair, hit: boolean) => {
  pair[0] += hit ? 1 : 0;
  pair[1] += 1;
};

export interface WriterFigures {
  recall: Pair;
  rightStage: Pair;
  perSymptom: Record<string, Pair>;
  precision: Pair;
  negativesFlagged: Pair;
  negativesByFamily: Record<string, Pair>;
  retroFlags: number;
  retroDocuments: number;
  calibration: { from: number; to: number; flags: number; right: number }[];
}

const DEFAULT_REAL_RETROS = join(__dirname, '..', '..', 'shared', 'corpus', 'real-retros');

/** The whole detector on the held-back writer: each list line read as a one-line retro, each written retro whole. */
export function evaluateWriter(examples: readonly Example[], minConfidence: number, rulesOnly = false): WriterFigures {
  const catalog = builtInCatalog();
  const stageOf = new Map(catalog.symptoms.map((symptom) => [symptom.id, symptom.stage]));
  const matcher = createMatcher(catalog, rulesOnly ? { model: null } : {});
  const figures: WriterFigures = { recall: [0, 0], rightStage: [0, 0], perSymptom: {}, precision: [0, 0], negativesFlagged: [0, 0], negativesByFamily: {}, retroFlags: 0, retroDocuments: 0, calibration: [] };
  const calibrationPoints: { confidence: number; right: boolean }[] = [];
  for (const example of examples) {
    if (example.kind === 'retro') continue;
    const { findings } = analyzeRetro(example.text, { matcher, minConfidence });
    for (const finding of findings) {
      add(figures.precision, finding.symptom === example.symptom);
      if (finding.via === 'model') calibrationPoints.push({ confidence: finding.confidence, right: finding.symptom === example.symptom });
    }
    if (example.symptom) {
      const hit = findings.some((finding) => finding.symptom === example.symptom);
      add(figures.recall, hit);
      add(figures.rightStage, findings.some((finding) => finding.stage === stageOf.get(example.symptom as string)));
      add((figures.perSymptom[example.symptom] ??= [0, 0]), hit);
    } else {
      add(figures.negativesFlagged, findings.length > 0);
      add((figures.negativesByFamily[example.source.replace('negatives/', '')] ??= [0, 0]), findings.length > 0);
    }
  }
  const retroFiles = new Set(examples.filter((example) => example.kind === 'retro').map((example) => example.source));
  const writer = examples[0]?.writer ?? TEST_WRITER;
  for (const source of retroFiles) {
    const text = readFileSync(join(__dirname, '..', 'corpus', 'writers', writer, source), 'utf8');
    const { findings } = analyzeRetro(text, { matcher, minConfidence });
    figures.retroFlags += findings.length;
    figures.retroDocuments += 1;
    figures.precision[1] += findings.length;
  }
  figures.calibration = calibrationTable(calibrationPoints);
  return figures;
}

function calibrationTable(points: { confidence: number; right: boolean }[]): WriterFigures['calibration'] {
  const edges = [0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1] as number;
    const inside = points.filter((point) => point.confidence >= from && point.confidence < to);
    return { from, to: Math.min(1, to), flags: inside.length, right: inside.filter((point) => point.right).length };
  });
}

/** Every finding on real retros nobody here wrote: each one is a false alarm unless judged otherwise. */
export function realRetroFlags(dir: string, minConfidence: number, rulesOnly = false): { documents: number; flags: { file: string; line: number; symptom: string; via: string; confidence: number; text: string }[] } {
  const matcher = createMatcher(undefined, rulesOnly ? { model: null } : {});
  const files = readdirSync(dir).filter((name) => /\.md$/i.test(name)).sort();
  const flags = [];
  for (const file of files) {
    const { findings } = analyzeRetro(readFileSync(join(dir, file), 'utf8'), { matcher, minConfidence, fileName: file });
    for (const finding of findings) flags.push({ file, line: finding.range.start.line + 1, symptom: finding.symptom, via: finding.via, confidence: finding.confidence, text: finding.text });
  }
  return { documents: files.length, flags };
}

if (require.main === module) {
  useShippedSentenceModel();
  const args = process.argv.slice(2);
  const minConfidence = 0.6;
  const model = SentenceModel.fromBytes(readFileSync(sentenceModelPath()));
  const corpus = loadCorpus(model.symptoms);
  const test = corpus.examples.filter((example) => example.writer === TEST_WRITER);
  const before = evaluateWriter(test, minConfidence, true);
  const figures = evaluateWriter(test, minConfidence);
  const realDir = args.includes('--real') ? (args[args.indexOf('--real') + 1] as string) : DEFAULT_REAL_RETROS;
  const realBefore = existsSync(realDir) ? realRetroFlags(realDir, minConfidence, true) : undefined;
  const real = existsSync(realDir) ? realRetroFlags(realDir, minConfidence) : undefined;
  if (args.includes('--json')) {
    console.log(JSON.stringify({ heldBackWriter: TEST_WRITER, rulesOnly: before, ...figures, real }, null, 2));
  } else {
    const row = (label: string, pick: (f: WriterFigures) => Pair) => console.log(`  ${label.padEnd(34)} ${pct(pick(before)).padStart(18)}   ${pct(pick(figures)).padStart(18)}`);
    console.log(`Held-back writer ${TEST_WRITER} (the honest figure: never trained, calibrated or tuned on), min confidence ${minConfidence}`);
    console.log(`  ${''.padEnd(34)} ${'rules'.padStart(18)}   ${'rules + model'.padStart(18)}`);
    row('symptom recall (right symptom)', (f) => f.recall);
    row('recall with right stage', (f) => f.rightStage);
    row('precision (flags on its lines)', (f) => f.precision);
    row('same-topic negatives flagged', (f) => f.negativesFlagged);
    for (const family of Object.keys(figures.negativesByFamily)) row(`  ${family}`, (f) => f.negativesByFamily[family] ?? [0, 0]);
    console.log(`  flags in its ${figures.retroDocuments} whole written retros  ${String(before.retroFlags).padStart(18)}   ${String(figures.retroFlags).padStart(18)}`);
    console.log('  per symptom:');
    for (const symptom of Object.keys(figures.perSymptom).sort()) row(`  ${symptom}`, (f) => f.perSymptom[symptom] ?? [0, 0]);
    console.log('  calibration of model findings (confidence band: right / flags):');
    for (const band of figures.calibration) console.log(`    ${band.from.toFixed(2)}–${band.to.toFixed(2)}  ${band.right}/${band.flags}`);
    if (real && realBefore) {
      const per10 = (r: typeof real) => ((r.flags.length / r.documents) * 10).toFixed(2);
      console.log(`\nReal public retros (${realDir}), ${real.documents} documents: rules ${realBefore.flags.length} flags (${per10(realBefore)} per 10), rules + model ${real.flags.length} flags (${per10(real)} per 10)`);
      for (const flag of real.flags) console.log(`  ${flag.file}:${flag.line}  ${flag.symptom} (${flag.via} ${flag.confidence})  “${flag.text.replace(/\s+/g, ' ')}”`);
    }
  }
}
