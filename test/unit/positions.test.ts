import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLineStarts, LineIndex } from '../../src/core/markdown/positions';

/** Line starts by the definition: after every "\r\n", "\n" and lone "\r", one character at a time. */
function lineStartsByDefinition(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i += 1;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

const lineText = fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '\n\r', '😀'), { maxLength: 40 }).map((parts) => parts.join(''));

describe('line starts', () => {
  it('split at \\n, \\r\\n and a lone \\r, with and without any \\r in the text', () => {
    fc.assert(
      fc.property(lineText, (text) => {
        assert.deepEqual(computeLineStarts(text), lineStartsByDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('give VS Code positions: an offset in a \\r\\n belongs to the end of its line', () => {
    const lines = new LineIndex('one\r\ntwo\nthree\rfour');
    assert.deepEqual(lines.lineStarts, [0, 5, 9, 15]);
    assert.deepEqual(lines.positionAt(4), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(10), { line: 2, character: 1 });
    assert.equal(lines.lineText(3), 'four');
  });
});
