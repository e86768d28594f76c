import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { occurrenceScratch, SentenceOccurrences } from '../../src/core/matcher/occurrences';

const TERMS = 12;
const occurrence = fc.record({ term: fc.nat(TERMS - 1), from: fc.nat(40), length: fc.integer({ min: 1, max: 5 }) });

describe('sentence occurrences', () => {
  it('answer as a Map of term -> occurrences in the order found would, sentence after sentence on one scratch', () => {
    const scratch = occurrenceScratch(TERMS);
    fc.assert(
      fc.property(fc.array(fc.array(occurrence, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), (sentences) => {
        for (const found of sentences) {
          const occurrences = new SentenceOccurrences(scratch);
          const expected = new Map<number, { term: number; from: number; to: number }[]>();
          for (const { term, from, length } of found) {
            occurrences.add(term, from, from + length);
            const list = expected.get(term) ?? [];
            list.push({ term, from, to: from + length });
            expected.set(term, list);
          }
          assert.equal(occurrences.size, expected.size);
          assert.deepEqual([...occurrences.terms()], [...expected.keys()]);
          for (let term = 0; term < TERMS; term++) {
            assert.equal(occurrences.has(term), expected.has(term));
            assert.deepEqual(occurrences.get(term), expected.get(term));
          }
          const first = [...expected.keys()][0];
          if (first !== undefined) assert.equal(occurrences.get(first), occurrences.get(first), 'the same objects every time');
        }
      }),
      { numRuns: 500 },
    );
  });
});
