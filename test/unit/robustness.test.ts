import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { analyzeRetro, loadTeamCatalog } from '../../src/core';

/** Markdown-ish fragments that stress the reader and matcher together. */
const fragment = fc.oneof(
  fc.constantFrom(
    'IT just doesn’t get it', 'Lots of requirements didn’t come out until UAT', 'no requirements surfaced late', '```', '~~~', '<!--', '-->', '`', '[', '](', '<b>', '> ', '- ', '1. ', '# ',
    '| a | b |', '|---|---|', '---', '\r\n', '\n', '\r', '\u0000', '\uFEFF', '\uD83D\uDE00', '\uD83D', 'e\u0301', '\u202E', '\t', '<!-- retro-health:begin -->', '<!-- retro-health-disable -->',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

describe('robustness of the whole analysis (property)', () => {
  it('any text analyses without throwing; every finding lies inside the document and covers its text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(' ')), (source) => {
        const analysis = analyzeRetro(source, { minConfidence: 0 });
        const { text, lines } = analysis.document;
        for (const finding of [...analysis.findings, ...analysis.hints]) {
          assert.ok(finding.startOffset >= 0 && finding.startOffset < finding.endOffset && finding.endOffset <= text.length);
          assert.equal(finding.text, text.slice(finding.startOffset, finding.endOffset));
          assert.equal(lines.offsetAt(finding.range.start), finding.startOffset);
          assert.equal(lines.offsetAt(finding.range.end), finding.endOffset);
        }
        assert.ok(analysis.diagnosis.score >= 0 && analysis.diagnosis.score <= 100);
      }),
      { numRuns: 400 },
    );
  });
});

describe('user patterns cannot hang anything', () => {
  // The classic catastrophic-backtracking regexes, pasted as patterns into a team file.
  const evil = ['(a+)+$', '(a|aa)+', '(a|a?)+', '(.*a){20}', '^(([a-z])+.)+[A-Z]([a-z])+$', '(x+x+)+y', 'a a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? .. .. .. .. b'];

  it('they are refused with a reason, or compiled into automata that cannot backtrack', () => {
    const team = loadTeamCatalog(JSON.stringify({ phrasings: { 'red-tape': { phrases: evil } } }));
    const refused = new Set(team.problems.map((problem) => problem.path[3]));
    evil.forEach((pattern, index) => {
      if (!refused.has(index)) assert.ok(/^[a-z ?.]+$/.test(pattern), `${pattern} was accepted`);
    });
  });

  it('100 KB of adversarial input against the accepted ones finishes under a generous watchdog', () => {
    // A child process, so a hang would be killed by the watchdog instead of freezing the test run.
    const script = `
      const { analyzeRetro, loadTeamCatalog, SymptomMatcher } = require('./dist/test-core.js');
      const team = loadTeamCatalog(JSON.stringify({ phrasings: { 'red-tape': { phrases: ${JSON.stringify([evil[evil.length - 1]])} } } }));
      const matcher = new SymptomMatcher(team.catalog);
      const input = ('a '.repeat(50000)) + 'c';
      const result = analyzeRetro(input, { matcher });
      process.stdout.write(String(result.findings.length));
    `;
    buildSync({ entryPoints: ['src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: 'dist/test-core.js', logLevel: 'warning' });
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.signal, null, 'killed by the watchdog: the analysis hung');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '0');
  });
});
