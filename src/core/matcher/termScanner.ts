import { pushTo } from '../multimap';
import { atomMatches, firstNodesOf, isNumber, NUMBER_KEY, stepOf, type Atom, type CompiledTerm } from './pattern';

/** A term found in a sentence: token indices, end exclusive. */
export interface TermOccurrence {
  term: number;
  from: number;
  to: number;
}

/** Terms filed by the words (and three-letter prefixes) they can start with. */
export interface TermIndex {
  /** nodeCounts[id] = how many automaton nodes term `id` has (its length is the number of terms). */
  nodeCounts: Int32Array;
  /** A term by id: callers may build terms lazily, and only the terms a text can start are asked for. */
  termAt(id: number): CompiledTerm;
  /** first word (or NUMBER_KEY) -> terms that can start with it */
  byFirstWord: ReadonlyMap<string, readonly number[]>;
  /** first three letters of a prefix -> the terms that can start with that prefix */
  byFirstPrefix: ReadonlyMap<string, readonly { prefix: string; term: number }[]>;
}

/** Files a newly compiled term, numbered `id`, under the words it can start with. */
export function fileTerm(term: CompiledTerm, id: number, index: { byFirstWord: Map<string, number[]>; byFirstPrefix: Map<string, { prefix: string; term: number }[]> }): void {
  for (const word of term.firstStepByWord.keys()) pushTo(index.byFirstWord, word, id);
  for (const { prefix } of term.firstStepByPrefix) pushTo(index.byFirstPrefix, prefix.slice(0, 3), { prefix, term: id });
}

/** States and transitions kept before the cache starts over: bounds memory on endless vocabularies. */
const MAX_STATES = 20_000;
const MAX_TRANSITIONS = 400_000;

const DEAD = 0;

/** One state of the union automaton: the (term, node) pairs alive, and its transitions as they are needed. */
interface ScanState {
  /** Global node ids, ascending. */
  nodes: Int32Array;
  /** Terms whose accepting node is among them. */
  accepts: Int32Array;
  /** Words some node continues with by name. */
  named: Set<string>;
  /** The nodes' prefix, number and gap edges, with the global nodes each reaches. */
  others: { atom: Atom; reached: number[] }[];
  /** Transitions on named words. */
  byWord: Map<string, number>;
  /**
   * Transitions on every other word, by which of `others` it matches (a bit each): a gap or a
   * prefix goes the same way for the many words a text holds, so each way is built once.
   */
  byOthers: Map<number, number>;
}

/** Masks of matching `others` fit a small integer up to this many edges; a state with more works word by word. */
const MAX_MASKED_OTHERS = 30;

/**
 * Every term's automaton run at once: a state is the set of (term, node) pairs still alive,
 * and states and their transitions on each word are built the first time a text needs them.
 * After warm-up a word costs one map lookup per live state instead of one automaton run per
 * candidate term, and the answers are the same: each term's longest match from each start.
 */
export class TermScanner {
  /** Global node id = nodeBase[term] + node. */
  private readonly nodeBase: Int32Array;
  private readonly termOfNode: Int32Array;
  private readonly acceptOf: Int32Array;
  private readonly nodeMarks: Int32Array;
  private markStamp = 0;
  /** The best end seen for each term during one walk; bestStamp[term] === walkStamp when set. */
  private readonly bestEnd: Int32Array;
  private readonly bestStamp: Int32Array;
  private walkStamp = 0;
  private readonly endedTerms: number[] = [];

  private stateIds = new Map<string, number>();
  private states: ScanState[] = [];
  private startOf = new Map<string, number>();
  private transitions = 0;

  /** @param limits how many states and transitions to keep before the cache starts over. */
  constructor(
    private readonly index: TermIndex,
    private readonly limits = { states: MAX_STATES, transitions: MAX_TRANSITIONS },
  ) {
    const terms = index.nodeCounts.length;
    this.nodeBase = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) this.nodeBase[t + 1] = (this.nodeBase[t] as number) + (index.nodeCounts[t] as number);
    const nodes = this.nodeBase[terms] as number;
    this.termOfNode = new Int32Array(nodes);
    for (let t = 0; t < terms; t++) this.termOfNode.fill(t, this.nodeBase[t], this.nodeBase[t + 1]);
    // Accept nodes are filled in as terms are first used (-1: not yet known).
    this.acceptOf = new Int32Array(terms).fill(-1);
    this.nodeMarks = new Int32Array(nodes);
    this.bestEnd = new Int32Array(terms);
    this.bestStamp = new Int32Array(terms);
    this.reset();
  }

  /** Calls `found` for each term's longest match starting at each token in [from, to). */
  scan(norms: readonly string[], from: number, to: number, found: (occurrence: TermOccurrence) => void): void {
    for (let start = from; start < to; start++) {
      let state = this.startState(norms[start] as string);
      if (state === DEAD) continue;
      const walk = ++this.walkStamp;
      const ended = this.endedTerms;
      ended.length = 0;
      for (let index = start; ; ) {
        for (const term of (this.states[state] as ScanState).accepts) {
          if (this.bestStamp[term] !== walk) {
            this.bestStamp[term] = walk;
            ended.push(term);
          }
          this.bestEnd[term] = index + 1;
        }
        if (++index >= to) break;
        state = this.next(state, norms[index] as string);
        if (state === DEAD) break;
      }
      for (const term of ended) found({ term, from: start, to: this.bestEnd[term] as number });
    }
  }

  private startState(norm: string): number {
    const known = this.startOf.get(norm);
    if (known !== undefined) return known;
    const stamp = ++this.markStamp;
    const reached: number[] = [];
    for (const term of this.candidatesAt(norm)) {
      const base = this.nodeBase[term] as number;
      for (const node of firstNodesOf(this.index.termAt(term), norm)) this.mark(base + node, stamp, reached);
    }
    const state = this.stateFor(reached);
    this.remember(this.startOf, norm, state);
    return state;
  }

  /** Terms that can start on this word: by the word, as a number, or by a prefix. */
  private candidatesAt(norm: string): Set<number> {
    const candidates = new Set<number>();
    for (const term of this.index.byFirstWord.get(norm) ?? []) candidates.add(term);
    if (isNumber(norm)) for (const term of this.index.byFirstWord.get(NUMBER_KEY) ?? []) candidates.add(term);
    if (norm.length >= 3) for (const { prefix, term } of this.index.byFirstPrefix.get(norm.slice(0, 3)) ?? []) if (norm.startsWith(prefix)) candidates.add(term);
    return candidates;
  }

  private next(id: number, norm: string): number {
    const state = this.states[id] as ScanState;
    const known = state.byWord.get(norm);
    if (known !== undefined) return known;
    if (!state.named.has(norm)) {
      // Most words continue nothing, or only through a gap or a prefix: no per-word work or caching.
      if (state.others.length === 0) return DEAD;
      if (state.others.length <= MAX_MASKED_OTHERS) {
        let mask = 0;
        state.others.forEach(({ atom }, bit) => {
          if (atomMatches(atom, norm)) mask |= 1 << bit;
        });
        if (mask === 0) return DEAD;
        const way = state.byOthers.get(mask);
        if (way !== undefined) return way;
        const stamp = ++this.markStamp;
        const reached: number[] = [];
        state.others.forEach(({ reached: nodes }, bit) => {
          if (mask & (1 << bit)) for (const node of nodes) this.mark(node, stamp, reached);
        });
        const nextId = this.stateFor(reached);
        // A reset inside stateFor drops this state: remember the transition only while it lives.
        if (this.states[id] === state) this.remember(state.byOthers, mask, nextId);
        return nextId;
      }
    }
    const stamp = ++this.markStamp;
    const reached: number[] = [];
    for (const global of state.nodes) {
      const term = this.termOfNode[global] as number;
      const base = this.nodeBase[term] as number;
      const step = stepOf(this.index.termAt(term), global - base);
      for (const node of step.words?.get(norm) ?? []) this.mark(base + node, stamp, reached);
      for (const other of step.others) if (atomMatches(other.atom, norm)) for (const node of other.reached) this.mark(base + node, stamp, reached);
    }
    const nextId = this.stateFor(reached);
    if (this.states[id] === state) this.remember(state.byWord, norm, nextId);
    return nextId;
  }

  private mark(global: number, stamp: number, into: number[]): void {
    if (this.nodeMarks[global] === stamp) return;
    this.nodeMarks[global] = stamp;
    into.push(global);
  }

  private stateFor(nodes: number[]): number {
    if (nodes.length === 0) return DEAD;
    nodes.sort((a, b) => a - b);
    const key = nodes.join(',');
    const known = this.stateIds.get(key);
    if (known !== undefined) return known;
    if (this.states.length >= this.limits.states || this.transitions >= this.limits.transitions) this.reset();
    const accepts: number[] = [];
    const named = new Set<string>();
    const others: ScanState['others'] = [];
    for (const global of nodes) {
      const term = this.termOfNode[global] as number;
      const compiled = this.index.termAt(term);
      const base = this.nodeBase[term] as number;
      if (this.acceptOf[term] === -1) this.acceptOf[term] = base + compiled.accept;
      if (this.acceptOf[term] === global) accepts.push(term);
      const step = stepOf(compiled, global - base);
      for (const word of step.words?.keys() ?? []) named.add(word);
      for (const { atom, reached } of step.others) others.push({ atom, reached: reached.map((node) => base + node) });
    }
    const id = this.states.length;
    this.stateIds.set(key, id);
    this.states.push({ nodes: Int32Array.from(nodes), accepts: Int32Array.from(accepts), named, others, byWord: new Map(), byOthers: new Map() });
    return id;
  }

  private remember<K>(map: Map<K, number>, key: K, state: number): void {
    map.set(key, state);
    this.transitions++;
  }

  /** Starts the cache over (also the initial state): only the dead state is left. */
  private reset(): void {
    this.stateIds = new Map();
    this.states = [{ nodes: new Int32Array(0), accepts: new Int32Array(0), named: new Set(), others: [], byWord: new Map(), byOthers: new Map() }];
    this.startOf = new Map();
    this.transitions = 0;
  }
}
