import { expandWord, IT_DEPARTMENT } from './tokenize';

/**
 * The pattern language for phrasings, compiled to a small acyclic automaton over tokens.
 * It has no loops and no backtracking, so a match costs at most (pattern size × its length)
 * whatever the input: safe for patterns that users write.
 *
 *   term    := slot (' ' slot)*
 *   slot    := alt ('/' alt)* '?'?        one-word alternatives; '?' makes the slot optional
 *            | '(' term ('|' term)* ')' '?'?   alternatives of several words: (gave up|tired of)
 *   alt     := word | prefix* | @lexicon | #   word may be a contraction: "didn't" = did not; # is any number
 *   '..'    := up to three words of anything
 */
export type Atom = { kind: 'word'; value: string } | { kind: 'prefix'; value: string } | { kind: 'number' } | { kind: 'any' };

interface Edge {
  atom: Atom;
  to: number;
}

/** Where one node goes on one token: exact words by lookup, the rest (prefix, number, gap) by test. */
interface NodeStep {
  /** word -> nodes reached (epsilon closure included) */
  words: Map<string, number[]> | null;
  others: { atom: Atom; reached: number[] }[];
}

export interface CompiledTerm {
  source: string;
  /** nodes[i] = outgoing edges and epsilon moves; node 0 starts, `accept` ends. */
  edges: Edge[][];
  epsilons: number[][];
  /** closures[i] = nodes reachable from i by epsilon moves (i included), worked out when first needed. */
  closures: (number[] | undefined)[];
  accept: number;
  /** The first step precomputed: first word -> active nodes after it (word lists make the start wide). */
  firstStepByWord: Map<string, number[]>;
  firstStepByPrefix: { prefix: string; nodes: number[] }[];
  /** Every later step per node, worked out the first time a match reaches that node (most never are). */
  steps: (NodeStep | undefined)[];
  /** True when nothing can follow the first word: a match is one token long. */
  singleToken: boolean;
}

export class PatternError extends Error {}

export type Lexicons = Readonly<Record<string, readonly string[]>>;

const MIN_PREFIX_LENGTH = 3;
const GAP_WORDS = 3;
/** A bound on one pattern's automaton, so a pasted monster pattern is refused, not run. */
const MAX_NODES = 4000;

export function compileTerm(source: string, lexicons: Lexicons = {}): CompiledTerm {
  const builder = new AutomatonBuilder(source);
  const start = builder.node();
  const accept = builder.sequence(start, source, lexicons, 0, true);
  const firstAtoms = builder.firstAtoms(start);
  if (firstAtoms.some((atom) => atom.kind === 'any')) throw new PatternError(`"${source}" must not start with a gap`);
  if (builder.acceptsEmpty(start, accept)) throw new PatternError(`"${source}" can match nothing at all`);
  const closures = new Array<number[] | undefined>(builder.edges.length);
  const firstStepByWord = new Map<string, Set<number>>();
  const firstStepByPrefix = new Map<string, Set<number>>();
  for (const node of closureOf(closures, builder.epsilons, start)) {
    for (const edge of builder.edges[node] as Edge[]) {
      const reached = closureOf(closures, builder.epsilons, edge.to);
      if (edge.atom.kind === 'prefix') addAll(firstStepByPrefix, edge.atom.value, reached);
      else if (edge.atom.kind === 'number') addAll(firstStepByWord, NUMBER_KEY, reached);
      else if (edge.atom.kind === 'word') for (const key of edge.atom.value === 'it' ? ['it', IT_DEPARTMENT] : [edge.atom.value]) addAll(firstStepByWord, key, reached);
    }
  }
  const steps = new Array<NodeStep | undefined>(builder.edges.length);
  const firstNodes = [...firstStepByWord.values(), ...firstStepByPrefix.values()].flatMap((nodes) => [...nodes]);
  return {
    source,
    steps,
    singleToken: firstNodes.every((node) => (builder.edges[node] as Edge[]).length === 0),
    edges: builder.edges,
    epsilons: builder.epsilons,
    closures,
    accept,
    firstStepByWord: new Map([...firstStepByWord].map(([word, nodes]) => [word, [...nodes]])),
    firstStepByPrefix: [...firstStepByPrefix].map(([prefix, nodes]) => ({ prefix, nodes: [...nodes] })),
  };
}

export function stepOf(term: CompiledTerm, node: number): NodeStep {
  return (term.steps[node] ??= nodeStep(term, node));
}

function nodeStep(term: CompiledTerm, node: number): NodeStep {
  const edges = term.edges[node] as Edge[];
  const words = new Map<string, Set<number>>();
  const others: NodeStep['others'] = [];
  for (const edge of edges) {
    const reached = closureOf(term.closures, term.epsilons, edge.to);
    if (edge.atom.kind === 'word') for (const key of edge.atom.value === 'it' ? ['it', IT_DEPARTMENT] : [edge.atom.value]) addAll(words, key, reached);
    else others.push({ atom: edge.atom, reached });
  }
  return { words: words.size ? new Map([...words].map(([word, nodes]) => [word, [...nodes]])) : null, others };
}

/** A node's epsilon closure, worked out the first time it is asked for. */
function closureOf(closures: (number[] | undefined)[], epsilons: number[][], node: number): number[] {
  return (closures[node] ??= [...closure(epsilons, [node])]);
}

function addAll(map: Map<string, Set<number>>, key: string, values: number[]): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  for (const value of values) set.add(value);
}

class AutomatonBuilder {
  readonly edges: Edge[][] = [];
  readonly epsilons: number[][] = [];

  constructor(private readonly source: string) {}

  node(): number {
    if (this.edges.length >= MAX_NODES) throw new PatternError(`"${this.source}" is too large once its word lists are expanded`);
    this.edges.push([]);
    this.epsilons.push([]);
    return this.edges.length - 1;
  }

  /**
   * Builds `text` starting at `from`; returns the node reached at its end. At the start of a
   * term, leading optional words ("the? business") are dropped: a match found from the next
   * word is the same finding, and not starting on every "the" keeps scanning cheap.
   */
  sequence(from: number, text: string, lexicons: Lexicons, depth: number, atStart = false): number {
    let slots = splitSlots(text, this.source);
    if (atStart) {
      const firstRequired = slots.findIndex((slot) => !slot.endsWith('?'));
      if (firstRequired > 0) slots = slots.slice(firstRequired);
    }
    if (slots.length === 0) throw new PatternError(`empty pattern in "${this.source}"`);
    let current = from;
    slots.forEach((slot, index) => {
      current = this.slot(current, slot, lexicons, depth, atStart && index === 0);
    });
    return current;
  }

  private slot(from: number, slot: string, lexicons: Lexicons, depth: number, atStart = false): number {
    const to = this.node();
    if (slot === '..') {
      let current = from;
      for (let i = 0; i < GAP_WORDS; i++) {
        const next = i === GAP_WORDS - 1 ? to : this.node();
        this.edges[current]?.push({ atom: { kind: 'any' }, to: next });
        this.epsilons[current]?.push(next);
        current = next;
      }
      return to;
    }
    const optional = slot.endsWith('?');
    const body = optional ? slot.slice(0, -1) : slot;
    if (body.startsWith('(')) {
      if (depth > 2) throw new PatternError(`parentheses nest too deeply in "${this.source}"`);
      for (const alternative of body.slice(1, -1).split('|')) {
        const end = this.sequence(from, alternative, lexicons, depth + 1, atStart);
        this.epsilons[end]?.push(to);
      }
      if (optional) this.epsilons[from]?.push(to);
      return to;
    }
    const alternatives = body.split('/');
    if (alternatives.some((alt) => alt === '')) throw new PatternError(`empty alternative in "${slot}" of "${this.source}"`);
    for (const alt of alternatives) this.alternative(from, to, alt, lexicons, depth, atStart);
    if (optional) this.epsilons[from]?.push(to);
    return to;
  }

  private alternative(from: number, to: number, alt: string, lexicons: Lexicons, depth: number, atStart: boolean): void {
    if (alt.startsWith('@')) {
      const entries = lexicons[alt.slice(1)];
      if (!entries) throw new PatternError(`unknown word list "${alt}" in "${this.source}"`);
      if (depth > 2) throw new PatternError(`word lists nest too deeply at "${alt}" in "${this.source}"`);
      for (const entry of entries) {
        const end = this.sequence(from, entry, lexicons, depth + 1, atStart);
        this.epsilons[end]?.push(to);
      }
      return;
    }
    const atoms = parseAlternative(alt, this.source);
    let current = from;
    atoms.forEach((atom, index) => {
      const next = index === atoms.length - 1 ? to : this.node();
      this.edges[current]?.push({ atom, to: next });
      current = next;
    });
  }

  firstAtoms(start: number): Atom[] {
    const atoms: Atom[] = [];
    for (const node of closure(this.epsilons, [start])) for (const edge of this.edges[node] ?? []) atoms.push(edge.atom);
    return atoms;
  }

  acceptsEmpty(start: number, accept: number): boolean {
    return closure(this.epsilons, [start]).has(accept);
  }
}

/** Splits a term on spaces outside parentheses; "(a b|c)" stays one slot. */
function splitSlots(text: string, source: string): string[] {
  if (!text.includes('(') && !text.includes(')')) return text.trim().split(/\s+/).filter(Boolean);
  const slots: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text.trim()) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0 || depth > 1) throw new PatternError(`unbalanced or nested parentheses in "${source}"`);
    if (/\s/.test(char) && depth === 0) {
      if (current) slots.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) throw new PatternError(`unbalanced parentheses in "${source}"`);
  if (current) slots.push(current);
  for (const slot of slots) {
    if (slot.includes('(') && !/^\([^()]+\)\??$/.test(slot)) throw new PatternError(`"${slot}" in "${source}": parentheses must enclose a whole slot`);
  }
  return slots;
}

/** Parsed alternatives, shared by every term: word lists repeat the same words many times. */
const atomsByAlternative = new Map<string, Atom[]>();

function parseAlternative(alt: string, source: string): Atom[] {
  let atoms = atomsByAlternative.get(alt);
  if (!atoms) {
    atoms = parseAlternativeUncached(alt, source);
    if (atomsByAlternative.size > 20_000) atomsByAlternative.clear();
    atomsByAlternative.set(alt, atoms);
  }
  return atoms;
}

function parseAlternativeUncached(alt: string, source: string): Atom[] {
  if (alt === '\u2192') return [{ kind: 'word', value: alt }];
  if (alt === '#') return [{ kind: 'number' }];
  if (!/^[\p{L}\p{N}'’-]+\*?$/u.test(alt)) throw new PatternError(`"${alt}" in "${source}" is not a word, a prefix* or a @list`);
  if (alt.endsWith('*')) {
    const prefix = alt.slice(0, -1).toLowerCase();
    if (prefix.length < MIN_PREFIX_LENGTH) throw new PatternError(`prefix "${alt}" in "${source}" needs at least ${MIN_PREFIX_LENGTH} letters`);
    return [{ kind: 'prefix', value: prefix }];
  }
  const words = alt.split('-').filter(Boolean);
  return words.flatMap((word) => expandWord(word.replace(/’/g, "'")).map((value) => ({ kind: 'word', value }) as Atom));
}

export function closure(epsilons: number[][], nodes: Iterable<number>): Set<number> {
  const seen = new Set<number>();
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop() as number;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of epsilons[node] ?? []) stack.push(next);
  }
  return seen;
}

/** Index key under which terms starting with a number (#) are filed. */
export const NUMBER_KEY = '#number';

export function isNumber(norm: string): boolean {
  const code = norm.charCodeAt(0);
  return code >= 48 && code <= 57 ? NUMBER.test(norm) : NUMBER_WORDS.has(norm);
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'several', 'many']);

/** Digits, with an ordinal or multiplier suffix. */
const NUMBER = /^\d+(?:st|nd|rd|th|x)?$/;

export function atomMatches(atom: Atom, norm: string): boolean {
  switch (atom.kind) {
    case 'any':
      return true;
    case 'number':
      return isNumber(norm);
    case 'prefix':
      return norm.startsWith(atom.value) && norm !== IT_DEPARTMENT;
    case 'word':
      // A pattern's lower-case "it" accepts both; "IT" means only the department.
      return atom.value === norm || (atom.value === 'it' && norm === IT_DEPARTMENT);
  }
}

let generation = 0;
/**
 * Scratch space shared by every term (matching is never re-entered): the active node lists, and
 * marks where marks[node] === generation means "already active"; generations never repeat.
 */
const activeNodes = new Int32Array(MAX_NODES);
const nextNodes = new Int32Array(MAX_NODES);
const marks = new Int32Array(MAX_NODES);

/** Adds to `into` (after its first `count`) the nodes not yet marked with `stamp`; returns the new count. */
function activate(nodes: readonly number[] | undefined, stamp: number, into: Int32Array, count: number): number {
  if (!nodes) return count;
  for (const node of nodes) {
    if (marks[node] === stamp) continue;
    marks[node] = stamp;
    into[count++] = node;
  }
  return count;
}

/** The nodes a term is in after its first word: by the word itself, as a number, or by a prefix. */
export function firstNodesOf(term: CompiledTerm, first: string): readonly number[] {
  const byWord = term.firstStepByWord.get(first);
  const asNumber = term.firstStepByWord.has(NUMBER_KEY) && isNumber(first) ? term.firstStepByWord.get(NUMBER_KEY) : undefined;
  const byPrefix = first === IT_DEPARTMENT ? [] : term.firstStepByPrefix.filter(({ prefix }) => first.startsWith(prefix));
  if (!asNumber && byPrefix.length === 0) return byWord ?? [];
  return [...(byWord ?? []), ...(asNumber ?? []), ...byPrefix.flatMap(({ nodes }) => nodes)];
}

/** End index (exclusive, in tokens) of the longest match starting at `startIndex`, or -1. */
export function matchTermAt(term: CompiledTerm, norms: readonly string[], startIndex: number, limit: number): number {
  if (startIndex >= limit) return -1;
  let stamp = ++generation;
  let count = activate(firstNodesOf(term, norms[startIndex] as string), stamp, activeNodes, 0);
  if (count === 0) return -1;
  let best = marks[term.accept] === stamp ? startIndex + 1 : -1;
  if (term.singleToken) return best;
  let active = activeNodes;
  let next = nextNodes;
  for (let index = startIndex + 1; index < limit && count > 0; index++) {
    const norm = norms[index] as string;
    stamp = ++generation;
    let nextCount = 0;
    for (let i = 0; i < count; i++) {
      const step = stepOf(term, active[i] as number);
      nextCount = activate(step.words?.get(norm), stamp, next, nextCount);
      for (const other of step.others) if (atomMatches(other.atom, norm)) nextCount = activate(other.reached, stamp, next, nextCount);
    }
    const swap = active;
    active = next;
    next = swap;
    count = nextCount;
    if (marks[term.accept] === stamp) best = index + 1;
  }
  return best;
}
