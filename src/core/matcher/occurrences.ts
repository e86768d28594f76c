import type { TermOccurrence } from './termScanner';

/** Where the scanner reports what it finds: a term's match over tokens [from, to). */
export interface OccurrenceSink {
  add(term: number, from: number, to: number): void;
}

/**
 * A sentence's term occurrences, kept as numbers as the scanner reports them and made into objects
 * only for the terms a rule or cue asks about: a retro's words start ~2 occurrences each, and most
 * belong to terms no rule of their sentence needs (an object each was a good part of the GC).
 * Terms come out in the order first found, each term's occurrences in the order found.
 */
export class SentenceOccurrences implements OccurrenceSink {
  /** Per occurrence: term, from, to, and the index of the term's next occurrence here (-1: none). */
  private readonly flat: number[] = [];
  private readonly firstOf = new Map<number, number>();
  private made: Map<number, TermOccurrence[]> | undefined;
  private readonly stamp: number;

  /** `scratch` is the matcher's, shared by its sentences: each term's last occurrence while this sentence is scanned. */
  constructor(private readonly scratch: OccurrenceScratch) {
    this.stamp = ++scratch.stamp;
  }

  add(term: number, from: number, to: number): void {
    const at = this.flat.length;
    this.flat.push(term, from, to, -1);
    const { lastAt, stampOf } = this.scratch;
    if (stampOf[term] !== this.stamp) {
      stampOf[term] = this.stamp;
      this.firstOf.set(term, at);
    } else this.flat[(lastAt[term] as number) + 3] = at;
    lastAt[term] = at;
  }

  /** How many distinct terms occur. */
  get size(): number {
    return this.firstOf.size;
  }

  has(term: number): boolean {
    return this.firstOf.has(term);
  }

  /** The distinct terms, in the order first found. */
  terms(): IterableIterator<number> {
    return this.firstOf.keys();
  }

  /** The term's occurrences in the order found; the same objects every time. */
  get(term: number): readonly TermOccurrence[] | undefined {
    const first = this.firstOf.get(term);
    if (first === undefined) return undefined;
    const made = (this.made ??= new Map());
    let list = made.get(term);
    if (!list) {
      list = [];
      for (let at = first; at !== -1; at = this.flat[at + 3] as number) list.push({ term, from: this.flat[at + 1] as number, to: this.flat[at + 2] as number });
      made.set(term, list);
    }
    return list;
  }
}

/** Per term (by id): where its last occurrence went, and for which sentence (stamp). Sized to the catalog's terms. */
export interface OccurrenceScratch {
  lastAt: Int32Array;
  stampOf: Int32Array;
  stamp: number;
}

export function occurrenceScratch(terms: number): OccurrenceScratch {
  return { lastAt: new Int32Array(terms), stampOf: new Int32Array(terms), stamp: 0 };
}
