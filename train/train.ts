// `npm run train`: fits the sentence model on every writer but the held-back one, calibrates it on
// five writer-grouped folds, writes media/sentence-model.bin, and prints the held-back writer's figures.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalog } from '../src/core/catalog';
import { softmaxInPlace, UNANCHORED_FLOOR } from '../src/core/model/sentenceModel';
import { encodeModel, type ModelHeader, type ModelWeights } from '../src/core/model/format';
import { loadCorpus, TEST_WRITER, type Example } from './corpus';
import { classWeights, fitLogistic, fitSoftmax, isotonicSteps, type FitOptions, type LogisticWeights, type SoftmaxWeights, type SparseRows } from './fit';

export const MODEL_FILE = join(__dirname, '..', 'media', 'sentence-model.bin');

const SYMPTOM_FIT: FitOptions = { epochs: 12, rate: 0.1, l2: 1e-3, seed: 11 };
const RELEVANCE_FIT: FitOptions = { epochs: 10, rate: 0.1, l2: 1e-3, seed: 17 };
/** A feature must occur in this many training examples to get a weight. */
const MIN_FEATURE_COUNT = 4;
const RELEVANCE_GATES = [0.5, 0.6, 0.7, 0.8, 0.9];
/** Held-out folds, each a group of whole writers: five fits instead of one per writer keep training under five minutes. */
const FOLDS = 5;
/** Held-out flags must be right this often… */
const REPORT_PRECISION = 0.9;
/** …and the retros of writers who wrote only ordinary team life may get at most this many flags per ten documents. */
const RETRO_FLAGS_PER_10 = 0.02;
/** Class weights: 0 = as the data falls, 1 = every class equal; in between softens the "no symptom" majority. */
const BALANCE = 0.5;
/** A feature whose every quantised weight is at most this (of 127) is dropped: it barely moves a score. */
const PRUNE = 2;
/** The shipped model file may be at most this large (the VSIX carries it)… */
const MAX_MODEL_BYTES = 1.5 * 1024 * 1024;
/** …of which the JSON header (symptom ids, calibration steps) takes at most this. */
const HEADER_ALLOWANCE = 8 * 1024;
/** Fewest flags one calibration step may rest on. */
const CALIBRATION_STEP = 25;

interface Fitted {
  vocabulary: Map<number, number>;
  symptom: SoftmaxWeights;
  relevance: LogisticWeights;
}

export interface FitSettings {
  symptom: FitOptions;
  relevance: FitOptions;
  balance: number;
}

export const FIT_SETTINGS: FitSettings = { symptom: SYMPTOM_FIT, relevance: RELEVANCE_FIT, balance: BALANCE };

export function fit(examples: readonly Example[], symptoms: readonly string[], settings: FitSettings = FIT_SETTINGS): Fitted {
  const counts = new Map<number, number>();
  for (const example of examples) for (const hash of new Set(example.hashes)) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  const vocabulary = new Map<number, number>();
  for (const [hash, count] of counts) if (count >= MIN_FEATURE_COUNT) vocabulary.set(hash, vocabulary.size);
  const data: SparseRows = { rows: examples.map((example) => rowOf(example.hashes, vocabulary)), features: vocabulary.size };
  const classOf = new Map(symptoms.map((id, i) => [id, i + 1]));
  const labels = Int32Array.from(examples, (example) => (example.symptom === null ? 0 : (classOf.get(example.symptom) as number)));
  const relevant = Uint8Array.from(examples, (example) => (example.relevant ? 1 : 0));
  const classes = symptoms.length + 1;
  const symptom = fitSoftmax(data, labels, classes, classWeights(labels, classes, settings.balance), settings.symptom);
  const relevance = fitLogistic(data, relevant, classWeights(Int32Array.from(relevant), 2, settings.balance), settings.relevance);
  return { vocabulary, symptom, relevance };
}

function rowOf(hashes: readonly number[], vocabulary: Map<number, number>): Int32Array {
  const ids = new Set<number>();
  for (const hash of hashes) {
    const id = vocabulary.get(hash);
    if (id !== undefined) ids.add(id);
  }
  return Int32Array.from([...ids].sort((a, b) => a - b));
}

/** Unquantised scores of one example: relevance and the best symptom class. */
export function predict(model: Fitted, hashes: readonly number[]): { relevance: number; best: number; probability: number; none: number } {
  const row = rowOf(hashes, model.vocabulary);
  const { classes, weights, bias } = model.symptom;
  const logits = Float64Array.from(bias);
  let z = model.relevance.bias;
  for (const f of row) {
    z += model.relevance.weights[f] as number;
    for (let k = 0; k < classes; k++) logits[k] = (logits[k] as number) + (weights[f * classes + k] as number);
  }
  softmaxInPlace(logits);
  let best = 1;
  for (let k = 2; k < classes; k++) if ((logits[k] as number) > (logits[best] as number)) best = k;
  return { relevance: 1 / (1 + Math.exp(-z)), best, probability: logits[best] as number, none: logits[0] as number };
}

/** One training example as scored by a model fitted without its writer. */
export interface HeldOutScore {
  example: Example;
  relevance: number;
  /** Probability of the best symptom, and whether it beat "no symptom". */
  probability: number;
  beatsNone: boolean;
  right: boolean;
}

/**
 * Every training writer's examples, scored by a model fitted without that writer: writers are dealt
 * into FOLDS groups (sorted, round robin), and each group is scored by a model fitted on the others.
 */
export function outOfFoldScores(examples: readonly Example[], symptoms: readonly string[], settings: FitSettings = FIT_SETTINGS): HeldOutScore[] {
  const scores: HeldOutScore[] = [];
  const writers = [...new Set(examples.map((example) => example.writer))].sort();
  const foldOf = new Map(writers.map((writer, index) => [writer, index % FOLDS]));
  for (let fold = 0; fold < Math.min(FOLDS, writers.length); fold++) {
    const model = fit(examples.filter((example) => foldOf.get(example.writer) !== fold), symptoms, settings);
    for (const example of examples) {
      if (foldOf.get(example.writer) !== fold) continue;
      const scored = predict(model, example.hashes);
      scores.push({ example, relevance: scored.relevance, probability: scored.probability, beatsNone: scored.probability > scored.none, right: symptoms[scored.best - 1] === example.symptom });
    }
  }
  return scores;
}

export interface Operating {
  relevanceGate: number;
  calibration: ModelHeader['calibration'];
  reportFloor: number;
  /** Held-out figures at this operating point. */
  recall: number;
  precision: number;
  retroFlagsPer10: number;
}

/**
 * The gates, chosen on held-out writers only: among relevance gates and report floors, the one
 * with the best recall whose flags are right at least REPORT_PRECISION of the time and which flags
 * at most RETRO_FLAGS_PER_10 sentences per ten whole retros of ordinary team life (the false
 * alarms that matter most: writers whose retros the fold's model never saw stand in for real teams').
 */
export function chooseOperatingPoint(scores: readonly HeldOutScore[]): Operating {
  const positives = scores.filter((s) => s.example.symptom !== null).length;
  // Writers who wrote only ordinary team life stand in best for other teams' real retros.
  const positiveWriters = new Set(scores.filter((s) => s.example.symptom !== null).map((s) => s.example.writer));
  const isOrdinaryRetro = (s: HeldOutScore) => s.example.kind === 'retro' && !positiveWriters.has(s.example.writer);
  const retroDocuments = new Set(scores.filter(isOrdinaryRetro).map((s) => `${s.example.writer}/${s.example.source}`)).size;
  let best: Operating | undefined;
  for (const gate of RELEVANCE_GATES) {
    const flagged = scores.filter((s) => s.beatsNone && s.relevance >= gate);
    const points = flagged.map((s) => ({ score: s.relevance * s.probability, right: s.right }));
    const calibration = isotonicSteps(points, CALIBRATION_STEP);
    // As at runtime: a sentence that names neither side is reported only when the model is sure.
    const sureFrom = calibration.scores[calibration.precision.findIndex((rate) => rate >= UNANCHORED_FLOOR)] ?? Infinity;
    for (let step = 0; step < calibration.scores.length; step++) {
      const from = calibration.scores[step] as number;
      const reported = flagged.filter((s) => s.relevance * s.probability >= (s.example.anchored ? from : Math.max(from, sureFrom)));
      const right = reported.filter((s) => s.right).length;
      const precision = reported.length ? right / reported.length : 0;
      const retroFlagsPer10 = (reported.filter(isOrdinaryRetro).length / Math.max(1, retroDocuments)) * 10;
      const recall = right / Math.max(1, positives);
      if (precision < REPORT_PRECISION || retroFlagsPer10 > RETRO_FLAGS_PER_10) continue;
      if (!best || recall > best.recall) best = { relevanceGate: gate, calibration, reportFloor: calibration.precision[step] as number, recall, precision, retroFlagsPer10 };
    }
  }
  if (!best) throw new Error('no operating point meets the precision and false-alarm targets on held-out writers');
  return best;
}

function quantise(values: Float64Array, count: number, stride: number, offset: number): { scale: number; q: (i: number) => number } {
  let max = 0;
  for (let i = 0; i < count; i++) max = Math.max(max, Math.abs(values[i * stride + offset] as number));
  const scale = max / 127 || 1;
  return { scale, q: (i: number) => Math.round((values[i * stride + offset] as number) / scale) };
}

export function buildModel(fitted: Fitted, symptoms: readonly string[], operating: Operating, corpusDigest: string, trainedOn: ModelHeader['trainedOn']): ModelWeights {
  const classes = symptoms.length + 1;
  const n = fitted.vocabulary.size;
  const relevanceQ = quantise(fitted.relevance.weights, n, 1, 0);
  const classQ = Array.from({ length: classes }, (_, k) => quantise(fitted.symptom.weights, n, classes, k));
  // Features whose every weight is small are dropped — the least pruning that fits the size budget;
  // the rest are sorted by hash.
  const strongest = [...fitted.vocabulary].map(([hash, i]) => ({ hash, i, weight: Math.max(Math.abs(relevanceQ.q(i)), ...classQ.map((c) => Math.abs(c.q(i)))) }));
  const bytesPerFeature = 5 + classes;
  let prune = PRUNE;
  while (strongest.filter((f) => f.weight > prune).length * bytesPerFeature > MAX_MODEL_BYTES - HEADER_ALLOWANCE) prune += 1;
  const kept = strongest
    .filter((f) => f.weight > prune)
    .map(({ hash, i }) => [hash, i] as const)
    .sort((a, b) => a[0] - b[0]);
  const hashes = Uint32Array.from(kept, ([hash]) => hash);
  const relevance = Int8Array.from(kept, ([, i]) => relevanceQ.q(i));
  const symptom = new Int8Array(kept.length * classes);
  kept.forEach(([, i], row) => {
    for (let k = 0; k < classes; k++) symptom[row * classes + k] = (classQ[k] as (typeof classQ)[number]).q(i);
  });
  const header: ModelHeader = {
    format: 1,
    symptoms: [...symptoms],
    features: kept.length,
    relevanceScale: relevanceQ.scale,
    relevanceBias: fitted.relevance.bias,
    classScales: classQ.map((c) => c.scale),
    classBias: [...fitted.symptom.bias],
    calibration: operating.calibration,
    relevanceGate: operating.relevanceGate,
    reportFloor: operating.reportFloor,
    corpusDigest,
    trainedOn,
  };
  return { header, hashes, relevance, symptom };
}

export function corpusDigest(examples: readonly Example[]): string {
  const hash = createHash('sha256');
  for (const example of examples) hash.update(`${example.writer}\t${example.source}\t${example.symptom ?? ''}\t${example.relevant ? 1 : 0}\t${example.text}\n`);
  return hash.digest('hex');
}

/** The whole training run, from the corpus on disk to the model file's bytes. */
export function trainModel(log: (line: string) => void = () => {}): { bytes: Uint8Array; training: Example[]; test: Example[]; duplicates: number } {
  const symptoms = builtInCatalog().symptoms.map((symptom) => symptom.id);
  const corpus = loadCorpus(symptoms);
  const training = corpus.examples.filter((example) => example.writer !== TEST_WRITER);
  const test = corpus.examples.filter((example) => example.writer === TEST_WRITER);
  log(`corpus: ${corpus.examples.length} examples (${corpus.duplicates} near-duplicates dropped); training ${training.length}, held-back writer ${test.length}`);
  const started = Date.now();
  const operating = chooseOperatingPoint(outOfFoldScores(training, symptoms));
  log(
    `held-out folds (${((Date.now() - started) / 1000).toFixed(1)} s): relevance gate ${operating.relevanceGate}, report floor ${operating.reportFloor}, ` +
      `${operating.calibration.scores.length} calibration steps; recall ${operating.recall.toFixed(3)}, precision ${operating.precision.toFixed(3)}, ${operating.retroFlagsPer10.toFixed(2)} flags per 10 retros`,
  );
  const fitted = fit(training, symptoms);
  const writers = [...new Set(training.map((example) => example.writer))].sort();
  const model = buildModel(fitted, symptoms, operating, corpusDigest(training), { examples: training.length, writers });
  const bytes = encodeModel(model);
  log(`model: ${model.header.features} features, ${(bytes.length / 1024).toFixed(0)} KB`);
  return { bytes, training, test, duplicates: corpus.duplicates };
}

if (require.main === module) {
  const started = Date.now();
  const { bytes } = trainModel((line) => console.log(line));
  writeFileSync(MODEL_FILE, bytes);
  console.log(`wrote ${MODEL_FILE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
