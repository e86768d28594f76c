// The CI gates and `--format github`, through the bundled CLI (dist/cli.js: `npm run build` first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { escapeData, escapeProperty, warning } from '../../src/cli/formatters/github';

const CLI = resolve('dist/cli.js');
/** Sliding: payments' latest retro (end) is worse than the one before (advanced). */
const SLIDING = 'test/fixtures/report';
/** No team worse at its latest retro; one follow-up 101 days old and one 87 days old on 2026-04-30. */
const OUTCOMES = 'test/fixtures/treatment-outcomes';

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('GITHUB_STEP_SUMMARY' in env)) delete base.GITHUB_STEP_SUMMARY;
  return spawnSync(process.execPath, [CLI, ...args], { cwd, env: base, encoding: 'utf8' });
}

function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter(Boolean);
}

describe('CI gates', () => {
  describe('--fail-on-worsening', () => {
    it('exits 1 when a team’s latest retro is worse than its previous one, naming the team and both retros on stderr', () => {
      const result = run(SLIDING, ['report', '--fail-on-worsening', 'workspace']);
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(stderrLines(result.stderr), ['retro-health: worse than the retro before (--fail-on-worsening): payments: 2026-02-27 end 12/100, after 2026-02-13 advanced 39/100']);
      assert.match(result.stdout, /payments/, 'the report is still printed');
    });

    it('exits 0 when every team held steady or recovered, and the same workspace without the flag exits 0', () => {
      const steady = run(OUTCOMES, ['report', '--fail-on-worsening', 'workspace']);
      assert.equal(steady.status, 0, steady.stderr);
      assert.equal(steady.stderr, '');
      assert.equal(run(SLIDING, ['report', 'workspace']).status, 0, 'no gate without the flag');
    });
  });

  describe('--fail-on-stale', () => {
    it('exits 1 when a follow-up has been open more than the days given, one stderr line per stale item', () => {
      const result = run(OUTCOMES, ['report', '--as-of', '2026-04-30', '--fail-on-stale', '100', 'workspace']);
      assert.equal(result.status, 1);
      assert.deepEqual(stderrLines(result.stderr), [
        'retro-health: stale (--fail-on-stale 100): workspace/retros/warehouse/2026-01-19.md:13: “List the core systems the business relies on daily and agree their reliability targets (Jo)” (warehouse) has been open for 101 days, more than 100.',
      ]);
    });

    it('exits 0 at exactly the days given (stale means longer), and the report marks stale by the same days', () => {
      const result = run(OUTCOMES, ['report', '--as-of', '2026-04-30', '--fail-on-stale', '101', '--format', 'markdown', 'workspace']);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(!result.stdout.includes('stale'), 'nothing is stale at 101 days');
    });

    it('--stale-after-days sets what counts as stale without failing', () => {
      const result = run(OUTCOMES, ['report', '--as-of', '2026-04-30', '--stale-after-days', '90', '--format', 'markdown', 'workspace']);
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(result.stdout.match(/\| \d+ days[^|]*\|/g), ['| 101 days, stale (over 90) |', '| 87 days |']);
    });

    for (const args of [['--fail-on-stale', 'soon'], ['--fail-on-stale', '0'], ['--stale-after-days', '1.5'], ['--fail-on-stale']]) {
      it(`rejects ${args.join(' ')} with exit 2 and no report`, () => {
        const result = run(OUTCOMES, ['report', ...args, 'workspace']);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, new RegExp(args[0] as string));
      });
    }

    it('lets a file error (exit 2) win over a tripped gate', () => {
      const result = run(SLIDING, ['report', '--fail-on-worsening', 'workspace', 'no-such-file.md']);
      assert.equal(result.status, 2);
    });
  });
});

describe('--format github', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'retro-health-github-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one ::warning per symptom, per worsened team and per stale follow-up, and appends the report to the job summary', () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'An earlier step wrote this.\n');
    const result = run(SLIDING, ['report', '--format', 'github', 'workspace'], { GITHUB_STEP_SUMMARY: summary });
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(run(SLIDING, ['report', '--format', 'json', 'workspace']).stdout) as { summary: { findings: number } };
    const lines = result.stdout.split('\n').filter(Boolean);
    assert.ok(lines.every((line) => line.startsWith('::warning file=workspace/retros/')), result.stdout);
    assert.equal(lines.length, json.summary.findings + 1 + 1, 'every finding, payments got worse, one stale follow-up (56 days)');
    assert.ok(lines.includes('::warning file=workspace/retros/payments/2026-02-27-sprint-24.md,line=1,title=Retro Health%3A payments got worse::payments: 2026-02-27 end 12/100, after 2026-02-13 advanced 39/100'));
    assert.ok(
      lines.includes('::warning file=workspace/retros/payments/2026-01-16-sprint-21.md,line=13,title=Retro Health%3A stale action item::“Book a walkthrough of the approval rules with finance (Dana)” (payments) has been open for 56 days, more than 42.'),
    );
    assert.match(lines[0] as string, /^::warning file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=Retro Health%3A [^:,]+ \((early|middle|advanced|end)\)::.+ “.+”$/);
    const written = readFileSync(summary, 'utf8');
    const markdown = run(SLIDING, ['report', '--format', 'markdown', 'workspace']).stdout;
    assert.equal(written, `An earlier step wrote this.\n${markdown}`, 'appended, the same document as --format markdown');
  });

  it('prints the job summary after the annotations on stdout when GITHUB_STEP_SUMMARY is not set', () => {
    const result = run(SLIDING, ['report', '--format', 'github', 'workspace']);
    assert.equal(result.status, 0, result.stderr);
    const start = result.stdout.indexOf('# Retro Health: workspace report\n');
    assert.ok(start > 0);
    assert.ok(result.stdout.slice(0, start).split('\n').filter(Boolean).every((line) => line.startsWith('::warning ')));
    assert.equal(result.stdout.slice(start), run(SLIDING, ['report', '--format', 'markdown', 'workspace']).stdout);
  });

  it('escapes a file name’s “:” and “,” in the properties, and exits 2 when the job summary cannot be written', () => {
    mkdirSync(join(dir, 'retros'));
    writeFileSync(join(dir, 'retros', 'retro, part 1: 100%.md'), '# Retro\n\n## What went wrong\n\n- Lots of requirements didn’t come out until UAT.\n');
    writeFileSync(join(dir, '.retro-health.json'), '{}');
    const result = run(dir, ['report', '--format', 'github', 'retros'], { GITHUB_STEP_SUMMARY: dir });
    assert.equal(result.status, 2, 'a folder is no summary file');
    assert.match(result.stderr, /could not write the job summary/);
    assert.match(result.stdout, /^::warning file=retros\/retro%2C part 1%3A 100%25\.md,line=5,/m);
  });

  it('escapes messages and properties as GitHub’s workflow commands expect', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    assert.equal(warning({ file: 'x,y.md', line: 3, title: 'T: t' }, 'm\nn'), '::warning file=x%2Cy.md,line=3,title=T%3A t::m%0An');
  });
});
