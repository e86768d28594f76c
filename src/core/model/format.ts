/**
 * The model file: a short JSON header, then the feature hashes and int8 weights. Compact (about
 * 30 bytes per feature) and decoded in a few milliseconds, in Node and in a browser alike.
 *
 *   "RHSM" | u32 header length | header JSON (UTF-8) | pad to 4 | u32 hashes[n] | i8 relevance[n] | i8 symptom[n × classes]
 */
export interface ModelHeader {
  format: 1;
  /** Class 0 is "no symptom"; class k > 0 is symptoms[k - 1]. */
  symptoms: string[];
  features: number;
  /** Weight = int8 × scale; one scale for the relevance weights, one per symptom class. */
  relevanceScale: number;
  relevanceBias: number;
  classScales: number[];
  classBias: number[];
  /** Raw score (relevance × symptom probability) -> how often such a flag was right, from held-out folds. */
  calibration: { scores: number[]; precision: number[] };
  /** Minimum relevance probability for the first gate. */
  relevanceGate: number;
  /**
   * Below this calibrated confidence a model finding is only a hint, whatever the user's threshold:
   * the lowest confidence at which held-out writers' flags were right often enough (see train.ts).
   */
  reportFloor: number;
  /** SHA-256 of the training examples, so a test can tell the shipped model matches the corpus. */
  corpusDigest: string;
  trainedOn: { examples: number; writers: string[] };
}

export interface ModelWeights {
  header: ModelHeader;
  hashes: Uint32Array;
  relevance: Int8Array;
  /** [feature × classes + class] */
  symptom: Int8Array;
}

const MAGIC = 0x4d534852; // "RHSM" little-endian

export class ModelFormatError extends Error {}

export function encodeModel(model: ModelWeights): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify(model.header));
  const headerEnd = 8 + header.length;
  const hashesAt = Math.ceil(headerEnd / 4) * 4;
  const n = model.hashes.length;
  const bytes = new Uint8Array(hashesAt + n * 4 + n + model.symptom.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);
  for (let i = 0; i < n; i++) view.setUint32(hashesAt + i * 4, model.hashes[i] as number, true);
  bytes.set(new Uint8Array(model.relevance.buffer, model.relevance.byteOffset, n), hashesAt + n * 4);
  bytes.set(new Uint8Array(model.symptom.buffer, model.symptom.byteOffset, model.symptom.length), hashesAt + n * 5);
  return bytes;
}

export function decodeModel(bytes: Uint8Array): ModelWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new ModelFormatError('not a Retro Health sentence model (bad magic number)');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.byteLength) throw new ModelFormatError('model file is truncated (header)');
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as ModelHeader;
  } catch {
    throw new ModelFormatError('model header is not valid JSON');
  }
  if (header.format !== 1) throw new ModelFormatError(`model format ${String(header.format)} is not supported`);
  const n = header.features;
  const classes = header.symptoms.length + 1;
  const hashesAt = Math.ceil((8 + headerLength) / 4) * 4;
  if (hashesAt + n * 5 + n * classes !== bytes.byteLength) throw new ModelFormatError('model file size does not match its header');
  // One copy into an aligned buffer instead of n DataView reads (the file is little-endian, as every host we run on).
  const hashes = new Uint32Array(new Uint8Array(bytes.subarray(hashesAt, hashesAt + n * 4)).buffer);
  const relevance = new Int8Array(bytes.buffer, bytes.byteOffset + hashesAt + n * 4, n);
  const symptom = new Int8Array(bytes.buffer, bytes.byteOffset + hashesAt + n * 5, n * classes);
  return { header, hashes, relevance, symptom };
}
