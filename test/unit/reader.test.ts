// Tests of the markdown reader (src/core/markdown): exact positions, masking of non-prose,
// block structure, front matter, the health section, suppressions, and soundness against markdown-it.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt, { type Token as MarkdownToken } from 'markdown-it';
import { readRetro, type ProseSegment, type RetroDocument } from '../../src/core/markdown/reader';
import { isSuppressed } from '../../src/core/markdown/suppressions';
import { readFrontMatter } from '../../src/core/markdown/frontMatter';

const WORD = /[A-Za-z]+/g;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The segment whose range holds [offset, offset + length), if any. */
function segmentAround(doc: RetroDocument, offset: number, length: number): ProseSegment | undefined {
  return doc.segments.find((segment) => segment.start <= offset && offset + length <= segment.end);
}

/** Asserts `word` occurs in doc.text at `offset` and a segment shows it there, unmasked. Returns that segment. */
function assertVisibleAt(doc: RetroDocument, word: string, offset: number): ProseSegment {
  assert.equal(doc.text.slice(offset, offset + word.length), word, `document text has ${JSON.stringify(word)} at ${offset}`);
  const segment = segmentAround(doc, offset, word.length);
  assert.ok(segment, `a segment covers ${JSON.stringify(word)} at ${offset}; segments: ${dump(doc)}`);
  const local = offset - segment.start;
  assert.equal(segment.text.slice(local, local + word.length), word, `${JSON.stringify(word)} is unmasked in its segment`);
  return segment;
}

/** Finds the nth occurrence (default first) of `word` in the document text and asserts it is visible there. */
function assertVisible(doc: RetroDocument, word: string, occurrence = 0): ProseSegment {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = doc.text.indexOf(word, offset + 1);
    assert.notEqual(offset, -1, `occurrence ${i} of ${JSON.stringify(word)} exists`);
  }
  return assertVisibleAt(doc, word, offset);
}

/** Asserts no segment shows `word` as a whole word anywhere. */
function assertHidden(doc: RetroDocument, word: string): void {
  const pattern = new RegExp(`(?<![A-Za-z])${word}(?![A-Za-z])`);
  for (const segment of doc.segments) {
    assert.ok(!pattern.test(segment.text), `${JSON.stringify(word)} is masked, but segment shows ${JSON.stringify(segment.text)}`);
  }
}

function dump(doc: RetroDocument): string {
  return JSON.stringify(doc.segments.map((s) => [s.kind, s.start, s.end, s.text]));
}

function segmentContaining(doc: RetroDocument, word: string): ProseSegment {
  return assertVisible(doc, word);
}

// ---------------------------------------------------------------------------------------------
// Structural invariants shared by the example and property tests.

/** (b) each segment's text is the source slice with some non-newline characters replaced by spaces. */
function assertSegmentsMirrorSource(doc: RetroDocument): void {
  for (const segment of doc.segments) {
    const source = doc.text.slice(segment.start, segment.end);
    assert.equal(segment.text.length, source.length, `segment ${segment.start}-${segment.end} has the slice's length`);
    for (let i = 0; i < source.length; i++) {
      const shown = segment.text[i];
      const original = source[i];
      if (shown === original) continue;
      assert.ok(
        shown === ' ' && original !== '\n' && original !== '\r',
        `segment ${segment.start}-${segment.end} differs from source at ${i}: ${JSON.stringify(shown)} vs ${JSON.stringify(original)}`,
      );
    }
  }
}

/** (c) segments are integer ranges inside the text, in order, and do not overlap. */
function assertSegmentsWellFormed(doc: RetroDocument): void {
  let previousEnd = 0;
  for (const segment of doc.segments) {
    assert.ok(Number.isInteger(segment.start) && Number.isInteger(segment.end), `integer bounds: ${dump(doc)}`);
    assert.ok(segment.start >= 0 && segment.start <= segment.end && segment.end <= doc.text.length, `bounds inside text: ${dump(doc)}`);
    assert.ok(segment.start >= previousEnd, `segments ordered and not overlapping: ${dump(doc)}`);
    previousEnd = segment.end;
  }
}

// ---------------------------------------------------------------------------------------------
// markdown-it as the oracle for what is prose.

const markdownIt = new MarkdownIt({ html: true });
const BARE_URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>]*/g;
const ENTITY = /&(?:#[xX]?[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/g;

interface Oracle {
  /** Multiset of the words markdown-it renders as text (bare URLs and autolink texts excluded). */
  prose: Map<string, number>;
  /** Words markdown-it finds only in inline code, inline HTML, link/image destinations, titles and image alts. */
  hidden: Set<string>;
  /** Line ranges [first, end) of fenced code, indented code and HTML blocks. */
  codeBlocks: [number, number][];
}

function count(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function oracle(doc: RetroDocument): Oracle {
  // The reader deliberately drops front matter; give markdown-it the same document without it.
  const lines = doc.text.split('\n');
  for (let i = 0; i < doc.frontMatter.lineCount; i++) lines[i] = '';
  const tokens = markdownIt.parse(lines.join('\n'), {});
  const prose: string[] = [];
  const nonProse = new Set<string>();
  const codeBlocks: [number, number][] = [];
  const addNonProse = (text: string | number | null | undefined) => {
    for (const word of wordsOf(String(text ?? ''))) nonProse.add(word);
  };
  const walkInline = (children: MarkdownToken[]) => {
    let autolinkDepth = 0;
    for (const token of children) {
      if (token.type === 'link_open') {
        addNonProse(token.attrGet('href'));
        addNonProse(token.attrGet('title'));
        if (token.markup === 'autolink' || token.markup === 'linkify') autolinkDepth += 1;
      } else if (token.type === 'link_close') {
        if (token.markup === 'autolink' || token.markup === 'linkify') autolinkDepth -= 1;
      } else if (token.type === 'text') {
        if (autolinkDepth === 0) prose.push(...wordsOf(token.content.replace(BARE_URL_IN_TEXT, ' ')));
      } else if (token.type === 'code_inline' || token.type === 'html_inline') {
        addNonProse(token.content);
      } else if (token.type === 'image') {
        addNonProse(token.attrGet('src'));
        addNonProse(token.attrGet('title'));
        addNonProse(token.content);
      }
    }
  };
  for (const token of tokens) {
    if (token.type === 'inline') walkInline(token.children ?? []);
    else if ((token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') && token.map) {
      codeBlocks.push([token.map[0], token.map[1]]);
    }
  }
  const proseCounts = count(prose);
  return { prose: proseCounts, hidden: new Set([...nonProse].filter((word) => !proseCounts.has(word))), codeBlocks };
}

function visibleWords(doc: RetroDocument): string[] {
  return doc.segments.flatMap((segment) => wordsOf(segment.text.replace(ENTITY, ' ')));
}

/**
 * (a) markdown-it's prose words are all visible; words it sees only inside inline code, inline HTML
 * or URLs never are; no segment touches a line of a code or HTML block. Then (b) and (c).
 */
function assertAgreesWithMarkdownIt(source: string): void {
  const doc = readRetro(source);
  const { prose, hidden, codeBlocks } = oracle(doc);
  const visible = count(visibleWords(doc));
  for (const [word, expected] of prose) {
    assert.ok(
      (visible.get(word) ?? 0) >= expected,
      `prose word ${JSON.stringify(word)} appears ${expected}x in markdown-it text but ${visible.get(word) ?? 0}x in segments of ${JSON.stringify(source)}: ${dump(doc)}`,
    );
  }
  for (const word of visible.keys()) {
    assert.ok(
      !hidden.has(word),
      `non-prose word ${JSON.stringify(word)} (inline code/HTML/URL for markdown-it) is visible in segments of ${JSON.stringify(source)}: ${dump(doc)}`,
    );
  }
  for (const segment of doc.segments) {
    if (segment.start === segment.end) continue;
    const first = doc.lines.positionAt(segment.start).line;
    const last = doc.lines.positionAt(segment.end - 1).line;
    for (const [blockStart, blockEnd] of codeBlocks) {
      assert.ok(
        last < blockStart || first >= blockEnd,
        `segment on lines ${first}-${last} overlaps a code/HTML block on lines ${blockStart}-${blockEnd - 1} of ${JSON.stringify(source)}: ${dump(doc)}`,
      );
    }
  }
  assertSegmentsMirrorSource(doc);
  assertSegmentsWellFormed(doc);
}

// =============================================================================================

describe('readRetro: exact positions', () => {
  const LF = [
    '# Sprint 12 retro',
    '',
    '## What went well',
    '',
    'The business signed off the **rollout** early.',
    '- Ops and dev paired on the outage',
    '',
  ].join('\n');

  it('LF document: word offsets map to the right segment, line and column', () => {
    const doc = readRetro(LF);
    assert.equal(doc.hasBom, false);
    assert.equal(doc.text, LF);
    const offset = LF.indexOf('rollout');
    const segment = assertVisibleAt(doc, 'rollout', offset);
    assert.equal(segment.kind, 'paragraph');
    assert.deepEqual(doc.lines.positionAt(offset), { line: 4, character: 30 });
    const outage = LF.indexOf('outage');
    assertVisibleAt(doc, 'outage', outage);
    assert.deepEqual(doc.lines.positionAt(outage), { line: 5, character: 28 });
    assert.deepEqual(doc.lines.positionAt(LF.indexOf('went')), { line: 2, character: 8 });
    assert.equal(doc.lines.offsetAt({ line: 4, character: 30 }), offset);
  });

  it('CRLF document: same lines and columns, \\r stays on its line and out of segment ends', () => {
    const crlf = LF.replace(/\n/g, '\r\n');
    const doc = readRetro(crlf);
    const offset = crlf.indexOf('rollout');
    assertVisibleAt(doc, 'rollout', offset);
    assert.deepEqual(doc.lines.positionAt(offset), { line: 4, character: 30 });
    const outage = crlf.indexOf('outage');
    assertVisibleAt(doc, 'outage', outage);
    assert.deepEqual(doc.lines.positionAt(outage), { line: 5, character: 28 });
    const firstCr = crlf.indexOf('\r');
    assert.deepEqual(doc.lines.positionAt(firstCr), { line: 0, character: 17 });
    assert.deepEqual(doc.lines.positionAt(firstCr + 2), { line: 1, character: 0 });
    for (const segment of doc.segments) {
      assert.ok(!segment.text.endsWith('\r') && !segment.text.endsWith('\n'), `segment ends before the line break: ${JSON.stringify(segment.text)}`);
    }
    assert.equal(doc.lines.lineEnd(0), 17);
    assert.equal(doc.lines.lineText(4), 'The business signed off the **rollout** early.');
  });

  it('BOM: excluded from text and from offsets and columns', () => {
    const source = `\uFEFF${LF}`;
    const doc = readRetro(source);
    assert.equal(doc.hasBom, true);
    assert.equal(doc.text, LF);
    const offset = source.indexOf('rollout') - 1;
    assertVisibleAt(doc, 'rollout', offset);
    assert.deepEqual(doc.lines.positionAt(offset), { line: 4, character: 30 });
    const title = doc.segments[0] as ProseSegment;
    assert.equal(title.start, 0);
    assert.equal(title.kind, 'heading');
    assert.equal(title.text, '# Sprint 12 retro');
  });

  it('BOM with CRLF and a BOM-only document', () => {
    const source = `\uFEFF${LF.replace(/\n/g, '\r\n')}`;
    const doc = readRetro(source);
    const offset = source.indexOf('outage') - 1;
    assertVisibleAt(doc, 'outage', offset);
    assert.deepEqual(doc.lines.positionAt(offset), { line: 5, character: 28 });
    const empty = readRetro('\uFEFF');
    assert.equal(empty.text, '');
    assert.equal(empty.hasBom, true);
    assert.deepEqual(empty.segments, []);
  });

  it('no final newline: the last segment ends at the end of the text', () => {
    const source = 'First paragraph.\n\nThe final word is blocker';
    const doc = readRetro(source);
    const offset = source.indexOf('blocker');
    const segment = assertVisibleAt(doc, 'blocker', offset);
    assert.equal(segment.end, source.length);
    assert.equal(segment.start, source.indexOf('The final'));
    assert.deepEqual(doc.lines.positionAt(offset), { line: 2, character: 18 });
    assert.deepEqual(doc.lines.positionAt(source.length), { line: 2, character: 25 });
    assert.deepEqual(doc.lines.positionAt(source.length + 10), { line: 2, character: 25 }, 'clamped past the end');
    assert.deepEqual(doc.lines.positionAt(-3), { line: 0, character: 0 }, 'clamped before the start');
  });

  it('front matter: prose after it keeps document lines and columns', () => {
    const source = ['---', 'date: 2026-03-14', 'team: Payments', 'retro: true', '---', '# Retro', '', 'Deadline pressure came from the business.', ''].join('\n');
    const doc = readRetro(source);
    const offset = source.indexOf('pressure');
    assertVisibleAt(doc, 'pressure', offset);
    assert.deepEqual(doc.lines.positionAt(offset), { line: 7, character: 9 });
    const heading = assertVisible(doc, 'Retro');
    assert.equal(heading.kind, 'heading');
    assert.deepEqual(doc.lines.positionAt(heading.start), { line: 5, character: 0 });
    assertHidden(doc, 'Payments');
    assertHidden(doc, 'date');
  });

  it('columns count UTF-16 code units (surrogate pairs count two)', () => {
    const source = 'Intro\n\n😀 The 🚀 launch slipped, naïve café';
    const doc = readRetro(source);
    const offset = source.indexOf('launch');
    assertVisibleAt(doc, 'launch', offset);
    assert.deepEqual(doc.lines.positionAt(offset), { line: 2, character: 10 });
    const cafe = source.indexOf('café');
    assertVisibleAt(doc, 'café', cafe);
    assert.deepEqual(doc.lines.positionAt(cafe), { line: 2, character: 32 });
  });

  it('offsetAt(positionAt(x)) === x for every offset of LF, BOM and no-final-newline documents', () => {
    for (const source of [LF, `\uFEFF${LF}`, 'a\n\nb\nlast line', '', '\n\n', 'x😀y\n']) {
      const doc = readRetro(source);
      for (let x = 0; x <= doc.text.length; x++) {
        assert.equal(doc.lines.offsetAt(doc.lines.positionAt(x)), x, `round trip of ${x} in ${JSON.stringify(source)}`);
      }
    }
  });

  it('offsetAt(positionAt(x)) === x in CRLF documents for every offset that is not the \\n of a \\r\\n', () => {
    const source = LF.replace(/\n/g, '\r\n') + 'tail';
    const doc = readRetro(source);
    for (let x = 0; x <= doc.text.length; x++) {
      if (doc.text[x] === '\n' && doc.text[x - 1] === '\r') continue;
      assert.equal(doc.lines.offsetAt(doc.lines.positionAt(x)), x, `round trip of ${x}`);
    }
  });

  it('positionAt between \\r and \\n clamps to the line end, as VS Code does', () => {
    // VS Code: TextDocument.positionAt returns Math.min(remainder, lineLength), never a column past the content.
    const doc = readRetro('ab\r\ncd');
    assert.deepEqual(doc.lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(doc.lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(doc.lines.positionAt(4), { line: 1, character: 0 });
  });

  it('a lone \\r ends a line, as it does for VS Code and markdown-it', () => {
    const doc = readRetro('one\rtwo');
    assert.equal(doc.lines.lineCount, 2);
    assert.deepEqual(doc.lines.positionAt(4), { line: 1, character: 0 });
  });

  it('a lone \\r just before an excluded health section keeps the lines after it in place', () => {
    // Blanking the section must not let its first line break merge with the \r into one break.
    const text = 'Intro\r<!-- retro-health:begin -->\nstale words\n<!-- retro-health:end -->\n\nProse after.\n';
    const document = readRetro(text);
    const after = document.segments.find((segment) => segment.text.includes('Prose after'));
    assert.ok(after, JSON.stringify(document.segments));
    assert.equal(after.start, text.indexOf('Prose after'));
    assert.equal(document.lines.positionAt(after.start).line, 5);
    assert.ok(!document.segments.some((segment) => segment.text.includes('stale')));
  });

  it('agrees with a straightforward line/column computation on a mixed document', () => {
    const source = '---\ntitle: x\n---\r\n\r\nA😀 b\n\n\tc\r\n`d` e';
    const doc = readRetro(source);
    for (let x = 0; x <= source.length; x++) {
      const before = source.slice(0, x);
      const line = before.split('\n').length - 1;
      const character = x - (before.lastIndexOf('\n') + 1);
      if (source[x] === '\n' && source[x - 1] === '\r') continue; // covered by the VS Code clamping test above
      assert.deepEqual(doc.lines.positionAt(x), { line, character }, `offset ${x}`);
    }
  });
});

// =============================================================================================

describe('readRetro: masking non-prose', () => {
  it('inline code with single and double backticks', () => {
    const doc = readRetro('Before `zsingle` middle ``zdouble `zinner` ticks`` after.\n');
    assertHidden(doc, 'zsingle');
    assertHidden(doc, 'zdouble');
    assertHidden(doc, 'zinner');
    assertHidden(doc, 'ticks');
    for (const word of ['Before', 'middle', 'after']) assertVisible(doc, word);
    const segment = doc.segments[0] as ProseSegment;
    assert.equal(segment.text, `Before ${' '.repeat(9)} middle ${' '.repeat(26)} after.`);
  });

  it('code spans spanning lines, and an unmatched backtick run is prose', () => {
    const doc = readRetro('Start `zspan\nzcont` end and ``` not code here.\n');
    assertHidden(doc, 'zspan');
    assertHidden(doc, 'zcont');
    for (const word of ['Start', 'end', 'not', 'code', 'here']) assertVisible(doc, word);
  });

  it('escaped backticks do not open code spans', () => {
    const doc = readRetro('Say \\`visible\\` and `zhidden` ok.\n');
    assertVisible(doc, 'visible');
    assertHidden(doc, 'zhidden');
    assertVisible(doc, 'ok');
  });

  it('a backslash right before the closing backtick is code content (CommonMark: no escapes in code spans)', () => {
    const doc = readRetro('Path `zfolder\\` is wrong.\n');
    assertHidden(doc, 'zfolder');
    assertVisible(doc, 'is');
    assertVisible(doc, 'wrong');
  });

  it('fenced code with backticks and tildes, including info strings and unterminated fences', () => {
    const source = [
      'Intro paragraph.',
      '',
      '```js',
      'const zbacktick = 1;',
      '```',
      '',
      'Middle paragraph.',
      '',
      '~~~',
      'zfenced tilde text',
      '~~~',
      '',
      'Outro paragraph.',
      '',
      '````',
      'zunterminated to the end',
      '',
      'still code zstill',
    ].join('\n');
    const doc = readRetro(source);
    for (const word of ['zbacktick', 'const', 'js', 'zfenced', 'tilde', 'zunterminated', 'zstill', 'still']) assertHidden(doc, word);
    for (const word of ['Intro', 'Middle', 'Outro']) assertVisible(doc, word);
    assert.equal(doc.segments.length, 3);
  });

  it('indented code blocks', () => {
    const doc = readRetro('Prose above.\n\n    zindented code line\n    more zindent\n\nProse below.\n');
    assertHidden(doc, 'zindented');
    assertHidden(doc, 'zindent');
    assertVisible(doc, 'above');
    assertVisible(doc, 'below');
  });

  it('HTML blocks', () => {
    const doc = readRetro('Prose above.\n\n<div class="zclass">\nzhtmlblock inside a div\n</div>\n\n<!--\nzcommentblock\n-->\n\nProse below.\n');
    for (const word of ['zclass', 'zhtmlblock', 'inside', 'div', 'zcommentblock']) assertHidden(doc, word);
    assertVisible(doc, 'above');
    assertVisible(doc, 'below');
  });

  it('inline HTML tags and comments; the text between tags stays prose', () => {
    const doc = readRetro('The <span class="zattr" data-x=\'zquoted\'>team</span> felt <!-- zcomment\nzmore --> ignored<br/>.\n');
    for (const word of ['span', 'zattr', 'zquoted', 'data', 'zcomment', 'zmore', 'br']) assertHidden(doc, word);
    for (const word of ['The', 'team', 'felt', 'ignored']) assertVisible(doc, word);
  });

  it('autolinks and bare URLs', () => {
    const doc = readRetro('See <https://zauto.example/zpath> and <zmail@zhost.example> or https://zbare.example/zq?x=1 and www.zwww.example today.\n');
    for (const word of ['zauto', 'zpath', 'zmail', 'zhost', 'zbare', 'zq', 'zwww', 'https', 'www']) assertHidden(doc, word);
    for (const word of ['See', 'and', 'or', 'today']) assertVisible(doc, word);
  });

  it('link destinations and titles are masked, link text stays prose', () => {
    const doc = readRetro('Read [the vendor contract](http://zdest.example/zfile "ztitle words") now, and [ref text][zlabel].\n\n[zlabel]: http://zdef.example\n');
    for (const word of ['zdest', 'zfile', 'ztitle', 'http', 'zlabel', 'zdef']) assertHidden(doc, word);
    for (const word of ['Read', 'the', 'vendor', 'contract', 'now', 'ref', 'text']) assertVisible(doc, word);
  });

  it('images are masked entirely', () => {
    const doc = readRetro('Look ![zalt text](zimage.png "ztitle") here.\n');
    for (const word of ['zalt', 'zimage', 'png', 'ztitle']) assertHidden(doc, word);
    assertVisible(doc, 'Look');
    assertVisible(doc, 'here');
  });

  it('bracket text that markdown-it does not parse as a link destination stays prose', () => {
    // markdown-it: "(after three meetings)" is no destination (unquoted spaces), so it is all text.
    const doc = readRetro('We agreed [finally](after three meetings) to ship.\n');
    for (const word of ['agreed', 'finally', 'after', 'three', 'meetings', 'ship']) assertVisible(doc, word);
  });

  it('a link right after a bracketed word keeps its text as prose and its destination masked', () => {
    // markdown-it: "[PAY-12]" is literal text (no such reference), "[the fix](zpatch.md)" is a link.
    const doc = readRetro('Ticket [PAY-12][the fix](zpatch.md) landed.\n');
    for (const word of ['Ticket', 'PAY', 'the', 'fix', 'landed']) assertVisible(doc, word);
    assertHidden(doc, 'zpatch');
  });

  it("a block quote's '>' marker does not close an inline HTML tag", () => {
    // markdown-it strips the markers: "<five seconds\nfor the checkout." is text, not a tag.
    const doc = readRetro('> Target was <five seconds\n> for the checkout.\n');
    for (const word of ['Target', 'was', 'five', 'seconds', 'for', 'checkout']) assertVisible(doc, word);
  });

  it('a tag split across block quote lines is masked as a whole', () => {
    const doc = readRetro('> Some <a\n> href="zhref">link</a> text\n');
    assertHidden(doc, 'href');
    assertHidden(doc, 'zhref');
    for (const word of ['Some', 'link', 'text']) assertVisible(doc, word);
  });

  it('HTML processing instructions, declarations and CDATA are masked like other inline HTML', () => {
    const doc = readRetro('x <?php zphp ?> y <!DOCTYPE zdoctype> z <![CDATA[ zcdata ]]> w\n');
    for (const word of ['php', 'zphp', 'DOCTYPE', 'zdoctype', 'CDATA', 'zcdata']) assertHidden(doc, word);
    // Single letters also occur inside the masked words, so look them up with their spaces.
    assertVisibleAt(doc, 'x', 0);
    for (const word of ['y', 'z', 'w']) assertVisibleAt(doc, word, doc.text.search(new RegExp(` ${word}\\s`)) + 1);
  });

  it('the empty comments <!--> and <!---> end where they start', () => {
    const doc = readRetro('a <!--> prose words <!---> more prose <!-- zc -->\n');
    for (const word of ['prose', 'words', 'more']) assertVisible(doc, word);
    assertHidden(doc, 'zc');
  });

  it('front matter is not prose', () => {
    const doc = readRetro('---\ntitle: zfrontmatter title\nteam: zteam\n---\nBody text.\n');
    assertHidden(doc, 'zfrontmatter');
    assertHidden(doc, 'zteam');
    assertHidden(doc, 'title');
    assertVisible(doc, 'Body');
    assert.equal(doc.segments.length, 1);
  });

  it('masks inside table cells and headings', () => {
    const doc = readRetro('# Heading `zheadcode` <b>bold</b>\n\n| Col `zc1` | Other |\n| --- | --- |\n| cell <!-- zcellcomment --> | [link](http://zcell.example) |\n');
    for (const word of ['zheadcode', 'zc1', 'zcellcomment', 'zcell', 'b']) assertHidden(doc, word);
    for (const word of ['Heading', 'bold', 'Col', 'Other', 'cell', 'link']) assertVisible(doc, word);
  });
});

// =============================================================================================

describe('readRetro: block structure', () => {
  const SOURCE = [
    '# Retro', //                      0
    '', //                             1
    '## Went well', //                 2
    '', //                             3
    'Paragraph one here.', //          4
    '', //                             5
    '- top item', //                   6
    '  - nested item', //              7
    '    - deeper item', //            8
    '- [ ] open task', //              9
    '- [x] done task', //              10
    '', //                             11
    '> quoted remark', //              12
    '> > nested quote', //             13
    '', //                             14
    'Setext Title', //                 15
    '============', //                 16
    '', //                             17
    'Sub Setext', //                   18
    '----------', //                   19
    '', //                             20
    'Under setext paragraph', //       21
    'continues on a second line.', //  22
    '', //                             23
    '### Deep', //                     24
    '', //                             25
    '| Team | Feeling |', //           26
    '| ---- | ------- |', //           27
    '| Ops  | tired   |', //           28
    '| Biz  | `zcode` happy |', //     29
    '', //                             30
    '## Went badly', //                31
    '', //                             32
    'Last words.', //                  33
  ].join('\n');
  const doc = readRetro(SOURCE);

  it('ATX headings are heading segments with the right heading path', () => {
    const top = segmentContaining(doc, 'Retro');
    assert.equal(top.kind, 'heading');
    assert.deepEqual(top.headings, []);
    const wentWell = segmentContaining(doc, 'Went');
    assert.equal(wentWell.kind, 'heading');
    assert.deepEqual(wentWell.headings, ['Retro']);
    const deep = segmentContaining(doc, 'Deep');
    assert.equal(deep.kind, 'heading');
    assert.deepEqual(deep.headings, ['Setext Title', 'Sub Setext']);
  });

  it('paragraphs carry the path of their enclosing headings', () => {
    const paragraph = segmentContaining(doc, 'Paragraph');
    assert.equal(paragraph.kind, 'paragraph');
    assert.deepEqual(paragraph.headings, ['Retro', 'Went well']);
    assert.deepEqual(doc.lines.positionAt(paragraph.start), { line: 4, character: 0 });
    const last = segmentContaining(doc, 'Last');
    assert.deepEqual(last.headings, ['Setext Title', 'Went badly']);
  });

  it('list items, nested items and task items are separate paragraph segments', () => {
    const top = segmentContaining(doc, 'top');
    const nested = segmentContaining(doc, 'nested item');
    const deeper = segmentContaining(doc, 'deeper');
    const open = segmentContaining(doc, 'open task');
    const done = segmentContaining(doc, 'done task');
    for (const segment of [top, nested, deeper, open, done]) {
      assert.equal(segment.kind, 'paragraph');
      assert.deepEqual(segment.headings, ['Retro', 'Went well']);
    }
    assert.equal(new Set([top, nested, deeper, open, done]).size, 5, 'each item is its own segment');
    assert.ok(!nested.text.includes('top') && !nested.text.includes('deeper'));
    assert.deepEqual(doc.lines.positionAt(deeper.start).line, 8);
    assert.deepEqual(doc.lines.positionAt(deeper.end), { line: 8, character: '    - deeper item'.length });
  });

  it('block quotes, nested ones too, are paragraph segments', () => {
    const outer = segmentContaining(doc, 'quoted');
    const inner = segmentContaining(doc, 'nested quote');
    assert.equal(outer.kind, 'paragraph');
    assert.equal(inner.kind, 'paragraph');
    assert.notEqual(outer, inner);
    assert.deepEqual(doc.lines.positionAt(inner.start).line, 13);
  });

  it('setext headings are headings and their underline is not part of the heading text', () => {
    const title = segmentContaining(doc, 'Setext Title');
    assert.equal(title.kind, 'heading');
    assert.deepEqual(title.headings, []);
    const sub = segmentContaining(doc, 'Sub Setext');
    assert.equal(sub.kind, 'heading');
    assert.deepEqual(sub.headings, ['Setext Title']);
    const paragraph = segmentContaining(doc, 'Under');
    assert.equal(paragraph, segmentContaining(doc, 'continues'), 'a two-line paragraph is one segment');
    assert.deepEqual(paragraph.headings, ['Setext Title', 'Sub Setext']);
  });

  it('table cells are segments with the column header of their column', () => {
    const cells = doc.segments.filter((segment) => segment.kind === 'table-cell');
    assert.deepEqual(
      cells.map((cell) => [cell.text.trim(), cell.columnHeader]),
      [
        ['Team', undefined],
        ['Feeling', undefined],
        ['Ops', 'Team'],
        ['tired', 'Feeling'],
        ['Biz', 'Team'],
        ['happy', 'Feeling'],
      ],
    );
    const tired = segmentContaining(doc, 'tired');
    assert.equal(tired.kind, 'table-cell');
    assert.deepEqual(tired.headings, ['Setext Title', 'Sub Setext', 'Deep']);
    assert.deepEqual(doc.lines.positionAt(tired.start), { line: 28, character: 8 });
    assertHidden(doc, 'zcode');
  });

  it('headings in a deeper nesting pop back correctly', () => {
    const nested = readRetro('# A\n## B\n### C\ntext one\n## D\ntext two\n# E\n#### F\ntext three\n');
    assert.deepEqual(segmentContaining(nested, 'one').headings, ['A', 'B', 'C']);
    assert.deepEqual(segmentContaining(nested, 'two').headings, ['A', 'D']);
    assert.deepEqual(segmentContaining(nested, 'three').headings, ['E', 'F']);
    const closed = readRetro('## Closed heading ##\n\nbody\n');
    assert.deepEqual(segmentContaining(closed, 'body').headings, ['Closed heading']);
    const coded = readRetro('## Risks `zhcode` <em>now</em>\n\nbody\n');
    assert.deepEqual(segmentContaining(coded, 'body').headings, ['Risks now']);
    const quoted = readRetro('# Top\n\n> ## Quoted heading\n>\n> under it\n');
    assert.deepEqual(segmentContaining(quoted, 'under').headings, ['Top', 'Quoted heading']);
  });

  it('a heading inside a list item has its text, without the list marker, in the heading path', () => {
    const inList = readRetro('# Top\n\n- ## Listed heading\n\n  under it\n');
    assert.equal(segmentContaining(inList, 'Listed').kind, 'heading');
    assert.deepEqual(segmentContaining(inList, 'under').headings, ['Top', 'Listed heading']);
  });

  it('a table inside a block quote yields only its real cells, with their column headers', () => {
    const quoted = readRetro('> | Team | Feeling |\n> | --- | --- |\n> | Ops | tired |\n');
    const cells = quoted.segments.filter((segment) => segment.kind === 'table-cell');
    assert.deepEqual(
      cells.map((cell) => [cell.text.trim(), cell.columnHeader]),
      [
        ['Team', undefined],
        ['Feeling', undefined],
        ['Ops', 'Team'],
        ['tired', 'Feeling'],
      ],
    );
  });

  it('every segment of the sample mirrors its source slice', () => {
    assertSegmentsMirrorSource(doc);
    assertSegmentsWellFormed(doc);
  });
});

// =============================================================================================

describe('readRetro: front matter and dates', () => {
  it('parses date, team and retro', () => {
    const doc = readRetro('---\ndate: 2026-03-14\nteam: Payments\nretro: true\n---\nBody.\n');
    assert.equal(doc.date, '2026-03-14');
    assert.equal(doc.team, 'Payments');
    assert.equal(doc.declaresRetro, true);
    assert.equal(doc.frontMatter.lineCount, 5);
  });

  it('parses quoted values, CRLF and the ... closing fence', () => {
    const doc = readRetro('---\r\ndate: "2026-03-14"\r\nteam: \'Claims Ops\'\r\nretro: "yes"\r\n...\r\nBody.\r\n');
    assert.equal(doc.date, '2026-03-14');
    assert.equal(doc.team, 'Claims Ops');
    assert.equal(doc.declaresRetro, true);
    assertVisible(doc, 'Body');
  });

  it('strips trailing comments from plain and quoted values', () => {
    const plain = readRetro('---\nteam: Payments # the money team\nretro: false\n---\n');
    assert.equal(plain.team, 'Payments');
    assert.equal(plain.declaresRetro, false);
    const quoted = readRetro('---\nteam: "Payments" # the money team\n---\n');
    assert.equal(quoted.team, 'Payments');
  });

  it('takes the date from the file name when front matter has none', () => {
    assert.equal(readRetro('Body.\n', { fileName: '2026-03-14-payments.md' }).date, '2026-03-14');
    assert.equal(readRetro('---\nteam: X\n---\nBody.\n', { fileName: '/retros/2026/2026-03-14-payments.md' }).date, '2026-03-14');
    assert.equal(readRetro('Body.\n', { fileName: 'C:\\retros\\2026-03-14-payments.md' }).date, '2026-03-14');
    assert.equal(readRetro('---\ndate: 2026-01-02\n---\n', { fileName: '2026-03-14-payments.md' }).date, '2026-01-02', 'front matter wins');
    assert.equal(readRetro('Body.\n', { fileName: 'payments.md' }).date, null);
    assert.equal(readRetro('Body.\n').date, null);
  });

  it('rejects impossible dates', () => {
    assert.equal(readRetro('---\ndate: 2026-02-30\n---\n').date, null);
    assert.equal(readRetro('---\ndate: 2026-13-01\n---\n').date, null);
    assert.equal(readRetro('Body.\n', { fileName: '2026-02-30-payments.md' }).date, null);
    assert.equal(readRetro('---\ndate: 2024-02-29\n---\n').date, '2024-02-29', 'leap day');
    assert.equal(readRetro('---\ndate: 2025-02-29\n---\n').date, null);
  });

  it('reads keys case-insensitively, dates with a time, and empty values as null', () => {
    const doc = readRetro('---\nTeam: Claims\nDATE: 2026-03-14T09:30:00Z\nRetro: On\n---\n');
    assert.equal(doc.team, 'Claims');
    assert.equal(doc.date, '2026-03-14');
    assert.equal(doc.declaresRetro, true);
    const empty = readRetro('---\nteam:\ndate: ""\nretro: maybe\n---\n');
    assert.equal(empty.team, null);
    assert.equal(empty.date, null);
    assert.equal(empty.declaresRetro, false);
    const spaced = readRetro('---\nteam:   "  Padded Team  "\n---\n');
    assert.equal(spaced.team, 'Padded Team');
  });

  it('no front matter, or an unclosed one, gives no fields and keeps the text as prose', () => {
    const none = readRetro('Just text.\n');
    assert.equal(none.team, null);
    assert.equal(none.declaresRetro, false);
    assert.equal(none.frontMatter.lineCount, 0);
    const unclosed = readRetro('---\nteam: Ghost\n\nStill prose here.\n');
    assert.equal(unclosed.team, null);
    assert.equal(unclosed.frontMatter.lineCount, 0);
    assertVisible(unclosed, 'Still');
    const late = readRetro('\n---\nteam: Late\n---\n');
    assert.equal(late.team, null, 'front matter must start on the first line');
  });

  it('front matter after a BOM is recognised', () => {
    const doc = readRetro('\uFEFF---\nteam: Bom Team\n---\nBody.\n');
    assert.equal(doc.team, 'Bom Team');
    assertHidden(doc, 'Bom');
  });

  it('front matter read twice from the same text is the same, and each reader owns its copy', () => {
    const text = '---\nteam: Payments\ndate: 2026-03-14\n---\nBody.\n';
    const first = readFrontMatter(text);
    first.fields.team = 'changed by a caller';
    const second = readFrontMatter(text);
    assert.deepEqual(second, { lineCount: 4, endOffset: 40, fields: { team: 'Payments', date: '2026-03-14' } });
    assert.equal(readFrontMatter('Body only.\n').lineCount, 0, 'another text is read afresh');
    assert.equal(readFrontMatter(text).fields.team, 'Payments');
  });

  it('reads front matter as its definition does: the first 502 lines split at \\n, the first closing fence after the opening one', () => {
    // The reader walks lines only up to the closing fence; the definition splits them all.
    const byDefinition = (text: string) => {
      const lines = text.split('\n', 502);
      if (lines.length < 2 || !/^---[ \t]*\r?$/.test(lines[0] as string)) return 0;
      return lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line)) + 1;
    };
    const line = fc.constantFrom('---', '--- ', '...', '---x', 'team: A', 'date: 2026-01-02', '', '\r', ' ---', '----');
    const text = fc.oneof(
      fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n')),
      fc.tuple(fc.array(line, { maxLength: 3 }), fc.integer({ min: 495, max: 505 }), fc.array(line, { maxLength: 3 })).map(([head, filler, tail]) => ['---', ...head, ...Array<string>(filler).fill('x: y'), ...tail].join('\n')),
    );
    fc.assert(
      fc.property(text, (source) => {
        assert.equal(readRetro(source).frontMatter.lineCount, byDefinition(source));
      }),
      { numRuns: 3000 },
    );
  });
});

// =============================================================================================

describe('readRetro: health section and suppressions', () => {
  it('the section between the markers produces no segments', () => {
    const source = [
      'Before text.',
      '',
      '<!-- retro-health:begin -->',
      '## Retro health',
      '',
      'Stage: zhealth words here with `zcode`',
      '| zcol | zcol2 |',
      '| --- | --- |',
      '| zcell | zcell2 |',
      '<!-- retro-health:end -->',
      '',
      'After text.',
    ].join('\n');
    const doc = readRetro(source);
    for (const word of ['zhealth', 'zcol', 'zcell', 'health', 'Stage']) assertHidden(doc, word);
    assertVisible(doc, 'Before');
    const after = assertVisible(doc, 'After');
    assert.deepEqual(after.headings, [], 'the section heading does not enter the heading path');
    assert.deepEqual(doc.lines.positionAt(after.start), { line: 11, character: 0 });
    assert.equal(doc.segments.length, 2);
  });

  it('markers with CRLF and extra spaces; an unterminated begin excludes nothing', () => {
    const crlf = readRetro('A.\r\n<!--   retro-health:begin   -->\r\nzhidden\r\n<!--retro-health:end-->\r\nB.\r\n');
    assertHidden(crlf, 'zhidden');
    assertVisible(crlf, 'A');
    assertVisible(crlf, 'B');
    const open = readRetro('A.\n\n<!-- retro-health:begin -->\n\nvisible text\n');
    assertVisible(open, 'visible');
  });

  it('disable-next-line applies its ids to the next line', () => {
    const doc = readRetro('Intro.\n<!-- retro-health-disable-next-line ID1 ID2 -->\nThe suppressed line.\n');
    assert.deepEqual([...doc.suppressions.lines.keys()], [2]);
    assert.deepEqual([...(doc.suppressions.lines.get(2) ?? [])].sort(), ['ID1', 'ID2']);
    assert.equal(doc.suppressions.file.size, 0);
    assert.ok(isSuppressed(doc.suppressions, 'ID1', 2));
    assert.ok(isSuppressed(doc.suppressions, 'ID2', 2));
    assert.ok(!isSuppressed(doc.suppressions, 'ID3', 2));
    assert.ok(!isSuppressed(doc.suppressions, 'ID1', 1));
    assert.ok(!isSuppressed(doc.suppressions, 'ID1', 3));
  });

  it('disable without ids disables everything; with ids only those; next-line without ids disables all on that line', () => {
    const all = readRetro('<!-- retro-health-disable -->\nText.\n');
    assert.deepEqual([...all.suppressions.file], ['*']);
    assert.ok(isSuppressed(all.suppressions, 'anything', 7));
    const some = readRetro('Text.\n\n<!-- retro-health-disable ID3 id-4 -->\n');
    assert.deepEqual([...some.suppressions.file].sort(), ['ID3', 'id-4']);
    assert.ok(!isSuppressed(some.suppressions, 'ID1', 0));
    const line = readRetro('<!--retro-health-disable-next-line-->\r\nText.\r\n');
    assert.deepEqual([...(line.suppressions.lines.get(1) ?? [])], ['*']);
    assert.equal(line.suppressions.file.size, 0);
  });

  it('directives inside fenced and indented code, front matter and the health section are ignored', () => {
    const source = [
      '---',
      'note: <!-- retro-health-disable F0 -->',
      '---',
      '```',
      '<!-- retro-health-disable F1 -->',
      '```',
      '',
      '~~~md',
      '<!-- retro-health-disable-next-line F2 -->',
      '~~~',
      '',
      '    <!-- retro-health-disable F3 -->',
      '',
      '<!-- retro-health:begin -->',
      '<!-- retro-health-disable F4 -->',
      '<!-- retro-health:end -->',
      '',
      'Prose.',
    ].join('\n');
    const doc = readRetro(source);
    assert.deepEqual([...doc.suppressions.file], []);
    assert.deepEqual([...doc.suppressions.lines.keys()], []);
  });

  it('a directive shown inside inline code is not a directive', () => {
    const doc = readRetro('Write `<!-- retro-health-disable -->` to silence the tool.\n');
    assert.deepEqual([...doc.suppressions.file], []);
  });

  it('health markers quoted in inline code do not hide their line', () => {
    const doc = readRetro('Intro.\n\nThe tool writes between `<!-- retro-health:begin -->` and `<!-- retro-health:end -->` markers.\n');
    assertVisible(doc, 'writes');
    assertVisible(doc, 'markers');
  });

  it('directives are not prose', () => {
    const doc = readRetro('Text <!-- retro-health-disable-next-line ID1 --> more.\n');
    assertHidden(doc, 'retro');
    assertHidden(doc, 'ID');
    assertVisible(doc, 'more');
  });
});

// =============================================================================================

const SAMPLES: Record<string, string> = {
  'mixed retro': [
    '# Sprint 9 retro',
    '',
    '## What went well',
    '',
    '- The **business** and _IT_ paired on `zdeploy --now` every day',
    '  - nested: see [the board](https://zboard.example/zpath "zboardtitle")',
    '- [ ] follow up with <b>finance</b> <!-- zowner: bob -->',
    '',
    '> The vendor said `` zdouble `ztick` code `` was fine',
    '> and <https://zauto.example> too',
    '',
    '```yaml',
    'zfence: true',
    '```',
    '',
    '| Topic | Mood `zmood` |',
    '|:------|------:|',
    '| Scope creep | ![zalt](zimg.png) sad |',
    '| Demo \\| ok | happy |',
    '',
    'Setext heading',
    '--------------',
    '',
    '    zindented block',
    '',
    '<div>',
    'zhtmlblock',
    '</div>',
  ].join('\n'),
  'crlf and bom': '\uFEFF# Title\r\n\r\nSome `zcode` text\r\nand more <i>text</i>\r\n\r\n~~~\r\nztilde\r\n~~~\r\n',
  'emphasis and escapes': 'Plain *emph* __strong__ \\*not emph\\* \\`not code\\` and \\<b>not html\\</b> here.\n',
  'links of all shapes': 'A [link](<zangle dest> "ztitle") and [nested [brackets]](http://zurl.example/(zparen)) plus [ref][lbl] and [lbl].\n\n[lbl]: http://zref.example "zreftitle"\n',
  'multi-line html comment in paragraph': 'Start of para <!-- zc1\nzc2\nzc3 --> end of para.\n',
  'code span with html inside': 'Code `<b>zbold</b>` and html <code>zhtmlcode</code> words.\n',
  'html with backtick attribute': 'Tag <a title="`">link text</a> and `zreal code` after.\n',
  'headings with code': '## Heading `zhcode`\n\nText.\n\n### Another <em>one</em> ###\n',
  'list with code continuation': '1. first `zone`\n2. second\n   continued `ztwo`\n\n   new para <!-- zthree -->\n',
  'table without outer pipes': 'Col A | Col B\n--- | ---\n`zca` cell | other [t](http://zcb.example)\n',
  'email autolink and bare urls': 'Mail <zname@zdomain.example> or (https://zparen.example) or www.zwww.example.\n',
  'backslash before closing backtick': 'Windows path `zdir\\` is fine.\n',
  'html comment opened with <!-->': 'a <!--> prose words b <!-- zc -->\n',
  'processing instruction, declaration and CDATA': 'x <?php zphp ?> y <!DOCTYPE zdoctype> z <![CDATA[ zcdata ]]> w\n',
  'multi-line tag in a block quote': '> Some <a\n> href="zhref">link</a> text\n',
  'lone carriage returns': 'Line one\rLine `zcode` two\r\rPara two\n',
  'unterminated constructs': 'Open `backtick and <!-- comment and <b and [link](http://zu\n\nNext para.\n',
};

describe('readRetro agrees with markdown-it on varied samples', () => {
  for (const [name, source] of Object.entries(SAMPLES)) {
    it(name, () => assertAgreesWithMarkdownIt(source));
  }
});

// =============================================================================================
// Generated markdown.

const PROSE_WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const SECRET_WORDS = ['zcode', 'zspan', 'zfence', 'zhtml', 'zattr', 'zcomment', 'zurl', 'ztitle', 'zalt', 'zauto', 'zbare', 'zblock'];

const proseWord = fc.constantFrom(...PROSE_WORDS);
const proseWords = fc.array(proseWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const secretWord = fc.constantFrom(...SECRET_WORDS);
const secretWords = fc.array(secretWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

/** Punctuation that combines safely with the fragments below. */
const PLAIN_PUNCTUATION = ['\\*', '\\<', '&', '*', '_', '>', '!'];
/** Punctuation that can turn into, or break, constructs next to it: stray brackets, '<', escaped backticks. */
const TRICKY_PUNCTUATION = [...PLAIN_PUNCTUATION, '\\`', '\\[', '<', '[', ']', '(', ')', ']('];

/** Markdown built from well-formed fragments: prose uses PROSE_WORDS, every non-prose construct SECRET_WORDS. */
function markdownDocument(punctuation: string[]): fc.Arbitrary<string> {
  const inlineFragment: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: proseWords },
    { weight: 2, arbitrary: secretWords.map((words) => `\`${words}\``) },
    { weight: 1, arbitrary: fc.tuple(secretWord, secretWord).map(([a, b]) => `\`\` ${a} \`${b}\` \`\``) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(proseWords, secretWord, fc.option(secretWord, { nil: undefined }))
        .map(([text, host, title]) => `[${text}](http://${host}.example/${host}${title ? ` "${title}"` : ''})`),
    },
    { weight: 1, arbitrary: fc.tuple(secretWord, proseWords).map(([attr, text]) => `<span class="${attr}">${text}</span>`) },
    { weight: 1, arbitrary: proseWords.map((text) => `<b>${text}</b>`) },
    { weight: 1, arbitrary: secretWords.map((words) => `<!-- ${words} -->`) },
    { weight: 1, arbitrary: secretWord.map((host) => `<https://${host}.example/${host}>`) },
    // A bare URL is only a URL between spaces; glued to a word it is a different word for the oracle.
    { weight: 1, arbitrary: secretWord.map((host) => ` https://${host}.example/${host} `) },
    { weight: 1, arbitrary: proseWords.map((text) => `**${text}**`) },
    { weight: 1, arbitrary: proseWords.map((text) => `_${text}_`) },
    { weight: 1, arbitrary: fc.tuple(secretWord, secretWord).map(([alt, src]) => `![${alt}](${src}.png)`) },
    { weight: 1, arbitrary: fc.constantFrom(...punctuation) },
  );

  const inlineLine = fc
    .array(fc.tuple(inlineFragment, fc.constantFrom(' ', ' ', '')), { minLength: 1, maxLength: 5 })
    .map((fragments) => fragments.map(([fragment, separator]) => fragment + separator).join('').trimEnd());
  const linePrefix = fc.constantFrom('', '', '', '- ', '  - ', '    - ', '1. ', '> ', '> > ', '> - ', '# ', '### ', '- [ ] ', '- [x] ', '    ', '\t');
  const prefixedLine = fc.tuple(linePrefix, inlineLine).map(([prefix, line]) => prefix + line);

  const tableBlock = fc.integer({ min: 1, max: 3 }).chain((columns) =>
    fc
      .tuple(
        fc.array(proseWords, { minLength: columns, maxLength: columns }),
        fc.array(fc.array(inlineLine, { minLength: columns, maxLength: columns }), { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([header, rows, outerPipes]) => {
        const row = (cells: string[]) => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
        // A blank line after the table: rows of a following table would otherwise join this one as excess
        // cells, which markdown-it drops unrendered while the reader still reads them.
        return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n') + '\n';
      }),
  );

  const fenceBlock = fc
    .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', ' text'), fc.array(secretWords, { maxLength: 3 }), fc.boolean())
    .map(([fence, info, body, closed]) => [fence + info, ...body, ...(closed ? [fence] : [])].join('\n'));

  const block: fc.Arbitrary<string> = fc.oneof(
    { weight: 8, arbitrary: fc.array(prefixedLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
    { weight: 2, arbitrary: tableBlock },
    { weight: 2, arbitrary: fenceBlock },
    { weight: 1, arbitrary: fc.tuple(inlineLine, fc.constantFrom('===', '---')).map(([line, underline]) => `${line}\n${underline}`) },
    { weight: 1, arbitrary: secretWords.map((words) => `<div class="zattr">\n${words}\n</div>`) },
    { weight: 1, arbitrary: fc.tuple(proseWords, secretWords, secretWords, proseWords).map(([a, b, c, d]) => `${a} <!-- ${b}\n${c} --> ${d}`) },
    { weight: 1, arbitrary: fc.array(secretWords, { minLength: 1, maxLength: 2 }).map((lines) => lines.map((l) => `    ${l}`).join('\n')) },
    { weight: 1, arbitrary: fc.tuple(proseWords, secretWords, proseWords).map(([a, b, c]) => `> ${a} \`${b}\n> ${b}\` ${c}`) },
  );

  return fc
    .tuple(
      fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n')), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([blocks, eol, finalNewline, bom]) => {
      const body = blocks.map(([text, separator]) => text + separator).join('');
      const trimmed = finalNewline ? body : body.replace(/\n+$/, '');
      return (bom ? '\uFEFF' : '') + trimmed.replace(/\n/g, eol);
    });
}

describe('readRetro agrees with markdown-it on generated markdown', () => {
  it('prose words stay visible, code/HTML/URL words never appear, segments mirror the source', () => {
    fc.assert(
      fc.property(markdownDocument(PLAIN_PUNCTUATION), (source) => {
        assertAgreesWithMarkdownIt(source);
      }),
      { numRuns: 4000 },
    );
  });

  it('with generated front matter in front, the body still agrees and the fields are read', () => {
    fc.assert(
      fc.property(markdownDocument(PLAIN_PUNCTUATION), fc.constantFrom('Payments', '"Claims Ops"', "'HR'"), (body, team) => {
        const source = `---\ndate: 2026-03-14\nteam: ${team}\n---\n${body.replace(/^\uFEFF/, '')}`;
        const doc = readRetro(source);
        assert.equal(doc.date, '2026-03-14');
        assert.equal(doc.team, team.replace(/^["']|["']$/g, ''));
        assertAgreesWithMarkdownIt(source);
      }),
      { numRuns: 300 },
    );
  });

  it('the same with stray brackets, parentheses, \'<\' and escaped backticks mixed in', () => {
    fc.assert(
      fc.property(markdownDocument(TRICKY_PUNCTUATION), (source) => {
        assertAgreesWithMarkdownIt(source);
      }),
      { numRuns: 4000 },
    );
  });
});

// =============================================================================================
// Arbitrary strings.

const NASTY = fc.constantFrom(
  '\n', '\r\n', '\0', '`', '``', '```', '~~~', '<!--', '-->', '<', '>', '</', '|', '[', ']', '(', ')', '](', '![', '\\',
  '---', '...', '#', '- ', '> ', '    ', '\t', '*', '_', '&amp;', 'http://', 'www.', '\uFEFF', '😀', '\uD800', '\uDC00',
  '<!-- retro-health:begin -->', '<!-- retro-health:end -->', '<!-- retro-health-disable -->', 'date: 2026-03-14', 'word', ' ',
);

function anyText(withLoneCr: boolean): fc.Arbitrary<string> {
  const pieces = fc.oneof(
    { weight: 3, arbitrary: NASTY },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constant('\r') },
  );
  return fc
    .array(pieces, { maxLength: 40 })
    .map((parts) => parts.join(''))
    .map((text) => (withLoneCr ? text : text.replace(/\r(?!\n)/g, '')));
}

function assertReadsSanely(source: string): void {
  const doc = readRetro(source);
  assert.equal(doc.text, source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  assertSegmentsWellFormed(doc);
  assertSegmentsMirrorSource(doc);
  for (let x = 0; x <= doc.text.length; x++) {
    const position = doc.lines.positionAt(x);
    assert.ok(position.line >= 0 && position.line < doc.lines.lineCount && position.character >= 0);
    if (!(doc.text[x] === '\n' && doc.text[x - 1] === '\r')) assert.equal(doc.lines.offsetAt(position), x);
  }
}

describe('readRetro on arbitrary strings', () => {
  it('never throws; segments are in bounds, ordered, non-overlapping and mirror the source (no lone \\r)', () => {
    fc.assert(fc.property(anyText(false), assertReadsSanely), { numRuns: 5000 });
  });

  it('the same with lone carriage returns', () => {
    fc.assert(fc.property(anyText(true), assertReadsSanely), { numRuns: 5000 });
  });

  it('the same for pathological inputs', () => {
    const cases = [
      '',
      '\0',
      '\r',
      '\r\r\n\n\r',
      '`'.repeat(5000),
      '<'.repeat(3000),
      '['.repeat(2000) + ']('.repeat(2000),
      '<!--'.repeat(1000),
      '```\n'.repeat(100),
      '---\n'.repeat(600),
      '> '.repeat(200) + 'deep',
      '- '.repeat(200) + 'deep',
      '| a |\n| - |\n' + '| `x | y` |\n'.repeat(100),
      '\uD83D',
      'a\uDE00b\uD83D\uDE00',
      '\uFEFF\uFEFF',
    ];
    for (const source of cases) assertReadsSanely(source);
  });
});

describe('readRetro: blocks remembered across reads', () => {
  // The same block source under another quote depth or other reference definitions masks differently.
  const shared = 'See [our plan][the plan] at <b>noon</b> and `code`.';
  const documents = [
    `# Retro\n\n${shared}\n`,
    `# Retro\n\n> ${shared}\n`,
    `# Retro\n\n${shared}\n\n[the plan]: https://example.com/plan\n`,
    `# Retro\n\n> > ${shared}\n> > and more\n`,
  ];
  const segmentsOf = (text: string) => readRetro(text).segments.map(({ kind, start, end, text: masked }) => ({ kind, start, end, masked }));

  it('reads each document the same whatever was read before it', () => {
    const alone = documents.map((text) => segmentsOf(text));
    fc.assert(
      fc.property(fc.shuffledSubarray(documents.map((_, index) => index), { minLength: documents.length }), (order) => {
        for (const index of order) assert.deepEqual(segmentsOf(documents[index] as string), alone[index]);
      }),
      { numRuns: 50 },
    );
    assert.notDeepEqual(alone[0], alone[2], 'a reference definition changes the masks');
  });
});
