// A deterministic corpus of generated retros for the whole-process benchmark (bench/run.ts).
// Every file comes from its own seeded generator, so the same seed and version give the same bytes
// on every machine; `ensureCorpus` writes it once and rewrites it only when the stamp no longer fits.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Bump when the output changes; the stamp also records a hash of this file, so an edit regenerates too. */
export const CORPUS_GENERATOR_VERSION = 1;
export const DEFAULT_CORPUS_SEED = 20260301;
export const DEFAULT_CORPUS_COUNT = 3000;
const STAMP_FILE = '.stamp.json';

// ---------------------------------------------------------------------------------------------
// Randomness: sfc32 seeded through splitmix32, one stream per file (adding files keeps the others).

export type Rng = () => number;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function seededRng(seed: number, stream: number): Rng {
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 2 ** 32;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Roughly log-normal sizes: most retros short, a long tail of very long notes. */
function logUniform(rng: Rng, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min))));
}

function weighted<T>(rng: Rng, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const PEOPLE = [
  'Priya', 'Tomasz', 'Mei', 'João', 'Sam', 'Dana', 'Aisha', 'Lars', 'Chen', 'Fatima', 'Olu', 'Kenji', 'Zoë', 'Mateo',
  'Ingrid', 'Ravi', 'Sofía', 'Noah', 'Amara', 'Bjørn', 'Hannah', 'Diego', 'Yuki', 'Grace', 'Marek', 'Leila', 'Omar',
  'Katarzyna', 'Ethan', 'Nadia', 'Luca', 'Sipho', 'Ana', 'Felix', 'Rachel', 'Tariq', 'Elif', 'Jonas', 'Camille', 'Wei',
];
const TEAMS = [
  'payments', 'platform', 'mobile', 'claims', 'search', 'checkout', 'data', 'identity', 'billing', 'onboarding',
  'growth', 'hr-systems', 'logistics', 'pricing', 'crm', 'reporting', 'infra', 'web', 'notifications', 'risk',
  'ledger', 'catalog', 'support-tools', 'warehouse', 'analytics',
];
const COMPONENTS = [
  'billing service', 'checkout flow', 'search indexer', 'data warehouse loads', 'mobile app', 'onboarding wizard',
  'payment gateway adapter', 'reporting API', 'auth service', 'feature-flag service', 'notification pipeline',
  'admin console', 'invoice export', 'pricing engine', 'claims intake form', 'customer portal', 'settlement job',
  'address lookup', 'audit log', 'recommendation widget', 'tax calculation', 'order history page', 'SSO integration',
  'nightly reconciliation', 'document upload', 'rate limiter', 'GraphQL gateway', 'design system', 'CSV importer',
];
const TOOLS = [
  'the CI pipeline', 'Terraform', 'the staging cluster', 'Grafana', 'Sentry', 'PagerDuty', 'Confluence', 'Jira',
  'the deploy bot', 'Renovate', 'the feature-flag dashboard', 'Kubernetes', 'the load-test rig', 'Playwright',
  'the on-call runbook', 'Datadog', 'the schema registry', 'the preview environments',
];
const BUSINESS = [
  'finance', 'marketing', 'the claims team', 'customer support', 'sales ops', 'HR', 'legal', 'the warehouse team',
  'compliance', 'procurement', 'the regional managers', 'accounts payable', 'the call centre', 'product marketing',
];
const CEREMONIES = ['refinement', 'sprint planning', 'the demo', 'standup', 'the architecture review', 'backlog grooming'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const EMOJI = ['🎉', '👍', '🚀', '🙏', '😅', '🔥', '✅', '💡'];

type Filler = (rng: Rng) => string;
const FILL: Record<string, Filler> = {
  person: (rng) => pick(rng, PEOPLE),
  person2: (rng) => pick(rng, PEOPLE),
  component: (rng) => pick(rng, COMPONENTS),
  component2: (rng) => pick(rng, COMPONENTS),
  tool: (rng) => pick(rng, TOOLS),
  business: (rng) => pick(rng, BUSINESS),
  ceremony: (rng) => pick(rng, CEREMONIES),
  weekday: (rng) => pick(rng, WEEKDAYS),
  n: (rng) => String(int(rng, 2, 9)),
  m: (rng) => String(int(rng, 2, 40)),
  hours: (rng) => String(int(rng, 2, 30)),
  percent: (rng) => String(int(rng, 5, 60)),
  ticket: (rng) => `${pick(rng, ['PAY', 'PLAT', 'MOB', 'CLM', 'OPS', 'WEB'])}-${int(rng, 100, 4999)}`,
  version: (rng) => `${int(rng, 1, 9)}.${int(rng, 0, 24)}.${int(rng, 0, 12)}`,
};

function fill(rng: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (FILL[key] ?? (() => key))(rng));
}

/** Ordinary retro talk: wins, engineering trouble, process tweaks; nothing about the IT–business relationship. */
const HEALTHY = [
  '{person} paired with {person2} on the {component} and we finished {n} days early.',
  'The {component} migration went out behind a feature flag with no customer impact.',
  'Flaky end-to-end tests in the {component} cost us about {hours} hours; we quarantined {n} of them.',
  'Standups got shorter once we stopped giving status updates and only talked about blockers.',
  '{business} joined the demo and gave useful feedback on the {component}.',
  'We underestimated the {component} work by roughly {percent}%, mostly because of the test data setup.',
  'On-call was quiet: {n} pages, all from the same noisy disk alert, which {person} has now tuned.',
  'Code review turnaround dropped to under {n} hours after we added a daily review slot.',
  'The staging environment was down for half a day on {weekday} after a certificate expired.',
  'We carried over {n} stories again; the sprint was overcommitted from the start.',
  '{person} wrote a runbook for the {component} and it already saved us during an incident.',
  'Upgrading {tool} took longer than planned because of a breaking change in version {version}.',
  'The new dashboard in {tool} made the latency regression obvious within minutes.',
  'Knowledge sharing worked well: {person} ran a lunch session on the {component}.',
  'Our WIP limit of {n} felt right; fewer things were half done at the end of the sprint.',
  'We should split stories smaller; the {component} story sat in review for {n} days.',
  'Release {version} went out on {weekday} without a rollback for the first time in months.',
  'Dependency updates piled up again; Renovate opened {m} pull requests in one week.',
  '{person} found the root cause of the memory leak in the {component}: an unbounded cache.',
  'Thanks to {person} for covering support while half the team was at the conference.',
  'The load test showed the {component} handles {m}x the current peak without trouble.',
  '{ticket} was blocked for {n} days waiting on a security review, which is normal for that kind of change.',
  'Pairing with {business} on the acceptance tests for the {component} went really well.',
  'Refinement was focused and we left with clear acceptance criteria for every story.',
  'Test coverage on the {component} is up to {percent}% and the suite runs in under {n} minutes.',
  '{business} sent us a thank-you note after the {component} release.',
  'We agreed to timebox spikes to two days and write down what we learned.',
  'The product owner kept the sprint goal stable even when a hotfix came in.',
  'Onboarding {person} went smoothly thanks to the updated setup guide.',
  'Build times in the CI pipeline went down by {percent}% after caching the node modules.',
  'We still have {m} open bugs on the {component}; most of them are cosmetic.',
  'Mob programming on the {component} refactor was tiring but everyone understands the code now.',
  'The retro format felt stale, so next time {person} will try a sailboat retro.',
  'The {component} alert fired {m} times but only one of them needed action.',
  'We removed {m} unused feature flags and deleted dead code in the {component}.',
  'Good collaboration with {business} on the rollout plan; the training sessions were well attended.',
  'Documentation for the {component} is out of date; {person} volunteered to fix the worst pages.',
  'Sprint velocity was stable at around {m} points.',
  'The user interviews that {person} organised with {business} changed how we designed the {component}.',
  'The {ceremony} ran over by {n} minutes twice; we will keep a visible timer.',
  'Too many meetings on {weekday}; we will try a no-meeting afternoon.',
  'Merging to main daily kept conflicts small even with {n} people in the same module.',
  'Our database migration for the {component} needed a maintenance window on Saturday.',
  'Customer support tickets about the {component} dropped by {percent}% after the fix.',
  'We kept the {component} backward compatible, so the mobile release was not blocked.',
  'Everyone liked the async written updates on {weekday} instead of a status meeting.',
  'The incident review for {ticket} was blameless and produced {n} concrete follow-ups.',
  '{person} and {person2} finally automated the certificate renewal.',
  'We had a good discussion with {business} about what "done" means for the {component}.',
];

/** Symptom sentences by stage, in the voices that say them. */
const SYMPTOMS: Record<'early' | 'middle' | 'advanced' | 'end', readonly string[]> = {
  early: [
    'IT just doesn’t get how {business} actually works day to day.',
    'Half the acceptance criteria for the {component} only surfaced during UAT.',
    'Lots of requirements didn’t come out until user acceptance testing, which pushed the release.',
    '{business} changed their minds about the {component} three times this sprint.',
    'Nobody from {business} could spare time for {ceremony}, so we guessed at the requirements.',
    'Everything from {business} is urgent, but nobody has time to say what they actually need.',
    '{business} keeps saying IT is too slow to respond to their requests.',
    'The requirements for the {component} keep changing after we start building.',
  ],
  middle: [
    'We added yet another approval step before {business} requests reach the backlog.',
    '{business} calls our change process pure red tape.',
    'The business analysts just pass messages back and forth and add nothing.',
    'Honestly, the people in {business} don’t know what they’re doing.',
    'We told {business} to document their whole process before we touch the {component}.',
    '{business} keeps trying to manage our sprint for us.',
    'The {component} launch was a visible miss and {business} hasn’t let it go.',
  ],
  advanced: [
    '{business} has hired its own developers to build a replacement for the {component}.',
    'There are four people between the clerks and the developers now; it is a telephone game.',
    'Our head of engineering said we are done supporting systems we didn’t build.',
    '{business} says their own contractors are much better than our developers.',
    'In the steering meeting someone said the IT budget would be better spent on their own team.',
    '{business} quietly built their own tool on a spreadsheet and a pile of scripts.',
  ],
  end: [
    'We have started refusing new work from {business} until the backlog is under control.',
    '{business} signed with an outside agency to rebuild the {component}.',
    'I let their calls go to voicemail now.',
    'The board is openly talking about outsourcing all of IT.',
    'People are asking for a new CIO.',
  ],
};

type Health = 'healthy' | 'strained' | 'sick' | 'critical';
const SYMPTOM_RATE: Record<Health, number> = { healthy: 0, strained: 0.04, sick: 0.08, critical: 0.12 };
const STAGES_BY_HEALTH: Record<Health, ReadonlyArray<keyof typeof SYMPTOMS>> = {
  healthy: [],
  strained: ['early'],
  sick: ['early', 'early', 'middle'],
  critical: ['early', 'middle', 'advanced', 'advanced', 'end'],
};

class Writer {
  readonly lines: string[] = [];
  constructor(
    readonly rng: Rng,
    readonly health: Health,
  ) {}
  sentence(): string {
    const rate = SYMPTOM_RATE[this.health];
    if (rate > 0 && this.rng() < rate) return cap(fill(this.rng, pick(this.rng, SYMPTOMS[pick(this.rng, STAGES_BY_HEALTH[this.health])])));
    let text = cap(fill(this.rng, pick(this.rng, HEALTHY)));
    const roll = this.rng();
    if (roll < 0.05) text += ` ${pick(this.rng, EMOJI)}`;
    else if (roll < 0.09) {
      const ticket = fill(this.rng, '{ticket}');
      text += ` See [${ticket}](https://tracker.example.com/browse/${ticket}).`;
    }
    else if (roll < 0.12) text = text.replace(/the ([a-z-]+ (?:service|job|flow|API|console))/, 'the `$1`');
    else if (roll < 0.14) text = `**${text}**`;
    return text;
  }
  paragraph(min: number, max: number): string {
    return Array.from({ length: int(this.rng, min, max) }, () => this.sentence()).join(' ');
  }
  push(...lines: string[]): void {
    this.lines.push(...lines);
  }
  bullets(count: number, marker = '-'): void {
    for (let i = 0; i < count; i++) {
      this.push(`${marker} ${this.rng() < 0.1 ? this.paragraph(2, 3) : this.sentence()}`);
      if (this.rng() < 0.08) this.push(`  - ${this.sentence()}`);
    }
  }
  actions(count: number): void {
    for (let i = 0; i < count; i++) {
      const done = this.rng() < 0.3 ? 'x' : ' ';
      this.push(fill(this.rng, `- [${done}] ${pick(this.rng, ACTIONS)} ({person})`) + (this.rng() < 0.3 ? ` — due ${pick(this.rng, WEEKDAYS)}` : ''));
    }
  }
}

const ACTIONS = [
  'Write a runbook for the {component}',
  'Book a session with {business} to walk through the {component} rollout',
  'Quarantine the flaky tests and open tickets for each',
  'Add an alert for slow responses from the {component}',
  'Time-box {ceremony} to 45 minutes',
  'Split {ticket} into smaller stories',
  'Upgrade {tool} to {version}',
  'Invite someone from {business} to the next demo',
  'Clean up the stale feature flags in the {component}',
  'Document the release checklist in Confluence',
  'Pair on the {component} refactor next sprint',
  'Review the on-call rota before the holidays',
];

const CODE_BLOCKS: ReadonlyArray<(rng: Rng) => string[]> = [
  (rng) => ['```yaml', 'retries:', `  max: ${int(rng, 2, 9)}`, `  backoff: ${int(rng, 100, 900)}ms`, 'timeouts:', `  read: ${int(rng, 1, 30)}s`, '```'],
  (rng) => [
    '```text',
    `${fill(rng, '2026-03-1{n}')}T0${int(rng, 0, 9)}:${int(rng, 10, 59)}:12Z ERROR ${fill(rng, '{component}')}: connection reset by peer`,
    `    at Socket.onEnd (node:net:${int(rng, 100, 999)}:14)`,
    '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
    `${fill(rng, '2026-03-1{n}')}T0${int(rng, 0, 9)}:${int(rng, 10, 59)}:13Z WARN  retrying (attempt ${int(rng, 1, 5)})`,
    '```',
  ],
  (rng) => ['```sql', 'SELECT team, count(*) AS late_requirements', 'FROM stories', `WHERE surfaced_in = 'UAT' AND sprint >= ${int(rng, 10, 60)}`, 'GROUP BY team;', '```'],
  (rng) => ['```ts', `const late = requirements.filter((r) => r.surfacedIn === 'UAT' && r.points > ${int(rng, 1, 8)});`, 'export const budget = late.length * DAYS_PER_POINT;', '```'],
  (rng) => ['```sh', `kubectl -n ${pick(rng, TEAMS)} rollout restart deployment/${pick(rng, TEAMS)}-api`, `npm run migrate -- --to ${fill(rng, '{version}')}`, '```'],
];

function frontMatter(w: Writer, date: string, team: string): void {
  const fields = ['---', `date: ${date}`, `team: ${team}`];
  if (w.rng() < 0.5) fields.push(`sprint: ${int(w.rng, 1, 90)}`);
  if (w.rng() < 0.3) fields.push('retro: true');
  if (w.rng() < 0.3) fields.push(`facilitator: ${pick(w.rng, PEOPLE)}`);
  if (w.rng() < 0.2) fields.push(`tags: [retro, ${team}, ${pick(w.rng, ['q1', 'q2', 'q3', 'q4'])}]`);
  w.push(...fields, '---', '');
}

function heading(w: Writer, title: string): void {
  w.push(`## ${title}`, '');
}

// ---------------------------------------------------------------------------------------------
// Formats. Each appends to the writer until it holds about `lines` lines.

type Format = (w: Writer, lines: number, meta: { team: string; date: string; sprint: number }) => void;

const bulletRetro: Format = (w, lines, meta) => {
  w.push(`# ${cap(meta.team)} sprint ${meta.sprint} retro`, '');
  const sections = ['What went well', 'What didn’t go well', 'What to try', 'Shout-outs'];
  let i = 0;
  while (w.lines.length < lines - 6) {
    heading(w, sections[i++ % sections.length] as string);
    w.bullets(int(w.rng, 2, 7));
    w.push('');
  }
  heading(w, 'Action items');
  w.actions(int(w.rng, 1, 5));
};

const startStopContinue: Format = (w, lines, meta) => {
  w.push(`# Retro ${meta.date}`, '', `Facilitator: ${pick(w.rng, PEOPLE)}. Format: start / stop / continue.`, '');
  const sections = ['Start', 'Stop', 'Continue'];
  let i = 0;
  while (w.lines.length < lines - 4) {
    w.push(`### ${sections[i++ % 3]}`, '');
    w.bullets(int(w.rng, 2, 6), w.rng() < 0.3 ? '*' : '-');
    w.push('');
  }
  w.push('### Actions', '');
  w.actions(int(w.rng, 1, 4));
};

const moodRetro: Format = (w, lines, meta) => {
  const fourLs = w.rng() < 0.5;
  w.push(`# ${cap(meta.team)} — ${fourLs ? '4Ls' : 'Mad, sad, glad'} (sprint ${meta.sprint})`, '');
  const sections = fourLs ? ['Liked', 'Learned', 'Lacked', 'Longed for'] : ['😡 Mad', '😢 Sad', '😀 Glad'];
  let i = 0;
  while (w.lines.length < lines - 5) {
    heading(w, sections[i++ % sections.length] as string);
    w.bullets(int(w.rng, 2, 6));
    if (w.rng() < 0.2) w.push('', `> “${w.sentence()}” — ${pick(w.rng, PEOPLE)}`);
    w.push('');
  }
  heading(w, 'Next steps');
  w.actions(int(w.rng, 1, 5));
};

const tableRetro: Format = (w, lines, meta) => {
  w.push(`# Sprint ${meta.sprint} retrospective`, '', `Team **${meta.team}**, ${meta.date}. Votes are dot votes.`, '');
  w.push('| Category | Item | Votes | Owner |', '|:---|:---|---:|:---|');
  const categories = ['Went well', 'To improve', 'Puzzle', 'Kudos'];
  while (w.lines.length < lines - 5) {
    w.push(`| ${pick(w.rng, categories)} | ${w.sentence().replace(/\|/g, '\\|')} | ${int(w.rng, 0, 9)} | ${pick(w.rng, PEOPLE)} |`);
  }
  w.push('', '## Actions', '');
  w.actions(int(w.rng, 1, 3));
};

const meetingNotes: Format = (w, lines, meta) => {
  const people = Array.from({ length: int(w.rng, 4, 10) }, () => pick(w.rng, PEOPLE));
  w.push(`# ${cap(meta.team)} retrospective — meeting notes`, '', `**Date:** ${meta.date}  `, `**Attendees:** ${[...new Set(people)].join(', ')}  `, `**Notes:** ${pick(w.rng, PEOPLE)}`, '');
  w.push('## Agenda', '', '1. Check-in', '2. Review of last actions', '3. Discussion', '4. Actions', '');
  w.push('## Review of last actions', '');
  w.actions(int(w.rng, 2, 6));
  w.push('', '## Discussion', '');
  let topic = 1;
  do {
    w.push(`### ${topic++}. ${cap(fill(w.rng, pick(w.rng, ['the {component}', '{tool}', 'working with {business}', '{ceremony}', 'on-call', 'release {version}'])))}`, '');
    const paragraphs = int(w.rng, 1, 3);
    for (let p = 0; p < paragraphs; p++) w.push(w.paragraph(2, 5), '');
    const roll = w.rng();
    if (roll < 0.25) w.push(...pick(w.rng, CODE_BLOCKS)(w.rng), '');
    else if (roll < 0.45) {
      w.bullets(int(w.rng, 2, 5));
      w.push('');
    } else if (roll < 0.55) w.push(`> ${w.sentence()}`, '');
    else if (roll < 0.6) w.push(`![${pick(w.rng, ['burndown', 'cycle time', 'board'])}](./img/${meta.date}-${topic}.png)`, '');
    else if (roll < 0.63) w.push('<!-- retro-health-disable-next-line users-keep-changing-minds -->', `- ${w.sentence()}`, '');
  } while (w.lines.length < lines - 10);
  w.push('## Decisions', '');
  w.bullets(int(w.rng, 1, 3));
  w.push('', '## Action items', '');
  w.actions(int(w.rng, 2, 8));
};

const incidentRetro: Format = (w, lines, meta) => {
  const ticket = fill(w.rng, '{ticket}');
  w.push(`# Incident ${ticket} and sprint retro`, '', `Severity ${int(w.rng, 1, 3)} · ${meta.date} · ${meta.team}`, '');
  w.push('## Timeline', '');
  const times = Array.from({ length: int(w.rng, 4, 12) }, () => int(w.rng, 0, 24 * 60 - 1)).sort((a, b) => a - b);
  for (const time of times) w.push(`- **${String(Math.floor(time / 60)).padStart(2, '0')}:${String(time % 60).padStart(2, '0')}** ${w.sentence()}`);
  w.push('', '## What happened', '', w.paragraph(3, 6), '');
  while (w.lines.length < lines - 8) {
    if (w.rng() < 0.4) w.push(...pick(w.rng, CODE_BLOCKS)(w.rng), '');
    w.push(w.paragraph(2, 6), '');
    if (w.rng() < 0.3) {
      w.bullets(int(w.rng, 2, 5));
      w.push('');
    }
  }
  w.push('## Follow-ups', '');
  w.actions(int(w.rng, 2, 6));
};

const stub: Format = (w, _lines, meta) => {
  w.push(`# Retro ${meta.date}`, '');
  w.bullets(int(w.rng, 1, 4));
};

const quarterly: Format = (w, lines, meta) => {
  w.push(`# Quarterly program retrospective: ${meta.team} and friends`, '', w.paragraph(3, 5), '', '[[_TOC_]]', '');
  let section = 1;
  while (w.lines.length < lines - 10) {
    w.push(`## ${section++}. ${cap(fill(w.rng, pick(w.rng, ['{business} and the {component}', 'delivery', 'quality', 'people', '{tool} and tooling', 'the roadmap'])))}`, '');
    for (let p = 0; p < int(w.rng, 1, 4); p++) w.push(w.paragraph(2, 6), '');
    if (w.rng() < 0.5) {
      w.push('| Team | Delivered | Carried over | Notes |', '|---|---:|---:|---|');
      for (let r = 0; r < int(w.rng, 3, 8); r++) w.push(`| ${pick(w.rng, TEAMS)} | ${int(w.rng, 5, 40)} | ${int(w.rng, 0, 9)} | ${w.sentence()} |`);
      w.push('');
    }
    if (w.rng() < 0.3) w.push(...pick(w.rng, CODE_BLOCKS)(w.rng), '');
    w.bullets(int(w.rng, 3, 8), '1.');
    w.push('');
  }
  w.push('## Actions for next quarter', '');
  w.actions(int(w.rng, 4, 12));
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Which format, and how many lines: [format, min lines, max lines, weight]. */
const FORMATS: ReadonlyArray<readonly [string, Format, number, number, number]> = [
  ['bullets', bulletRetro, 8, 22, 34],
  ['start-stop-continue', startStopContinue, 8, 28, 12],
  ['mood', moodRetro, 10, 28, 12],
  ['table', tableRetro, 6, 30, 9],
  ['meeting-notes', meetingNotes, 30, 70, 6],
  ['incident', incidentRetro, 20, 50, 6],
  ['stub', stub, 3, 6, 18],
  ['quarterly', quarterly, 80, 200, 0.5],
];

export interface GeneratedRetro {
  path: string;
  text: string;
  format: string;
  health: Health;
}

/** One retro, fully determined by (seed, index). */
export function generateCorpusRetro(seed: number, index: number): GeneratedRetro {
  const rng = seededRng(seed, index);
  const [format, write, min, max] = weighted(rng, FORMATS.map((entry) => [entry, entry[4]] as const));
  const health = weighted<Health>(rng, [['healthy', 64], ['strained', 24], ['sick', 9], ['critical', 3]]);
  const team = pick(rng, TEAMS);
  const sprint = int(rng, 1, 90);
  const date = `${2023 + int(rng, 0, 3)}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
  const w = new Writer(rng, health);
  if (rng() < 0.55) frontMatter(w, date, team);
  write(w, logUniform(rng, min, max), { team, date, sprint });
  if (rng() < 0.1) w.push('', `<!-- ${pick(rng, ['exported from Confluence', 'next retro: bring snacks', 'template v3'])} -->`);

  let text = w.lines.join('\n');
  // Trailing spaces here and there (a markdown hard break), never on a front-matter or code fence.
  if (rng() < 0.1) text = text.replace(/^(.+)$/gm, (line) => (/^(---|```)/.test(line) || rng() < 0.5 ? line : `${line}  `));
  text += rng() < 0.92 ? '\n' : ''; // some files have no final newline
  if (rng() < 0.15) text = text.replace(/\n/g, '\r\n'); // written on Windows
  if (rng() < 0.02) text = `\uFEFF${text}`;

  const name = pick(rng, [
    `${date}-sprint-${sprint}.md`,
    `${date}-retro.md`,
    `sprint-${sprint}-retro.md`,
    `retro-${date}.md`,
    `${date}-${team}-retrospective.md`,
    `${date}_${format}.md`,
  ]);
  // The index keeps names unique whatever the dice say.
  return { path: `${team}/${String(index).padStart(5, '0')}-${name}`, text, format, health };
}

// ---------------------------------------------------------------------------------------------
// On disk, with a stamp.

export interface CorpusOptions {
  dir: string;
  seed?: number;
  count?: number;
}

export interface Corpus {
  dir: string;
  /** Paths relative to `dir`, forward slashes, in generation order. */
  files: string[];
  bytes: number;
  /** sha256 over every file's path and bytes: equal digests mean equal corpora. */
  digest: string;
  regenerated: boolean;
  ms: number;
  byFormat: Record<string, number>;
  byHealth: Record<string, number>;
}

interface Stamp {
  version: number;
  generator: string;
  seed: number;
  count: number;
  files: string[];
  bytes: number;
  digest: string;
  byFormat: Record<string, number>;
  byHealth: Record<string, number>;
}

function generatorHash(): string {
  // The source text itself, so an edit without a version bump still regenerates.
  const source = readFileSync(__filename, 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

function readStamp(file: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function stampFits(stamp: Stamp | null, dir: string, seed: number, count: number, generator: string): stamp is Stamp {
  if (!stamp || stamp.version !== CORPUS_GENERATOR_VERSION || stamp.generator !== generator || stamp.seed !== seed || stamp.count !== count) return false;
  if (!Array.isArray(stamp.files) || stamp.files.length !== count) return false;
  // Cheap sanity check that nobody deleted or truncated files since: total size.
  let bytes = 0;
  for (const file of stamp.files) {
    try {
      bytes += statSync(join(dir, file)).size;
    } catch {
      return false;
    }
  }
  return bytes === stamp.bytes;
}

/** Writes the corpus into `dir` unless a fitting stamp says it is already there. */
export function ensureCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed ?? DEFAULT_CORPUS_SEED;
  const count = options.count ?? DEFAULT_CORPUS_COUNT;
  const start = process.hrtime.bigint();
  const stampFile = join(options.dir, STAMP_FILE);
  const generator = generatorHash();
  const stamp = readStamp(stampFile);
  if (stampFits(stamp, options.dir, seed, count, generator)) {
    return { dir: options.dir, files: stamp.files, bytes: stamp.bytes, digest: stamp.digest, regenerated: false, ms: elapsed(start), byFormat: stamp.byFormat, byHealth: stamp.byHealth };
  }
  rmSync(options.dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  const files: string[] = [];
  const byFormat: Record<string, number> = {};
  const byHealth: Record<string, number> = {};
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const retro = generateCorpusRetro(seed, index);
    const data = Buffer.from(retro.text, 'utf8');
    const target = join(options.dir, retro.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    hash.update(`${retro.path}\0${data.length}\0`).update(data);
    files.push(retro.path);
    bytes += data.length;
    byFormat[retro.format] = (byFormat[retro.format] ?? 0) + 1;
    byHealth[retro.health] = (byHealth[retro.health] ?? 0) + 1;
  }
  const digest = hash.digest('hex');
  const written: Stamp = { version: CORPUS_GENERATOR_VERSION, generator, seed, count, files, bytes, digest, byFormat, byHealth };
  writeFileSync(stampFile, JSON.stringify(written, null, 1) + '\n');
  return { dir: options.dir, files, bytes, digest, regenerated: true, ms: elapsed(start), byFormat, byHealth };
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
