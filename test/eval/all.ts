// `npm run eval`: every labelled set, before (rules alone) and after (rules + sentence model), then the
// held-back writer's split of the training corpus (the honest figure) and false alarms on real public retros.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETS = ['test/fixtures/eval', 'test/fixtures/holdout', 'test/fixtures/blind'];
const FIGURES = ['verbatimRecall', 'paraphraseRecall', 'recallRightStage', 'hardNegativesFlagged', 'precision', 'documentStageAccuracy'] as const;
const HEADINGS = ['verbatim', 'paraphrase', 'right stage', 'hard neg.', 'precision', 'doc. stage'];

function figures(dir: string, rulesOnly: boolean): Record<string, number> {
  const args = ['--import', 'tsx', 'test/eval/evaluate.ts', dir, '--json', ...(rulesOnly ? ['--rules-only'] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(run.stderr || `evaluate.ts exited with ${run.status}`);
  return JSON.parse(run.stdout) as Record<string, number>;
}

const pct = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)}%`).padStart(7);
console.log(`${'set'.padEnd(24)} ${'detector'.padEnd(13)} ${HEADINGS.map((heading) => heading.padStart(12)).join(' ')}`);
for (const dir of SETS.filter((set) => existsSync(set))) {
  for (const rulesOnly of [true, false]) {
    const result = figures(dir, rulesOnly);
    console.log(`${dir.replace('test/fixtures/', '').padEnd(24)} ${(rulesOnly ? 'rules' : 'rules + model').padEnd(13)} ${FIGURES.map((name) => pct(result[name]).padStart(12)).join(' ')}`);
  }
}
console.log('\n(these sets were used to tune the rules: regression figures, not unseen text)\n');
const writer = spawnSync(process.execPath, ['--import', 'tsx', 'train/evaluate.ts'], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'inherit', 'inherit'] });
process.exit(writer.status ?? 2);
