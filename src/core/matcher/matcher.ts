import type { Catalog, ConceptRule, Symptom } from '../catalog/schema';
import type { ProseSegment } from '../markdown/reader';
import { ACTION_CONTEXT, DISCUSSION_CUES, DISCUSSION_HEADING, HYPOTHETICAL_HEADING, HYPOTHETICAL_CUES, NEGATION_WINDOW, NEGATIVE_CONTEXT, NEGATORS, PAST_CONTEXT, SUBJECT_NEGATORS, POSITIVE_CONTEXT, POSITIVE_CONTEXT_FACTOR, RESOLUTION_CUES } from './cues';
import { compileTerm, type CompiledTerm } from './pattern';
import { pushTo } from '../multimap';
import { RecentCache } from '../recentCache';
import { fileTerm, TermScanner, type TermOccurrence } from './termScanner';
import { tokenize, type Token } from './tokenize';
import { defaultSentenceModel, type SentenceModel } from '../model';
import { verdictIndex, verdictKey, type TeamVerdict } from '../verdicts';
import { builtInCatalog } from '../catalog';
import { decodeSnapshot, embeddedSnapshot, encodeSnapshot } from './snapshot';

/** Segments remembered per matcher (one generation: RecentCache holds up to twice as many): enough for a few large open retros. */
const SEGMENT_CACHE_SIZE = 5000;

/** Shared empty list for lookups that miss: `?? []` in a loop allocates an array every time. */
const NONE: readonly number[] = [];

const RESOLUTION_CUE = 1;
const HYPOTHETICAL_CUE = 2;

/** Confidence of a hit on the article's own wording. */
const PHRASE_CONFIDENCE = 0.95;

/** A symptom seen in one sentence, before it is placed in a document. */
export interface Match {
  symptom: Symptom;
  /** Offsets relative to the scanned text. */
  start: number;
  end: number;
  confidence: number;
  via: 'phrase' | 'concept' | 'model' | 'team';
  /** For a model match: offsets (relative to the scanned text) of the words that weighed most. */
  evidence?: { start: number; end: number }[];
}

/** Model verdicts below this calibrated confidence are not even hints. */
const MODEL_FLOOR = 0.35;

type Occurrence = TermOccurrence;

interface CompiledRule {
  symptom: Symptom;
  via: 'phrase' | 'concept';
  /** groups[g] = term ids; one of each group must occur. */
  groups: number[][];
  within: number;
  ordered: boolean;
  confidence: number;
  highlight: 'span' | 'first';
  unless: number[];
  /** The group whose terms wake the rule: the one that starts on the fewest words (every group must occur anyway). */
  wakeGroup: number;
}

/** What compiling a catalog produces: all a matcher needs besides its catalog, model and verdicts. */
interface CompiledState {
  /** Each term encoded on its own (snapshot.ts), decoded the first time a text needs it: most never are. */
  termTexts: string[];
  termNodeCounts: Int32Array;
  termIdBySource: Map<string, number>;
  byFirstWord: Map<string, number[]>;
  byFirstPrefix: Map<string, { prefix: string; term: number }[]>;
  rules: CompiledRule[];
  rulesByAnchorTerm: Map<number, number[]>;
  clauseFinalCues: Set<number>;
  unlessTerms: Map<string, number[]>;
  cueTerms: { resolution: number[]; hypothetical: number[]; discussion: number[] };
  cueKind: Uint8Array;
  wouldBeTerm: number;
}

/** One sentence: token indices [from, to) into its paragraph's arrays. */
interface SentenceIndex {
  from: number;
  to: number;
  /** The paragraph's normalised words. */
  norms: string[];
  tokens: Token[];
  /** clause[i] = number of the clause holding token i, counted over the paragraph */
  clause: Int32Array;
  /** term id -> occurrences in this sentence */
  occurrences: Map<number, Occurrence[]>;
  /** Filled when a candidate match first needs them. */
  cues?: { resolution: Occurrence[]; hypothetical: Occurrence[] };
}

/**
 * The catalog compiled once: every term becomes a token automaton indexed by the words it
 * can start with, so scanning a sentence costs a hash lookup per word plus the few
 * automata that can start there. Linear in the document; no regular expressions.
 */
export class SymptomMatcher {
  /** Compiled terms; loaded from a snapshot, a term is decoded from termTexts on first use (termAt). */
  private readonly terms: (CompiledTerm | undefined)[] = [];
  private termTexts: string[] | undefined;
  /** Nodes per term, known from the snapshot without decoding any term. */
  private snapshotNodeCounts: Int32Array | undefined;
  private readonly termIdBySource = new Map<string, number>();
  /** first word -> terms to try there: the few that can start with it alone, the rest by their second word. */
  private readonly byFirstWord = new Map<string, number[]>();
  private readonly byFirstPrefix = new Map<string, { prefix: string; term: number }[]>();
  private readonly rules: CompiledRule[] = [];
  private readonly segmentCache = new RecentCache<string, { positive?: Match[]; past?: Match[]; plain?: Match[] }>(SEGMENT_CACHE_SIZE);
  /** term id -> rules whose wake group holds it: a sentence only tries rules one of its terms can wake. */
  private readonly rulesByAnchorTerm = new Map<number, number[]>();
  /** Every term's automaton run at once, built when the first sentence is scanned. */
  private scanner: TermScanner | undefined;
  /** Cue terms that only count at the end of their clause. */
  private readonly clauseFinalCues = new Set<number>();
  /** termPresent[term] / ruleWoken[rule] === sentenceStamp: the term occurs in / the rule is woken by the sentence being matched. */
  private readonly termPresent: Int32Array;
  private readonly ruleWoken: Int32Array;
  private sentenceStamp = 0;
  private readonly unlessTerms = new Map<string, number[]>();
  private readonly cueTerms: { resolution: number[]; hypothetical: number[]; discussion: number[] };
  /** cueKind[term]: RESOLUTION_CUE | HYPOTHETICAL_CUE bits. */
  private readonly cueKind: Uint8Array;

  private readonly symptomById: Map<string, Symptom>;
  /** "would be" marks a hypothesis for the rules, but "we'd be better off outsourcing" is a proposal: the model's clauses ignore it. */
  private readonly wouldBeTerm: number;
  /** The trained sentence model that finds what the rules miss; undefined: rules alone. */
  readonly model: SentenceModel | undefined;
  /** The team's verdicts on sentences, by verdict key. */
  private readonly verdicts: Map<string, TeamVerdict>;

  /**
   * @param options.model by default the shipped model when the host registered it (see
   * setSentenceModelSource); null for rules alone. options.verdicts: the team's labelled sentences.
   * options.snapshot: a compiled catalog (`snapshot()`) to load instead of compiling; by default the
   * bundle's own for the built-in catalog; null always compiles.
   */
  constructor(
    readonly catalog: Catalog,
    options: { model?: SentenceModel | null; verdicts?: readonly TeamVerdict[]; snapshot?: string | null } = {},
  ) {
    this.model = options.model === undefined ? defaultSentenceModel() : (options.model ?? undefined);
    this.verdicts = verdictIndex(options.verdicts ?? []);
    this.symptomById = new Map(catalog.symptoms.map((symptom) => [symptom.id, symptom]));
    const snapshot = options.snapshot !== undefined ? options.snapshot : catalog === builtInCatalog() ? embeddedSnapshot() : undefined;
    this.fromSnapshot = Boolean(snapshot);
    if (snapshot) {
      const { termTexts, termNodeCounts, ...state } = splitSnapshot(snapshot, this.symptomById);
      Object.assign(this, state);
      this.termTexts = termTexts;
      this.snapshotNodeCounts = termNodeCounts;
      this.terms.length = termNodeCounts.length;
      this.cueTerms = state.cueTerms;
      this.cueKind = state.cueKind;
      this.wouldBeTerm = state.wouldBeTerm;
    } else {
      this.compileCatalog(catalog);
      this.cueTerms = this.cueTermsOf();
      this.cueKind = new Uint8Array(this.terms.length);
      for (const term of this.cueTerms.resolution) this.cueKind[term] = (this.cueKind[term] ?? 0) | RESOLUTION_CUE;
      for (const term of this.cueTerms.hypothetical) this.cueKind[term] = (this.cueKind[term] ?? 0) | HYPOTHETICAL_CUE;
      this.wouldBeTerm = this.termIdBySource.get('would be') ?? -1;
    }
    // Every term and rule is known now: the scratch stamps are sized once.
    this.termPresent = new Int32Array(this.termCount);
    this.ruleWoken = new Int32Array(this.rules.length);
  }

  /**
   * The compiled catalog as data (the build writes the built-in one beside the bundles: see
   * snapshot.ts): the state on the first line, then each term's own encoding on a line of its own,
   * so loading parses the ~120 KB of state and not the ~630 KB of terms, which are decoded one by one
   * when a text first needs them (JSON text has no raw line breaks).
   */
  snapshot(): string {
    const symptoms = new Set(this.catalog.symptoms);
    // Epsilon closures and later steps are worked out on demand: left out, they cost less to redo than to load.
    const termTexts = Array.from(this.terms, (_, id) => encodeSnapshot({ ...this.termAt(id), closures: [], steps: [] }, symptoms));
    const state: Omit<CompiledState, 'termTexts'> = {
      termNodeCounts: this.termNodeCounts(),
      termIdBySource: this.termIdBySource,
      byFirstWord: this.byFirstWord,
      byFirstPrefix: this.byFirstPrefix,
      rules: this.rules,
      rulesByAnchorTerm: this.rulesByAnchorTerm,
      clauseFinalCues: this.clauseFinalCues,
      unlessTerms: this.unlessTerms,
      cueTerms: this.cueTerms,
      cueKind: this.cueKind,
      wouldBeTerm: this.wouldBeTerm,
    };
    return [encodeSnapshot(state, symptoms), ...termTexts].join('\n');
  }

  private compileCatalog(catalog: Catalog): void {
    for (const symptom of catalog.symptoms) {
      for (const phrase of symptom.phrases) {
        // Quoted wording is unambiguous enough that a lower-case "it" may stand for IT.
        const groups = [[this.termId(phrase.replace(/\bIT\b/g, 'it'), symptom.id)]];
        this.rules.push({ symptom, via: 'phrase', groups, within: 60, ordered: true, confidence: PHRASE_CONFIDENCE, highlight: 'first', unless: [], wakeGroup: 0 });
      }
      for (const rule of symptom.concepts) this.rules.push(this.compileRule(symptom, rule));
      this.unlessTerms.set(symptom.id, symptom.unless.map((term) => this.termId(term, symptom.id)));
    }
    this.rules.forEach((rule, index) => {
      rule.wakeGroup = this.narrowestGroup(rule);
      for (const term of new Set(rule.groups[rule.wakeGroup])) pushTo(this.rulesByAnchorTerm, term, index);
    });
  }

  private cueTermsOf(): { resolution: number[]; hypothetical: number[]; discussion: number[] } {
    const cueIds = (cues: string[][]) =>
      cues.map((words) => {
        const id = this.termId(words.filter((word) => word !== '$').join(' '), 'cues');
        if (words[words.length - 1] === '$') {
          // Its occurrences must name their term (one-word ones do not): see Occurrence.term.
          if (words.length < 3) throw new Error(`clause-final cue "${words.join(' ')}" needs two words`);
          this.clauseFinalCues.add(id);
        }
        return id;
      });
    return {
      resolution: cueIds(RESOLUTION_CUES),
      hypothetical: cueIds(HYPOTHETICAL_CUES),
      discussion: cueIds(DISCUSSION_CUES),
    };
  }

  /** Loaded from a compiled snapshot (the build's, for the built-in catalog) rather than compiled here. */
  readonly fromSnapshot: boolean;

  get termCount(): number {
    return this.terms.length;
  }

  /** How many terms are in memory as automata (loaded from a snapshot: only those a text has needed). */
  get termsDecoded(): number {
    return this.terms.reduce((count) => count + 1, 0);
  }

  /** A term by id, decoded from the snapshot the first time it is asked for. */
  private termAt(id: number): CompiledTerm {
    let term = this.terms[id];
    if (!term) {
      const text = this.termTexts?.[id];
      if (text === undefined) throw new RangeError(`no term ${id}`);
      term = this.terms[id] = decodeSnapshot(text, this.symptomById) as CompiledTerm;
    }
    return term;
  }

  private termNodeCounts(): Int32Array {
    return this.snapshotNodeCounts ?? Int32Array.from(this.terms, (_, id) => this.termAt(id).edges.length);
  }

  get ruleCount(): number {
    return this.rules.length;
  }

  /** A group's breadth: how many first words (and prefixes) its terms can start on; word lists make it wide. */
  private narrowestGroup(rule: CompiledRule): number {
    const breadth = (group: number[]) => group.reduce((sum, term) => sum + this.termAt(term).firstStepByWord.size + this.termAt(term).firstStepByPrefix.length * 20, 0);
    let best = 0;
    rule.groups.forEach((group, g) => {
      if (breadth(group) < breadth(rule.groups[best] as number[])) best = g;
    });
    return best;
  }

  private compileRule(symptom: Symptom, rule: ConceptRule): CompiledRule {
    return {
      symptom,
      via: rule.wording === 'article' ? 'phrase' : 'concept',
      groups: rule.all.map((group) => group.map((term) => this.termId(term, symptom.id))),
      within: rule.within,
      ordered: rule.ordered,
      confidence: rule.confidence,
      highlight: rule.highlight,
      unless: rule.unless.map((term) => this.termId(term, symptom.id)),
      wakeGroup: 0,
    };
  }

  private termId(source: string, owner: string): number {
    const existing = this.termIdBySource.get(source);
    if (existing !== undefined) return existing;
    let term: CompiledTerm;
    try {
      term = compileTerm(source, this.catalog.lexicons);
    } catch (error) {
      throw new Error(`${owner}: ${(error as Error).message}`);
    }
    const id = this.terms.length;
    this.terms.push(term);
    this.termIdBySource.set(source, id);
    fileTerm(term, id, { byFirstWord: this.byFirstWord, byFirstPrefix: this.byFirstPrefix });
    return id;
  }

  /**
   * All symptom matches in one prose segment. Results are remembered per segment text (and
   * context), so re-analysing a document after a keystroke only matches the paragraph that changed.
   */
  matchSegment(segment: ProseSegment): Match[] {
    if (segment.headings.some(isOffTopicHeading)) return [];
    const context = contextOf(segment.headings[segment.headings.length - 1] ?? '', segment.columnHeader ?? '');
    let remembered = this.segmentCache.get(segment.text);
    if (!remembered) {
      remembered = {};
      this.segmentCache.set(segment.text, remembered);
    }
    return (remembered[context] ??= this.matchUncached(segment, context === 'positive', context === 'past'));
  }

  /** Forgets remembered paragraphs (benchmarks use it to measure cold analysis). */
  clearCache(): void {
    this.segmentCache.clear();
  }

  private matchUncached(segment: ProseSegment, positive: boolean, past: boolean): Match[] {
    const tokens = tokenize(segment.text);
    const norms = tokens.map((token) => token.norm);
    const clause = new Int32Array(tokens.length);
    const sentences: SentenceIndex[] = [];
    let sentenceStart = 0;
    let clauseNumber = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      clause[i] = token.clauseEnd ? clauseNumber++ : clauseNumber;
      if (!token.sentenceEnd) continue;
      sentences.push(this.indexSentence(tokens, norms, clause, sentenceStart, i + 1));
      sentenceStart = i + 1;
    }
    // Talk about the article or the model anywhere in a paragraph makes its paraphrases discussion too;
    // the article's own wording is still reported unless the sentence itself discusses it.
    const discussion = sentences.some((sentence) => this.anyOccurs(sentence, this.cueTerms.discussion));
    const matches: Match[] = [];
    sentences.forEach((sentence, index) => {
      const verdict = this.verdicts.size > 0 ? this.verdicts.get(verdictKey(sentence.norms.slice(sentence.from, sentence.to))) : undefined;
      if (verdict) {
        const symptom = verdict.symptom === null ? undefined : this.symptomById.get(verdict.symptom);
        if (symptom) matches.push({ symptom, start: (sentence.tokens[sentence.from] as Token).start, end: (sentence.tokens[sentence.to - 1] as Token).end, confidence: 1, via: 'team' });
        return;
      }
      if (isAnsweredNo(segment.text, sentence, sentences[index + 1])) return;
      if (this.anyOccurs(sentence, this.cueTerms.discussion)) return;
      const found = sentence.occurrences.size === 0 ? [] : this.matchSentence(sentence, positive);
      for (const match of found) if (!discussion || match.via === 'phrase') matches.push(match);
      // The model scores each sentence once, and speaks only where the rules found nothing.
      // Under "went well", in action items and in "how it used to be" sections it stays silent: they hold
      // wins, plans (which restate the problem they answer) and the past.
      if (found.length === 0 && !discussion && !positive && !past) {
        const learned = this.modelMatch(sentence, segment.text);
        if (learned) matches.push(learned);
      }
    });
    return matches;
  }

  /** The model's finding in a sentence, under the same context checks as the rules. */
  private modelMatch(sentence: SentenceIndex, text: string): Match | null {
    if (!this.model) return null;
    const verdict = this.model.classify(sentence.tokens, sentence.from, sentence.to, text, MODEL_FLOOR);
    const symptom = verdict && this.symptomById.get(verdict.symptom);
    if (!verdict || !symptom) return null;
    if (this.isClauseCancelled(sentence, verdict.clauseFrom, verdict.clauseTo) || isCeased(sentence, verdict.evidence)) return null;
    const tokens = sentence.tokens;
    return {
      symptom,
      start: (tokens[verdict.clauseFrom] as Token).start,
      end: (tokens[verdict.clauseTo - 1] as Token).end,
      confidence: verdict.confidence,
      via: 'model',
      evidence: verdict.evidence.map(({ from, to }) => ({ start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end })),
    };
  }

  /**
   * For a whole clause the model picked: denied by its opening word ("Nobody in finance…"),
   * or resolved or hypothetical anywhere in the sentence up to the clause's end.
   */
  private isClauseCancelled(sentence: SentenceIndex, from: number, to: number): boolean {
    const opening = sentence.norms[from] as string;
    const sentenceOpening = sentence.norms[sentence.from] as string;
    if (SUBJECT_NEGATORS.has(opening) || SUBJECT_NEGATORS.has(sentenceOpening)) return true;
    const cues = (sentence.cues ??= this.cuesIn(sentence));
    for (const o of cues.resolution) if (o.from < to && (!this.clauseFinalCues.has(o.term) || o.to >= to || sentence.clause[o.to] !== sentence.clause[o.to - 1])) return true;
    for (const o of cues.hypothetical) if (o.from < to && o.term !== this.wouldBeTerm && !isAsIf(sentence, o)) return true;
    return false;
  }

  private matchSentence(sentence: SentenceIndex, positiveContext: boolean): Match[] {
    const tokens = sentence.tokens;
    const candidates: Match[] = [];
    // Stamp the terms present in this sentence and the rules they can start: array lookups, no sets.
    const stamp = ++this.sentenceStamp;
    const woken: number[] = [];
    for (const term of sentence.occurrences.keys()) {
      this.termPresent[term] = stamp;
      for (const index of this.rulesByAnchorTerm.get(term) ?? NONE) {
        if (this.ruleWoken[index] === stamp) continue;
        this.ruleWoken[index] = stamp;
        woken.push(index);
      }
    }
    woken.sort((a, b) => a - b);
    for (const index of woken) {
      const rule = this.rules[index] as CompiledRule;
      if (!this.allGroupsPresent(rule, stamp)) continue;
      const satisfied = this.satisfy(rule, sentence);
      if (satisfied.length === 0) continue;
      if (this.anyPresent(this.unlessTerms.get(rule.symptom.id), stamp) || this.anyPresent(rule.unless, stamp)) continue;
      let matched = false;
      for (const chosen of satisfied) {
        if (matched && rule.highlight === 'span') break;
        if (this.isCancelled(sentence, chosen)) continue;
        matched = true;
        const { from, to } = rule.highlight === 'first' ? (chosen[0] as Occurrence) : spanOf(chosen);
        candidates.push({
          symptom: rule.symptom,
          start: (tokens[from] as Token).start,
          end: (tokens[to - 1] as Token).end,
          confidence: positiveContext ? rule.confidence * POSITIVE_CONTEXT_FACTOR : rule.confidence,
          via: rule.via,
        });
      }
    }
    return keepStrongestPerSpan(candidates);
  }

  private indexSentence(tokens: Token[], norms: string[], clause: Int32Array, from: number, to: number): SentenceIndex {
    const occurrences = new Map<number, Occurrence[]>();
    (this.scanner ??= new TermScanner({ nodeCounts: this.termNodeCounts(), termAt: (id) => this.termAt(id), byFirstWord: this.byFirstWord, byFirstPrefix: this.byFirstPrefix })).scan(norms, from, to, (occurrence) => pushTo(occurrences, occurrence.term, occurrence));
    return { from, to, norms, tokens, clause, occurrences };
  }

  /** Most rules a sentence wakes up miss a group: found out before collecting anything. */
  private allGroupsPresent(rule: CompiledRule, stamp: number): boolean {
    for (let g = 0; g < rule.groups.length; g++) if (g !== rule.wakeGroup && !this.anyPresent(rule.groups[g], stamp)) return false;
    return true;
  }

  private anyPresent(terms: number[] | undefined, stamp: number): boolean {
    if (terms) for (const term of terms) if (this.termPresent[term] === stamp) return true;
    return false;
  }

  /**
   * Ways to pick one occurrence per group, pairwise disjoint and within the rule's window.
   * One way per anchor occurrence: a 'span' rule keeps the first that is not negated,
   * a 'first' rule keeps every one.
   */
  private satisfy(rule: CompiledRule, sentence: SentenceIndex): Occurrence[][] {
    const perGroup = rule.groups.map((group) => {
      const found: Occurrence[] = [];
      for (const term of group) {
        const occurrences = sentence.occurrences.get(term);
        if (occurrences) for (const occurrence of occurrences) found.push(occurrence);
      }
      return found;
    });
    if (perGroup.some((list) => list.length === 0)) return [];
    const found: Occurrence[][] = [];
    for (const anchor of perGroup[0] as Occurrence[]) {
      const chosen = this.completeFrom(anchor, perGroup, rule);
      if (chosen) found.push(chosen);
    }
    return found;
  }

  /** From one anchor: per later group, the occurrence nearest the anchor that overlaps none chosen (and follows, if ordered). */
  private completeFrom(anchor: Occurrence, perGroup: Occurrence[][], rule: CompiledRule): Occurrence[] | null {
    const chosen: Occurrence[] = [anchor];
    let from = anchor.from;
    let to = anchor.to;
    for (let g = 1; g < perGroup.length; g++) {
      const previous = chosen[chosen.length - 1] as Occurrence;
      let best: Occurrence | undefined;
      for (const candidate of perGroup[g] as Occurrence[]) {
        if (rule.ordered && candidate.from < previous.to) continue;
        if (overlapsAny(candidate, chosen)) continue;
        // The first of equally near candidates wins.
        if (!best || Math.abs(candidate.from - anchor.from) < Math.abs(best.from - anchor.from)) best = candidate;
      }
      if (!best) return null;
      chosen.push(best);
      from = Math.min(from, best.from);
      to = Math.max(to, best.to);
    }
    return to - from <= rule.within ? chosen : null;
  }

  /** Negated just before a matched word, resolved, or hypothetical: not a live symptom. */
  private isCancelled(sentence: SentenceIndex, chosen: Occurrence[]): boolean {
    for (const occurrence of chosen) {
      for (let i = occurrence.from - 1; i >= Math.max(sentence.from, occurrence.from - NEGATION_WINDOW) && !(sentence.tokens[i] as Token).pauseAfter; i--) {
        if (!covers(chosen, i) && NEGATORS.has(sentence.norms[i] as string)) return true;
      }
    }
    const { from: first, to } = spanOf(chosen);
    // "Nobody in the business has gone around us": a negated subject negates its clause.
    const firstClauseStart = sentence.clause.indexOf(sentence.clause[first] as number, sentence.from);
    if (!covers(chosen, firstClauseStart) && SUBJECT_NEGATORS.has(sentence.norms[firstClauseStart] as string)) return true;
    // Resolution and hypothesis reach only the clauses the match spans: "not using IT anymore; going to a consultancy".
    const firstClause = sentence.clause[first] as number;
    const lastClause = sentence.clause[to - 1] as number;
    const inScope = (o: Occurrence) => !overlapsAny(o, chosen) && (sentence.clause[o.from] as number) >= firstClause && (sentence.clause[o.from] as number) <= lastClause;
    const endsClause = (o: Occurrence) => o.to >= sentence.to || sentence.clause[o.to] !== sentence.clause[o.to - 1];
    const cues = (sentence.cues ??= this.cuesIn(sentence));
    for (const o of cues.resolution) if (inScope(o) && (!this.clauseFinalCues.has(o.term) || endsClause(o))) return true;
    for (const o of cues.hypothetical) if (o.to <= first && inScope(o)) return true;
    return false;
  }

  /** The sentence's resolution and hypothesis cues, gathered once for all its candidate matches. */
  private cuesIn(sentence: SentenceIndex): { resolution: Occurrence[]; hypothetical: Occurrence[] } {
    const cues = { resolution: [] as Occurrence[], hypothetical: [] as Occurrence[] };
    for (const [term, occurrences] of sentence.occurrences) {
      const kind = this.cueKind[term] as number;
      if (kind & RESOLUTION_CUE) cues.resolution.push(...occurrences);
      if (kind & HYPOTHETICAL_CUE) cues.hypothetical.push(...occurrences);
    }
    return cues;
  }

  private anyOccurs(sentence: SentenceIndex, terms: number[]): boolean {
    return terms.some((term) => (sentence.occurrences.get(term)?.length ?? 0) > 0);
  }
}

/** A snapshot's state line decoded, and its term lines as they are (see SymptomMatcher.snapshot). */
function splitSnapshot(snapshot: string, symptomById: ReadonlyMap<string, Symptom>): CompiledState {
  const stateEnd = snapshot.indexOf('\n');
  const state = decodeSnapshot(stateEnd === -1 ? snapshot : snapshot.slice(0, stateEnd), symptomById) as Omit<CompiledState, 'termTexts'>;
  const termTexts = stateEnd === -1 ? [] : snapshot.slice(stateEnd + 1).split('\n');
  if (termTexts.length !== state.termNodeCounts.length) throw new Error(`matcher snapshot: ${termTexts.length} term lines for ${state.termNodeCounts.length} terms`);
  return { ...state, termTexts };
}

/** Headings and contexts recur in every paragraph under them: each is classified once. */
const offTopicHeadings = new Map<string, boolean>();
/** heading -> column header -> context: the document's own strings are the keys, so no key is built per paragraph. */
const contexts = new Map<string, Map<string, SegmentContext>>();
const MAX_REMEMBERED_CONTEXTS = 10_000;

type SegmentContext = 'positive' | 'past' | 'plain';

/** What the nearest heading and the table column say of a paragraph: wins and plans, the past, or neither. */
function contextOf(heading: string, columnHeader: string): SegmentContext {
  let byColumn = contexts.get(heading);
  if (!byColumn) {
    if (contexts.size >= MAX_REMEMBERED_CONTEXTS) contexts.clear();
    contexts.set(heading, (byColumn = new Map()));
  }
  let context = byColumn.get(columnHeader);
  if (context === undefined) {
    const text = `${heading} | ${columnHeader}`;
    context = isPositiveContext(text) ? 'positive' : PAST_CONTEXT.test(text) ? 'past' : 'plain';
    byColumn.set(columnHeader, context);
  }
  return context;
}

function remembered(cache: Map<string, boolean>, key: string, classify: (key: string) => boolean): boolean {
  let known = cache.get(key);
  if (known === undefined) {
    known = classify(key);
    if (cache.size >= MAX_REMEMBERED_CONTEXTS) cache.clear();
    cache.set(key, known);
  }
  return known;
}

function isOffTopicHeading(heading: string): boolean {
  return remembered(offTopicHeadings, heading, (text) => DISCUSSION_HEADING.test(text) || HYPOTHETICAL_HEADING.test(text));
}

function isPositiveContext(text: string): boolean {
  return (POSITIVE_CONTEXT.test(text) && !NEGATIVE_CONTEXT.test(text)) || ACTION_CONTEXT.test(text);
}

/** "Built the rota app as if every nurse works nine to five": a comparison, not a hypothesis. */
function isAsIf(sentence: SentenceIndex, cue: Occurrence): boolean {
  return sentence.norms[cue.from] === 'if' && cue.from > sentence.from && sentence.norms[cue.from - 1] === 'as';
}

/** Words that end what follows them: "the business stopped changing priorities" is a resolution. */
const CESSATION = new Set(['stopped', 'stop', 'stops', 'ended', 'ceased', 'quit']);

/**
 * A cessation word just before one of the model's strongest words (not itself among them: "I've
 * stopped answering their calls" is the symptom) ends what the model saw.
 */
function isCeased(sentence: SentenceIndex, evidence: readonly { from: number; to: number }[]): boolean {
  const isEvidence = (i: number) => evidence.some((range) => i >= range.from && i < range.to);
  for (const range of evidence) {
    for (let i = range.from - 1; i >= Math.max(sentence.from, range.from - NEGATION_WINDOW) && !(sentence.tokens[i] as Token).pauseAfter; i--) {
      if (!isEvidence(i) && CESSATION.has(sentence.norms[i] as string)) return true;
    }
  }
  return false;
}

/** "Red tape? Not this time." A short question answered by a negation is not a symptom. */
function isAnsweredNo(text: string, sentence: SentenceIndex, next: SentenceIndex | undefined): boolean {
  const last = sentence.tokens[sentence.to - 1];
  if (!last || !next || text[last.end] !== '?') return false;
  const answer = (next.tokens[next.from] as Token).norm;
  return SUBJECT_NEGATORS.has(answer) || answer === 'nope' || answer === 'not';
}

/** Per symptom, the most confident matches that do not overlap one another. */
function keepStrongestPerSpan(candidates: Match[]): Match[] {
  if (candidates.length <= 1) return candidates;
  const kept: Match[] = [];
  const byConfidence = [...candidates].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  for (const candidate of byConfidence) {
    if (!kept.some((k) => k.symptom.id === candidate.symptom.id && overlaps(k, candidate))) kept.push(candidate);
  }
  const superseded = (match: Match) => kept.some((other) => other.symptom.supersedes.includes(match.symptom.id) && overlaps(other, match));
  return kept.filter((match) => !superseded(match)).sort((a, b) => a.start - b.start);
}

/** The token range from the earliest start to the latest end of the occurrences. */
function spanOf(occurrences: readonly Occurrence[]): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const o of occurrences) {
    if (o.from < from) from = o.from;
    if (o.to > to) to = o.to;
  }
  return { from, to };
}

function overlapsAny(occurrence: Occurrence, others: readonly Occurrence[]): boolean {
  for (const other of others) if (occurrence.from < other.to && other.from < occurrence.to) return true;
  return false;
}

function covers(occurrences: readonly Occurrence[], index: number): boolean {
  for (const o of occurrences) if (index >= o.from && index < o.to) return true;
  return false;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
