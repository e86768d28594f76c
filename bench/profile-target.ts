// A fixed workload for `node --cpu-prof`: analyse a generated 300-line retro many times.
import { analyzeRetro, createMatcher } from '../src/core';
import { useShippedSentenceModel } from '../src/host/sentenceModelFile';
import { generateRetro } from './generate';

useShippedSentenceModel();
const matcher = createMatcher();
const text = generateRetro(300, 1);
const runs = Number(process.argv[2] ?? 200);
for (let i = 0; i < runs; i++) analyzeRetro(text, { matcher });
