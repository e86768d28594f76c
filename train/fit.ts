// Deterministic fitting: multinomial and binary logistic regression over sparse binary features,
// AdaGrad steps, L2 on the features an example touches, a seeded shuffle. Same data, same bytes.
import { softmaxInPlace } from '../src/core/model/sentenceModel';

export interface SparseRows {
  /** rows[i] = distinct feature ids of example i */
  rows: Int32Array[];
  features: number;
}

export interface FitOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export interface SoftmaxWeights {
  classes: number;
  /** [feature × classes + class] */
  weights: Float64Array;
  bias: Float64Array;
}

export interface LogisticWeights {
  weights: Float64Array;
  bias: number;
}

/** mulberry32: a small seeded generator, so every shuffle is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(count: number, random: () => number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

/** Per-example weights: each class weighs as much in total as `balance` × its share would give. */
export function classWeights(labels: Int32Array, classes: number, power: number): Float64Array {
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  const weights = new Float64Array(labels.length);
  const mean = labels.length / classes;
  labels.forEach((label, i) => (weights[i] = Math.pow(mean / Math.max(1, counts[label] as number), power)));
  return weights;
}

export function fitSoftmax(data: SparseRows, labels: Int32Array, classes: number, exampleWeights: Float64Array, options: FitOptions): SoftmaxWeights {
  const weights = new Float64Array(data.features * classes);
  const squares = new Float64Array(data.features * classes);
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes);
  const logits = new Float64Array(classes);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(data.rows.length, random)) {
      const row = data.rows[i] as Int32Array;
      for (let k = 0; k < classes; k++) logits[k] = bias[k] as number;
      for (const f of row) for (let k = 0; k < classes; k++) logits[k] = (logits[k] as number) + (weights[f * classes + k] as number);
      softmaxInPlace(logits);
      const weight = exampleWeights[i] as number;
      for (let k = 0; k < classes; k++) {
        const gradient = ((logits[k] as number) - (k === labels[i] ? 1 : 0)) * weight;
        biasSquares[k] = (biasSquares[k] as number) + gradient * gradient;
        bias[k] = (bias[k] as number) - (options.rate * gradient) / Math.sqrt((biasSquares[k] as number) + 1e-8);
        for (const f of row) {
          const at = f * classes + k;
          const g = gradient + options.l2 * (weights[at] as number);
          squares[at] = (squares[at] as number) + g * g;
          weights[at] = (weights[at] as number) - (options.rate * g) / Math.sqrt((squares[at] as number) + 1e-8);
        }
      }
    }
  }
  return { classes, weights, bias };
}

export function fitLogistic(data: SparseRows, targets: Uint8Array, exampleWeights: Float64Array, options: FitOptions): LogisticWeights {
  const weights = new Float64Array(data.features);
  const squares = new Float64Array(data.features);
  let bias = 0;
  let biasSquare = 0;
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(data.rows.length, random)) {
      const row = data.rows[i] as Int32Array;
      let z = bias;
      for (const f of row) z += weights[f] as number;
      const gradient = (1 / (1 + Math.exp(-z)) - (targets[i] as number)) * (exampleWeights[i] as number);
      biasSquare += gradient * gradient;
      bias -= (options.rate * gradient) / Math.sqrt(biasSquare + 1e-8);
      for (const f of row) {
        const g = gradient + options.l2 * (weights[f] as number);
        squares[f] = (squares[f] as number) + g * g;
        weights[f] = (weights[f] as number) - (options.rate * g) / Math.sqrt((squares[f] as number) + 1e-8);
      }
    }
  }
  return { weights, bias };
}

/**
 * Isotonic regression (pool adjacent violators) of outcome on score: a non-decreasing step
 * function, returned as the lowest score of each step and the step's rate of right answers.
 */
export function isotonicSteps(points: { score: number; right: boolean }[], minimumStep: number): { scores: number[]; precision: number[] } {
  const sorted = [...points].sort((a, b) => a.score - b.score);
  const blocks: { low: number; sum: number; count: number }[] = [];
  for (const point of sorted) {
    blocks.push({ low: point.score, sum: point.right ? 1 : 0, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as (typeof blocks)[number];
      const previous = blocks[blocks.length - 2] as (typeof blocks)[number];
      // Merge while out of order, or while a step rests on too few flags to mean anything.
      if (previous.sum / previous.count < last.sum / last.count && previous.count >= minimumStep) break;
      previous.sum += last.sum;
      previous.count += last.count;
      blocks.pop();
    }
  }
  return { scores: blocks.map((block) => round(block.low)), precision: blocks.map((block) => round(block.sum / block.count)) };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
