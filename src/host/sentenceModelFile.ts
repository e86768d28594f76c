// Node hosts (the CLI, the extension host, tests and benchmarks) read the shipped model file here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setSentenceModelSource } from '../core/model';

const MODEL_NAME = 'sentence-model.bin';

/** media/sentence-model.bin beside the bundle (dist/ → ../media) or beside the sources (src/host → ../../media). */
export function sentenceModelPath(): string {
  const candidates = [join(__dirname, '..', 'media', MODEL_NAME), join(__dirname, '..', '..', 'media', MODEL_NAME)];
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
}

/** Registers the shipped model as the core's default; it is read and decoded on first analysis. */
export function useShippedSentenceModel(): void {
  setSentenceModelSource(() => {
    const path = sentenceModelPath();
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`cannot read the sentence model ${path}: ${(error as Error).message}`);
    }
  });
}
