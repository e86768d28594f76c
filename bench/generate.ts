/** Deterministic synthetic retros for benchmarks: varied formats, some symptoms, some code. */
const SENTENCES = [
  'The deploy pipeline was green all sprint and the on-call rotation was quiet.',
  'Flaky end-to-end tests cost us about a day; we quarantined three of them.',
  'Lots of requirements didn’t come out until UAT, which pushed the release.',
  'Pairing on the billing refactor went well and spread the knowledge.',
  'Finance kept changing priorities mid-sprint, twice in one week.',
  'The new dashboard helped support answer tickets faster.',
  'We have given up waiting for IT; marketing will build it themselves.',
  'Code review turnaround improved after we set a daily review slot.',
  'Nobody from the business could spare time for the refinement session.',
  'The database upgrade needed a maintenance window on Saturday.',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateRetro(lines: number, seed: number): string {
  const next = random(seed);
  const out = ['---', `date: 2026-0${1 + (seed % 9)}-1${seed % 10}`, 'team: bench', '---', '# Sprint retro', ''];
  while (out.length < lines) {
    const roll = next();
    const sentence = SENTENCES[Math.floor(next() * SENTENCES.length)] as string;
    if (roll < 0.05) out.push(`## ${['What went well', "What didn't go well", 'Action items'][Math.floor(next() * 3)]}`, '');
    else if (roll < 0.08) out.push('```ts', 'const late = requirements.filter((r) => r.surfacedIn === "UAT");', '```');
    else if (roll < 0.12) out.push(`| ${sentence} | ${SENTENCES[0]} |`);
    else if (roll < 0.6) out.push(`- ${sentence}`);
    else out.push(`${sentence} See \`notes.md\` and [the board](https://example.com/board).`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}
