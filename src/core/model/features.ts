import { stemmer } from 'stemmer';
import type { Token } from '../matcher/tokenize';
import { actorOf, type ActorKind } from './actors';

/**
 * The sentence model's view of a sentence: hashed features, each remembering the tokens it came
 * from, so a score can be explained in the writer's own words and pinned to a clause.
 * Trainer and runtime both call `sentenceFeatures`: one definition, no drift.
 */
export interface SentenceFeatures {
  /** FNV-1a hashes of the feature strings; the first `words` are the words' own (one per token, in order). */
  hashes: number[];
  words: number;
  /**
   * One side visibly speaks of the other: IT, the business, analysts or an outside firm is named, or
   * "we" and "they" meet in the sentence.
   */
  anchored: boolean;
  /** Token index (into the given tokens) of each feature's first and last word; -1 for sentence-wide marks. */
  firstToken: number[];
  lastToken: number[];
}

/** Words that open a negation scope; the scope runs to the next pause (comma, clause end). */
const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'hardly', 'barely', 'noone']);

/** "user stories", "user flow": artefacts, not the business speaking or spoken of. */
const NOT_PEOPLE_AFTER_USER = new Set(['story', 'stories', 'flow', 'flows', 'interface', 'interfaces', 'experience', 'journey', 'journeys', 'guide', 'manual', 'persona', 'personas', 'id', 'ids', 'account', 'accounts', 'profile', 'profiles', 'data', 'table', 'model', 'management']);

/** British spellings folded to American before stemming, so "prioritise" and "prioritize" agree. */
const SPELLING_EXCEPTIONS = new Set(['raise', 'promise', 'advise', 'exercise', 'otherwise', 'wise', 'precise', 'surprise', 'enterprise', 'premise', 'expertise', 'compromise', 'franchise', 'revise', 'supervise', 'devise', 'despise', 'concise', 'merchandise', 'rise', 'noise', 'praise', 'cruise', 'bruise', 'arise', 'disguise', 'televise', 'improvise', 'chastise', 'apprise', 'comprise', 'excise', 'incise', 'reprise']);
const BRITISH_ISE = /^(.{3,}?)is(e|ed|es|ing|ation|ations|er|ers)$/;
const BRITISH_WORDS: Record<string, string> = {
  programme: 'program', programmes: 'programs', colour: 'color', behaviour: 'behavior', favour: 'favor', centre: 'center',
  centres: 'centers', analyse: 'analyze', analysed: 'analyzed', analysing: 'analyzing', catalogue: 'catalog', cheque: 'check', licence: 'license',
};

const stemCache = new Map<string, string>();
const MAX_STEMS = 50_000;

/** A word's stem: spelling folded, Porter-stemmed, numbers collapsed; the department "IT" keeps its capitals. */
export function stemOf(norm: string): string {
  let stem = stemCache.get(norm);
  if (stem !== undefined) return stem;
  if (norm === 'IT') stem = 'IT';
  else if (/^\d/.test(norm)) stem = '#';
  else {
    let word = BRITISH_WORDS[norm] ?? norm;
    const ise = BRITISH_ISE.exec(word);
    if (ise && !SPELLING_EXCEPTIONS.has(`${ise[1]}ise`)) word = `${ise[1]}iz${ise[2]}`;
    stem = stemmer(word);
  }
  if (stemCache.size >= MAX_STEMS) stemCache.clear();
  stemCache.set(norm, stem);
  return stem;
}

/** 32-bit FNV-1a of a string; features live only as these numbers in the model file. */
export function featureHash(text: string): number {
  return feedHash(FNV_OFFSET, text) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a continued over more text: pairs hash as "b:" + one + " " + two without building the string. */
function feedHash(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

const SPACE = 32;
const UNIGRAM = feedHash(FNV_OFFSET, 'u:');
const NEGATED = feedHash(FNV_OFFSET, 'n:');
const BIGRAM = feedHash(FNV_OFFSET, 'b:');
const SKIP_BIGRAM = feedHash(FNV_OFFSET, 's:');

/** The hash of prefix + one + " " + two, as featureHash would give it. */
function pairHash(prefix: number, one: string, two: string): number {
  const hash = Math.imul(feedHash(prefix, one) ^ SPACE, 0x01000193);
  return feedHash(hash, two) >>> 0;
}

/**
 * Features of tokens[from, to): unigram stems (negated ones marked), stem bigrams, skip-bigrams,
 * quotation, and who is spoken of (IT, the business, analysts, outsiders, we, they) with their pairs.
 * `text` is the scanned text the tokens point into (for quotation marks).
 */
export function sentenceFeatures(tokens: readonly Token[], from: number, to: number, text: string): SentenceFeatures {
  const features: SentenceFeatures = { hashes: [], words: to - from, anchored: false, firstToken: [], lastToken: [] };
  const addHash = (hash: number, first: number, last: number) => {
    features.hashes.push(hash);
    features.firstToken.push(first);
    features.lastToken.push(last);
  };
  const add = (name: string, first: number, last: number) => addHash(featureHash(name), first, last);
  const stems: string[] = [];
  const actors = new Map<ActorKind, number>();
  let negated = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as Token;
    const stem = stemOf(token.norm);
    stems.push(stem);
    const actor = actorOf(token.norm);
    if (actor && !actors.has(actor) && !(actor === 'business' && NOT_PEOPLE_AFTER_USER.has(tokens[i + 1]?.norm ?? '') && (token.norm === 'user' || token.norm === 'users'))) actors.set(actor, i);
    addHash(feedHash(negated ? NEGATED : UNIGRAM, stem) >>> 0, i, i);
    if (token.pauseAfter) negated = false;
    else if (NEGATORS.has(token.norm)) negated = true;
  }
  for (const [actor, at] of actors) add(`a:${actor}`, at, at);
  for (let i = 0; i + 1 < stems.length; i++) {
    addHash(pairHash(BIGRAM, stems[i] as string, stems[i + 1] as string), from + i, from + i + 1);
    if (i + 2 < stems.length) addHash(pairHash(SKIP_BIGRAM, stems[i] as string, stems[i + 2] as string), from + i, from + i + 2);
  }
  features.anchored = actors.has('it') || actors.has('business') || actors.has('analyst') || actors.has('outside') || (actors.has('self') && actors.has('others'));
  // Sentence-wide marks: who is spoken of, together, and whether someone is quoted.
  const kinds = [...actors.keys()].sort();
  for (let a = 0; a < kinds.length; a++) for (let b = a + 1; b < kinds.length; b++) add(`p:${kinds[a]}+${kinds[b]}`, -1, -1);
  if (kinds.length === 0) add('p:nobody', -1, -1);
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first && last && /["\u201c\u201d]/.test(text.slice(first.start, last.end + 1))) add('q:quoted', -1, -1);
  if (stems.length <= 4) add('len:short', -1, -1);
  else if (stems.length >= 30) add('len:long', -1, -1);
  add('bias', -1, -1);
  return features;
}
