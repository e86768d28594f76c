import { SentenceModel } from './sentenceModel';

export { SentenceModel, type SentenceVerdict } from './sentenceModel';
export { decodeModel, encodeModel, ModelFormatError, type ModelHeader } from './format';

/**
 * Where the shipped model's bytes come from: the core reads no files, so each host (CLI, extension,
 * tests, benchmarks) says how once, and the model is decoded on first use.
 */
let modelSource: (() => Uint8Array) | undefined;
let loaded: SentenceModel | undefined;

export function setSentenceModelSource(load: () => Uint8Array): void {
  modelSource = load;
  loaded = undefined;
}

/** The shipped sentence model, or undefined when the host gave no source (rules alone then). */
export function defaultSentenceModel(): SentenceModel | undefined {
  if (!loaded && modelSource) loaded = SentenceModel.fromBytes(modelSource());
  return loaded;
}
