import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { RecentCache } from '../../src/core/recentCache';

type Operation = { kind: 'set'; key: number; value: number } | { kind: 'get'; key: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 12 }), value: fc.integer() }),
  fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 12 }) }),
);

describe('RecentCache', () => {
  it('never answers with a value other than the last one set, and holds at most two generations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(operation, { maxLength: 80 }), (generationSize, operations) => {
        const cache = new RecentCache<number, number>(generationSize);
        const lastSet = new Map<number, number>();
        for (const op of operations) {
          if (op.kind === 'set') {
            cache.set(op.key, op.value);
            lastSet.set(op.key, op.value);
          } else {
            const value = cache.get(op.key);
            if (value !== undefined) assert.equal(value, lastSet.get(op.key));
          }
          assert.ok(cache.size <= 2 * generationSize, `size ${cache.size} over ${2 * generationSize}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a key set fewer than a generation of operations ago', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(operation, { maxLength: 30 }), fc.array(operation, { maxLength: 5 }), (generationSize, before, after) => {
        const cache = new RecentCache<number, number>(generationSize);
        const apply = (op: Operation) => (op.kind === 'set' ? cache.set(op.key, op.value) : cache.get(op.key));
        before.forEach(apply);
        cache.set(99, 7);
        after.slice(0, generationSize - 1).forEach(apply);
        assert.equal(cache.get(99), 7);
      }),
      { numRuns: 1000 },
    );
  });

  it('drops what was not used for two generations, keeps what was used again', () => {
    const cache = new RecentCache<string, number>(2);
    cache.set('old', 1);
    cache.set('kept', 2);
    for (let i = 0; i < 3; i++) {
      assert.equal(cache.get('kept'), 2);
      cache.set(`filler ${i}`, i);
    }
    assert.equal(cache.get('old'), undefined);
    assert.equal(cache.get('kept'), 2);
    cache.clear();
    assert.equal(cache.get('kept'), undefined);
    assert.equal(cache.size, 0);
  });

  it('refuses a generation size below one', () => {
    assert.throws(() => new RecentCache(0), /at least 1/);
    assert.throws(() => new RecentCache(Number.NaN), /at least 1/);
  });
});
