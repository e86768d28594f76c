import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { utf8ByteLength } from '../../src/core/text/utf8';

describe('utf8ByteLength', () => {
  it('counts what Buffer.byteLength counts, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'é', '€', '😀', '\ud800', '\udc00', '\r\n'), fc.string({ unit: 'binary', maxLength: 3 })), maxLength: 60 }), (text) => {
        assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8'));
      }),
      { numRuns: 2000 },
    );
  });
});
