import { frontMatterFlag, readFrontMatter } from '../markdown/frontMatter';
import { sectionLabels } from './sectionLabels';

/** What a retro's sections are about; a retro reflects (went well / badly / learned) and looks forward. */
export type SectionKind = 'went-well' | 'went-badly' | 'learned' | 'next';

/**
 * Section labels of the retro formats teams use: went well / didn't go well / to improve / what
 * held us back / action items; start–stop–continue; mad–sad–glad; liked–learned–lacked–longed
 * for; sailboat; starfish; KPT; plus–delta; DAKI; rose–thorn–bud; lessons learned; post-mortems'
 * what went right / wrong. Distinctive phrases may start a longer label ("Went well this time",
 * "Could have gone better — how can we…"); short, common words (keep, stop, problems, goals…)
 * must be the whole label, or one followed by a translation or a "doing".
 */
const KIND_PATTERNS: readonly [SectionKind, RegExp][] = [
  ['went-well', /^(?:(?:went|going|gone|worked|done|turned out) (?:so |really |very )?(?:well|right|great|good)|what went right|(?:things )?we did well|(?:decisions|things) that turned out well|successes|highlights|achievements?|accomplishments|kudos|shout ?outs?|proud of|liked|loved|glad|pluses|helped(?: us)?|moved us forward)\b|^(?:(?:the )?good(?: (?:things|stuff|parts))?|wins?|happy|keep(?: doing)?(?: it)?|continue(?: doing)?(?: it)?|wind|tailwinds?|rose|plus|\+|strengths|more of|worked|was good|engines?|positives|keep \S+)$/],
  ['went-badly', /^(?:(?:did ?n[o']?t|did not|didn't|does not|doesn't) (?:go|went|work|turn out)|(?:decisions|things) that did not turn out|went (?:wrong|badly|poorly)|(?:could|should|might) (?:be|have (?:been|gone|done)) (?:better|improved|different)|could (?:be )?improve|(?:areas|room) (?:for|of|to) improvement|needs? improv|(?:to|what to|we can|we could) improve|held (?:us )?back|slowed (?:us )?down|pain ?points?|obstacles?|roadblocks?|frustrat|struggles|difficulties|disappointments?|lacked|headwinds?|what went wrong|not so (?:good|well))\b|^(?:(?:the )?bad(?: things)?|problems?|challenges|issues|mad|sad|anchors?|rocks?|thorns?|deltas?|less of|stop(?: doing)?(?: it)?|drop|improve(?:ments?)?|puzzles?|concerns|wrong|negatives|icebergs?|stop \S+|drop \S+)$/],
  ['learned', /^(?:(?:lessons? )?learn(?:ed|t)|lessons|learnings?|takeaways?|insights?|key learnings)\b/],
  ['next', /^(?:action(?:s| items?| points| plan)|next steps?|longed for|follow[- ]ups?|what(?:'s| is) next|going forward|moving forward|(?:for |in )?(?:the )?next (?:sprint|time|iteration|retro)|improvement actions?|experiments?|commitments?|future considerations|planned changes|agreed changes|(?:we'll |we will |to )?do differently)\b|^(?:try(?: \S+)?|start(?: doing)?(?: it)?|start \S+|island|goals?|bud|add|to ?do|ideas?)$/],
];

/** Words of a path that retros are filed under: sprint-23.md, iterations/, post-mortem.md, PI-4-review.md, lessons-learned.md. */
const RETRO_NAME_WORDS = /^(?:retros?|retrospectives?|retrospektive|sprints?|iterations?|iter|post|postmortems?|mortem|pm|lessons?|learnings|pi|review|wrap|wrapup|lookback|debrief|reflections?|closeout|close|meetings?|minutes|week|weekly|standup|kpt|starfish|sailboat|plus|delta|daki)$/;

/** Labels that only name a retro format, for the "looks like a retro" hint: "Retrospective", "Start / Stop / Continue". */
const FORMAT_LABEL = /\b(?:retro(?:spective)?|post[- ]?mortem|start[ ,/]+stop[ ,/]+continue|mad[ ,/]+sad[ ,/]+glad|sailboat|starfish)\b/;

export interface RetroFormat {
  /** The kinds of section found, each once, in a fixed order. */
  kinds: SectionKind[];
  /** A label names a retro format (a title "Sprint 12 retrospective", a "Post-mortem" heading). */
  namesFormat: boolean;
}

/** The retro-format sections of a markdown text: headings, bold lines, "Label:" lines and table header cells. */
export function retroFormat(text: string): RetroFormat {
  const found = new Set<SectionKind>();
  let namesFormat = false;
  for (const raw of sectionLabels(text)) {
    const label = normaliseLabel(raw);
    if (!namesFormat && FORMAT_LABEL.test(label)) namesFormat = true;
    const candidates = labelCandidates(label);
    for (const [kind, pattern] of KIND_PATTERNS) if (candidates.some((candidate) => pattern.test(candidate))) found.add(kind);
  }
  return { kinds: KIND_ORDER.filter((kind) => found.has(kind)), namesFormat };
}

/**
 * A label, and its head when an explanation or a symbol follows: "anchors what held us back" →
 * "anchors", "delta δ" → "delta", "rose — what bloomed" → "rose".
 */
function labelCandidates(label: string): string[] {
  const head = label.split(/ (?:what|where|how|why|which|that|we|things)\b/)[0] as string;
  const words = head.split(' ');
  const withoutSymbol = words.length === 2 && !/[a-z]{3}/.test(words[1] as string) ? (words[0] as string) : head;
  return [...new Set([label, head, withoutSymbol])];
}

const KIND_ORDER: readonly SectionKind[] = ['went-well', 'went-badly', 'learned', 'next'];

/** Lower case, emoji, numbering and punctuation gone; "what", "things that", "this sprint" dropped. */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'+ -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+ |[a-z] (?=\S{3}))/, '')
    .replace(/^(?:what|things|stuff|where|how)(?: (?:that|which|we think))? (?:we |has |have |had |is |was |were )?(?=\S)/, '')
    .replace(/^(?:our |we )/, '')
    .replace(/ (?:this|last|in the|in this|during the|during this|in) (?:sprint|iteration|week|quarter|pi|release|project|time|retro)(?: \d+)?$/, '')
    .replace(/ (?:sprint|iteration) \d+$/, '')
    .trim();
}

/** The path's folder and file-name words include one retros are filed under, or the file name is a date. */
export function hasRetroName(path: string): boolean {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  const base = (parts.pop() ?? '').replace(/\.[^.]*$/, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(base) || /^\d{6,8}$/.test(base)) return true;
  const words = [...parts, base].flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/));
  return words.some((word) => RETRO_NAME_WORDS.test(word));
}

/** A template has a retro's sections and nothing in them: it is never a retro by its content. */
function isTemplate(path: string): boolean {
  return /template/i.test(path);
}

/** Why a markdown file is, or is not, treated as a retro. */
export type Membership =
  | { retro: true; by: 'front-matter' | 'glob' | 'content' }
  | { retro: false; by: 'front-matter' | 'content'; looksLikeRetro: boolean };

export interface MembershipInput {
  /** Workspace-relative path, forward slashes. */
  path: string;
  text: string;
  /** The file matches the user's `retroHealth.files` globs. */
  matchesGlobs: boolean;
}

/**
 * Whether a markdown file is a retro: front matter `retro: true` (or `false`, which wins over
 * everything), else the user's globs, else its content — at least two kinds of retro section,
 * one of them reflective (went well, went badly, learned), in a file or folder named like a
 * retro (sprint, iteration, retro, post-mortem, lessons, PI, a date …). A file with retro
 * sections but another name only "looks like a retro": shown as such, not analysed.
 */
export function membershipOf(input: MembershipInput): Membership {
  const declared = frontMatterFlag(readFrontMatter(input.text).fields.retro);
  if (declared === true) return { retro: true, by: 'front-matter' };
  if (declared === false) return { retro: false, by: 'front-matter', looksLikeRetro: false };
  if (input.matchesGlobs) return { retro: true, by: 'glob' };
  const format = retroFormat(input.text);
  const reflective = format.kinds.filter((kind) => kind !== 'next').length;
  if (hasRetroName(input.path) && !isTemplate(input.path) && reflective >= 1 && format.kinds.length >= 2) return { retro: true, by: 'content' };
  const looksLikeRetro = format.kinds.length >= 2 && ((reflective >= 2 && format.kinds.includes('next')) || (reflective >= 1 && format.namesFormat));
  return { retro: false, by: 'content', looksLikeRetro };
}
