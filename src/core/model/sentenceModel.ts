import type { Token } from '../matcher/tokenize';
import { sentenceFeatures, type SentenceFeatures } from './features';
import { decodeModel, type ModelHeader, type ModelWeights } from './format';

/** What the model says about one sentence it would flag. */
export interface SentenceVerdict {
  symptom: string;
  /** P(the sentence is about the IT–business relationship at all): the first gate. */
  relevance: number;
  /** P(this symptom | the sentence): the second gate. */
  probability: number;
  /** How often flags scored like this were right on held-out writers (calibrated). */
  confidence: number;
  /** Token range [from, to) of the clause that carries the symptom. */
  clauseFrom: number;
  clauseTo: number;
  /** The few token ranges that weighed most, strongest first. */
  evidence: { from: number; to: number }[];
}

const EVIDENCE_COUNT = 3;
/** Shorter sentences ("Fixed.", "IT: yes") carry too little to judge. */
const MIN_TOKENS = 3;
/** A sentence that names neither side (nor sets "we" against "they") is flagged only from this confidence. */
export const UNANCHORED_FLOOR = 0.9;
/** Below this share of known words the model abstains. */
const MIN_KNOWN_WORDS = 0.6;

export class SentenceModel {
  readonly header: ModelHeader;
  readonly symptoms: readonly string[];
  private readonly hashes: Uint32Array;
  /** Open-addressing table: slot -> feature index + 1 (0 = empty); built at load in about a millisecond. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly relevanceWeights: Int8Array;
  /** Int8 weights used as stored; each class's scale is applied once per sentence, not per weight at load. */
  private readonly classWeights: Int8Array;
  private readonly classScales: Float64Array;
  private readonly classes: number;
  /** Scratch for one sentence's class scores: classification allocates nothing per class. */
  private readonly logits: Float64Array;
  /** Scratch: the feature indices of the sentence being scored. */
  private found = new Int32Array(256);

  constructor(weights: ModelWeights) {
    this.header = weights.header;
    this.symptoms = weights.header.symptoms;
    this.classes = this.symptoms.length + 1;
    this.hashes = weights.hashes;
    const n = weights.hashes.length;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.slots = new Int32Array(size);
    this.slotMask = size - 1;
    for (let i = 0; i < n; i++) {
      let slot = (weights.hashes[i] as number) & this.slotMask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.slotMask;
      this.slots[slot] = i + 1;
    }
    this.relevanceWeights = weights.relevance;
    this.classWeights = weights.symptom;
    this.classScales = Float64Array.from(weights.header.classScales);
    this.logits = new Float64Array(this.classes);
  }

  /** The feature index of a hash, or -1 when the model has no weight for it. */
  private indexOf(hash: number): number {
    let slot = hash & this.slotMask;
    for (let entry = this.slots[slot] as number; entry !== 0; entry = this.slots[slot] as number) {
      if (this.hashes[entry - 1] === hash) return entry - 1;
      slot = (slot + 1) & this.slotMask;
    }
    return -1;
  }

  static fromBytes(bytes: Uint8Array): SentenceModel {
    return new SentenceModel(decodeModel(bytes));
  }

  /**
   * The symptom a sentence (tokens[from, to)) shows, when it passes both gates with at least
   * `floor` calibrated confidence; otherwise null.
   */
  classify(tokens: readonly Token[], from: number, to: number, text: string, floor: number): SentenceVerdict | null {
    if (to - from < MIN_TOKENS) return null;
    const features = sentenceFeatures(tokens, from, to, text);
    // Text the model mostly has never seen (another language, code-like lists) is not for it to judge.
    if (this.knownWordShare(features) < MIN_KNOWN_WORDS) return null;
    // Who speaks of whom grounds a finding; without it only a sure verdict counts.
    const judged = this.judge(features.hashes, features.anchored ? floor : Math.max(floor, UNANCHORED_FLOOR));
    if (!judged) return null;
    const contributions = this.contributions(features, judged.class);
    const clause = this.strongestClause(tokens, from, to, features, contributions);
    const { class: _class, ...verdict } = judged;
    return { ...verdict, ...clause, evidence: strongestEvidence(tokens, features, contributions) };
  }

  /** Both gates on a feature list: the best symptom with its probabilities, or null when a gate fails or it is below `floor`. */
  judge(hashes: readonly number[], floor: number): { class: number; symptom: string; relevance: number; probability: number; confidence: number } | null {
    const { relevance, probabilities } = this.scoreInto(hashes);
    if (probabilities === null) return null;
    let best = 1;
    for (let k = 2; k < this.classes; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
    const probability = probabilities[best] as number;
    if (probability <= (probabilities[0] as number)) return null;
    const confidence = this.calibrated(relevance * probability);
    if (confidence < floor) return null;
    return { class: best, symptom: this.symptoms[best - 1] as string, relevance, probability, confidence };
  }

  /** The share of the sentence's words that the model has weights for. */
  private knownWordShare(features: SentenceFeatures): number {
    let known = 0;
    for (let i = 0; i < features.words; i++) if (this.indexOf(features.hashes[i] as number) >= 0) known++;
    return features.words === 0 ? 0 : known / features.words;
  }

  /** Flags scored like `raw` were right this often on held-out writers (isotonic steps). */
  calibrated(raw: number): number {
    const { scores, precision } = this.header.calibration;
    let value = 0;
    for (let i = 0; i < scores.length && (scores[i] as number) <= raw; i++) value = precision[i] as number;
    return value;
  }

  /**
   * The relevance gate's probability, then — only for a sentence that passes it — the class
   * probabilities: most sentences are not about the relationship, and the 27-class sum is the
   * costly part. Each feature is looked up once.
   */
  private scoreInto(hashes: readonly number[]): { relevance: number; probabilities: Float64Array | null } {
    const found = this.found.length >= hashes.length ? this.found : (this.found = new Int32Array(hashes.length * 2));
    let count = 0;
    let sum = 0;
    for (const hash of hashes) {
      const i = this.indexOf(hash);
      if (i < 0) continue;
      found[count++] = i;
      sum += this.relevanceWeights[i] as number;
    }
    const relevance = 1 / (1 + Math.exp(-(sum * this.header.relevanceScale + this.header.relevanceBias)));
    if (relevance < this.header.relevanceGate) return { relevance, probabilities: null };
    const logits = this.logits;
    const classes = this.classes;
    logits.fill(0);
    for (let f = 0; f < count; f++) {
      const base = (found[f] as number) * classes;
      for (let k = 0; k < classes; k++) logits[k] = (logits[k] as number) + (this.classWeights[base + k] as number);
    }
    for (let k = 0; k < classes; k++) logits[k] = (logits[k] as number) * (this.classScales[k] as number) + (this.header.classBias[k] as number);
    softmaxInPlace(logits);
    return { relevance, probabilities: logits };
  }

  /** Each feature's push towards class `best` rather than "no symptom". */
  private contributions(features: SentenceFeatures, best: number): Float64Array {
    const out = new Float64Array(features.hashes.length);
    const bestScale = this.classScales[best] as number;
    const noneScale = this.classScales[0] as number;
    features.hashes.forEach((hash, f) => {
      const i = this.indexOf(hash);
      if (i >= 0) out[f] = (this.classWeights[i * this.classes + best] as number) * bestScale - (this.classWeights[i * this.classes] as number) * noneScale;
    });
    return out;
  }

  /** The clause (split at ; : — and ", but") whose words push hardest towards the symptom. */
  private strongestClause(tokens: readonly Token[], from: number, to: number, features: SentenceFeatures, contributions: Float64Array): { clauseFrom: number; clauseTo: number } {
    let best = { clauseFrom: from, clauseTo: to, weight: -Infinity };
    let start = from;
    for (let i = from; i < to; i++) {
      if (!(tokens[i] as Token).clauseEnd && i + 1 < to) continue;
      let weight = 0;
      for (let f = 0; f < contributions.length; f++) {
        const first = features.firstToken[f] as number;
        if (first >= start && (features.lastToken[f] as number) <= i) weight += contributions[f] as number;
      }
      if (weight > best.weight) best = { clauseFrom: start, clauseTo: i + 1, weight };
      start = i + 1;
    }
    // A clause of one or two words cannot carry a symptom alone: show the sentence.
    if (best.clauseTo - best.clauseFrom < 3) return { clauseFrom: from, clauseTo: to };
    return { clauseFrom: best.clauseFrom, clauseTo: best.clauseTo };
  }
}

/** Words too common to explain anything to a reader ("the", "when", "it's"). */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'when', 'then', 'than', 'so', 'if', 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would', 'can', 'just', 'all', 'there', 'what', 'which', 'who', 'up', 'out', 'about', 'into', 'again', 'also', 'i', 'we', 'you', 'he', 'she', 'me', 'my', 'our', 'your']);

function strongestEvidence(tokens: readonly Token[], features: SentenceFeatures, contributions: Float64Array): { from: number; to: number }[] {
  const meaningful = (f: number) => {
    for (let i = features.firstToken[f] as number; i <= (features.lastToken[f] as number); i++) if (!FUNCTION_WORDS.has((tokens[i] as Token).norm)) return true;
    return false;
  };
  const order = [...contributions.keys()].filter((f) => (features.firstToken[f] as number) >= 0 && (contributions[f] as number) > 0 && meaningful(f));
  order.sort((a, b) => (contributions[b] as number) - (contributions[a] as number) || a - b);
  const picked: { from: number; to: number }[] = [];
  for (const f of order) {
    const range = { from: features.firstToken[f] as number, to: (features.lastToken[f] as number) + 1 };
    if (picked.some((p) => range.from < p.to && p.from < range.to)) continue;
    picked.push(range);
    if (picked.length === EVIDENCE_COUNT) break;
  }
  return picked;
}

/** Turns scores into probabilities in place (shifted by the maximum, so large scores cannot overflow). */
export function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] = Math.exp((values[k] as number) - max);
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) / sum;
}
