import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileTerm, matchTermAt, PatternError, type CompiledTerm } from '../../src/core/matcher/pattern';
import { fileTerm, TermScanner } from '../../src/core/matcher/termScanner';
import { tokenize, expandWord } from '../../src/core/matcher/tokenize';

const norms = (text: string) => tokenize(text).map((token) => token.norm);
const matches = (pattern: string, text: string, lexicons = {}) => {
  const term = compileTerm(pattern, lexicons);
  const words = norms(text);
  return words.some((_, index) => matchTermAt(term, words, index, words.length) > index);
};

describe('tokenizer', () => {
  it('expands contractions and straightens curly apostrophes', () => {
    assert.deepEqual(norms('We’ve given up; IT doesn’t, won’t, can’t'), ['we', 'have', 'given', 'up', 'IT', 'does', 'not', 'will', 'not', 'can', 'not']);
  });
  it('keeps the department IT apart from the pronoun it', () => {
    assert.deepEqual(norms("IT broke it. It's IT's"), ['IT', 'broke', 'it', 'it', 'is', 'IT']);
  });
  it('knows apostrophe-less chat spellings', () => {
    assert.deepEqual(expandWord('doesnt'), ['does', 'not']);
  });
  it('ends sentences at . ! ? but not after abbreviations or initials', () => {
    const ends = tokenize('We met e.g. Mr. Smith. Then left! Why? ok').filter((t) => t.sentenceEnd).map((t) => t.norm);
    assert.deepEqual(ends, ['smith', 'left', 'why', 'ok']);
  });
  it('keeps every token inside the text and on its word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const token of tokenize(text)) {
          assert.ok(token.start >= 0 && token.end <= text.length && token.start < token.end);
        }
      }),
    );
  });
});

describe('pattern language', () => {
  it('matches words, prefixes, alternatives and optional slots', () => {
    assert.ok(matches('requirement* surfac*/emerg* late?', 'Requirements surfaced'));
    assert.ok(matches('requirement* surfac*/emerg* late?', 'the requirement emerged late'));
    assert.ok(!matches('requirement* surfac*/emerg*', 'requirements appeared'));
  });
  it('groups multi-word alternatives in parentheses', () => {
    assert.ok(matches('(gave up|tired of) waiting', 'we are tired of waiting'));
    assert.ok(matches('(gave up|tired of) waiting', 'they gave up waiting'));
    assert.ok(!matches('(gave up|tired of) waiting', 'they gave waiting'));
  });
  it('allows a bounded gap of up to three words', () => {
    assert.ok(matches('cost .. twice', 'cost roughly about nearly twice'));
    assert.ok(!matches('cost .. twice', 'cost one two three four twice'));
  });
  it('expands word lists', () => {
    assert.ok(matches('the? @it team', 'the dev team', { it: ['dev/ops'] }));
  });
  it('treats IT in a pattern as the department only', () => {
    assert.ok(matches('IT is slow', 'IT is slow'));
    assert.ok(!matches('IT is slow', 'it is slow'));
    assert.ok(matches('it is slow', 'IT is slow'));
  });
  for (const [pattern, reason] of [
    ['.. late', /gap/],
    ['a?', /nothing at all/],
    ['ab* late', /at least 3 letters/],
    ['@missing', /unknown word list/],
    ['(a b', /unbalanced/],
    ['a ((b))', /nested/],
    ['foo[bar]', /not a word/],
    ['x (a|b)c', /whole slot/],
  ] as const) {
    it(`refuses ${JSON.stringify(pattern)}`, () => assert.throws(() => compileTerm(pattern, {}), (error: Error) => error instanceof PatternError && reason.test(error.message)));
  }
  it('refuses a pattern whose word lists explode', () => {
    const lexicons = { a: ['w1/w2/w3/w4/w5/w6/w7/w8/w9/w10 x1/x2/x3/x4/x5 y1/y2/y3/y4'] as string[], b: [] as string[] };
    lexicons.b = Array.from({ length: 400 }, () => '@a @a');
    assert.throws(() => compileTerm('@b @b', lexicons), /too large|nest/);
  });
  it('costs at most pattern size per start position, whatever the input (no backtracking)', () => {
    // The classic catastrophic shapes for regexes: nested optionals and repeated gaps.
    const term = compileTerm('a a? a? a? a? .. a? .. a? .. b');
    const words = Array.from({ length: 20000 }, () => 'a');
    let matched = 0;
    for (let i = 0; i < words.length; i++) if (matchTermAt(term, words, i, words.length) > i) matched += 1;
    assert.equal(matched, 0);
  });
});

describe('all terms at once (TermScanner)', () => {
  const vocabulary = ['a', 'b', 'the', 'it', 'IT', 'late', 'requirements', 'requirement', 'surfaced', 'emerged', 'cost', 'twice', '12', '3rd', 'two', 'tired', 'of', 'waiting', 'gave', 'up', 'x'];
  const sources = ['a', 'a b', 'a? b late', 'the? it late', 'IT late', 'requirement* surfac*/emerg* late?', 'cost .. twice', '# x', 'two/# a', '(gave up|tired of) waiting?', 'a .. a .. b', 'req* a? a? b', 'late', 'it'];
  const terms: CompiledTerm[] = [];
  const byFirstWord = new Map<string, number[]>();
  const byFirstPrefix = new Map<string, { prefix: string; term: number }[]>();
  for (const source of sources) {
    const term = compileTerm(source);
    terms.push(term);
    fileTerm(term, terms.length - 1, { byFirstWord, byFirstPrefix });
  }
  const index = { nodeCounts: Int32Array.from(terms, (term) => term.edges.length), termAt: (id: number) => terms[id] as CompiledTerm, byFirstWord, byFirstPrefix };

  it("finds exactly each term's longest match from each start, as running the terms one by one does", () => {
    // The second scanner keeps almost nothing, so it starts its cache over mid-walk all the time.
    const scanners = [new TermScanner(index), new TermScanner(index, { states: 3, transitions: 4 })];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }), fc.nat(5), fc.nat(1), (words, cut, which) => {
        const from = Math.min(cut, words.length);
        const found: string[] = [];
        (scanners[which] as TermScanner).scan(words, from, words.length, ({ term, from: start, to }) => found.push(`${term}@${start}-${to}`));
        const expected: string[] = [];
        for (let start = from; start < words.length; start++) {
          terms.forEach((term, id) => {
            const end = matchTermAt(term, words, start, words.length);
            if (end > start) expected.push(`${id}@${start}-${end}`);
          });
        }
        assert.deepEqual(found.sort(), expected.sort());
      }),
      { numRuns: 500 },
    );
  });
});
