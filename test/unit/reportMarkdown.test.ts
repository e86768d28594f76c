import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import { analyzeRetro } from '../../src/core';
import { buildWorkspaceReport, escapeMarkdown, lineLink, renderReportMarkdown, type ReportInput } from '../../src/core/report';

const FIXTURES = join(__dirname, '..', 'fixtures', 'report', 'workspace');
const markdown = new MarkdownIt();

function fixtureInputs(): ReportInput[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : name.endsWith('.md') ? [join(dir, name)] : []));
  return walk(FIXTURES).map((path) => {
    const file = relative(FIXTURES, path).split(/[\\/]/).join('/');
    return { file, analysis: analyzeRetro(readFileSync(path, 'utf8'), { fileName: file }) };
  });
}

/** Line 9 holds `say`, line 13 the open action item. */
function retro(date: string, say: string, action: string): string {
  return `---\ndate: ${date}\nteam: set-below\n---\n# Retro\n\n## What happened\n\n- ${say}\n\n## Action items\n\n- [ ] ${action}\n`;
}

/** Block structure of a markdown document: headings, table rows with their cell texts, and every inline token type used. */
function structure(text: string) {
  const tokens = markdown.parse(text, {});
  const headings: string[] = [];
  const rows: string[][] = [];
  const inlineTypes = new Set<string>();
  const hrefs: string[] = [];
  let row: string[] | null = null;
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') headings.push((tokens[index + 1] as Token).content);
    if (token.type === 'tr_open') row = [];
    if (token.type === 'tr_close' && row) {
      rows.push(row);
      row = null;
    }
    if (token.type.startsWith('html_')) inlineTypes.add(token.type);
    if (token.type !== 'inline') return;
    const children = token.children ?? [];
    for (const child of children) {
      inlineTypes.add(child.type);
      if (child.type === 'link_open') hrefs.push(String(child.attrGet('href') ?? ''));
    }
    if (row) row.push(children.map((child) => (child.type === 'text' ? child.content : `<${child.type}>`)).join(''));
  });
  return { headings, rows, inlineTypes, hrefs };
}

describe('workspace report: markdown', () => {
  const report = buildWorkspaceReport(fixtureInputs());
  const text = renderReportMarkdown(report);

  it('has the title, the summary and one section per part, in order', () => {
    const { headings } = structure(text);
    assert.deepEqual(headings, ['Retro Health: workspace report', 'Teams', 'Stage over time', 'Recurring symptoms', 'Open follow-ups', 'Did it help?', 'Organisation']);
    assert.ok(text.includes(`\n\n${report.summary}\n\n`), 'the summary paragraph, as written');
    assert.match(text, /^# Retro Health: workspace report\n\n_As of 2026-03-13 · 9 retros · 3 teams_\n/);
  });

  it('has a teams table: team, retros, latest stage, score, direction, balance', () => {
    const { rows } = structure(text);
    assert.deepEqual(rows[0], ['Team', 'Retros', 'Latest stage', 'Score', 'Direction', 'Balance']);
    const payments = rows.find((row) => row[0] === 'payments') as string[];
    assert.equal(payments[1], '4');
    assert.equal(payments[2], 'end (death and reincarnation)');
    assert.match(payments[3] as string, /^\d+$/);
    assert.equal(payments[4], 'worsening, 3 in a row');
    assert.match(payments[5] as string, /^(both ways|mostly business|mostly IT) \(business \d+ · IT \d+ · both \d+\)$/);
    assert.deepEqual(
      rows.slice(1, 4).map((row) => row[0]),
      ['claims', 'payments', 'platform'],
    );
  });

  it('draws each team’s stage over time on one line, undated retros apart', () => {
    assert.match(text, /^- \*\*payments:\*\* 2026-01-16 early \d+ → 2026-01-30 middle \d+ → 2026-02-13 advanced \d+ → 2026-02-27 end \d+$/m);
    assert.match(text, /^- \*\*claims:\*\* 2026-03-13 middle \d+ · undated: retros\/claims\/kickoff\.md early \d+$/m);
  });

  it('links every recurring symptom to each file and line', () => {
    const recurring = report.recurring[0];
    assert.ok(recurring, 'the fixtures have a recurring symptom');
    for (const { file, line } of recurring.occurrences) assert.ok(text.includes(`[${escapeMarkdown(`${file}:${line}`)}](${file}#L${line})`), `${file}:${line}`);
    assert.ok(structure(text).hrefs.every((href) => /^[\w./%-]+#L\d+$/.test(href)));
  });

  it('lists open follow-ups with their age and a link to where they were written', () => {
    const { rows } = structure(text);
    const header = rows.findIndex((row) => row[0] === 'Open for');
    assert.deepEqual(rows[header], ['Open for', 'Team', 'Item', 'From']);
    const first = report.followUps[0];
    assert.ok(first);
    assert.equal(rows[header + 1]?.[0], `${first.openDays} days${first.stale ? `, stale (over ${report.staleAfterDays})` : ''}`);
    assert.equal(rows[header + 1]?.[2], first.text);
    assert.ok((rows[header + 1]?.[3] as string).startsWith('<link_open>'));
  });

  it('shows the organisation view: stages now, the worst off first, the treatments that help most teams', () => {
    assert.match(text, /\*\*Teams by stage now:\*\* healthy 1 · early \(the sniffles\) 0 · middle \(the flu\) 1 · advanced \(pneumonia\) 0 · end \(death and reincarnation\) 1/);
    assert.match(text, /\*\*Worst off first\*\*\n\n1\. \*\*payments\*\*: end[^\n]+\n2\. \*\*claims\*\*: middle[^\n]+\n3\. \*\*platform\*\*: healthy/);
    assert.match(text, /\*\*Treatments that would help the most teams\*\*\n\n1\. .+: 2 teams \(claims, payments\)/);
  });

  it('says so when there is nothing to report', () => {
    const empty = renderReportMarkdown(buildWorkspaceReport([]));
    assert.match(empty, /No retros found\./);
    assert.match(empty, /No symptom appears in more than one retro\./);
    assert.match(empty, /No checklist item from an earlier retro is left open\./);
  });

  describe('hostile retro text', () => {
    const hostile = 'a|b <script>alert(1)</script> # [x](javascript:alert(1)) ![i](x.png) **b** `c` ~~s~~ &amp; $x$ \\| _u_ <!-- c -->';
    const inputs = [
      { team: hostile, file: 'retros/2026-01-01.md' },
      { team: 'ok', file: 'retros/we ird (1)/[x]|y 2026-01-15.md' },
      { team: 'ok', file: 'retros/we ird (1)/z 2026-01-29.md' },
    ].map(({ team, file }) => {
      const analysis = analyzeRetro(retro(file.match(/\d{4}-\d{2}-\d{2}/)?.[0] as string, 'So much red tape.', hostile), { fileName: file });
      // Front matter cannot carry every character (a " #" starts a comment), so set the team as a team file might.
      analysis.document.team = team;
      for (const finding of analysis.findings) {
        finding.text = `${hostile}\n# Injected heading\n| x | y |`;
        finding.title = `${hostile}\n\n## Another`;
      }
      for (const treatment of analysis.diagnosis.treatments) treatment.title = hostile;
      return { file, analysis };
    });
    const hostileReport = buildWorkspaceReport(inputs);
    const rendered = renderReportMarkdown(hostileReport);
    const { headings, rows, inlineTypes, hrefs } = structure(rendered);

    it('cannot add headings, HTML, images or links', () => {
      assert.deepEqual(headings, ['Retro Health: workspace report', 'Teams', 'Stage over time', 'Recurring symptoms', 'Open follow-ups', 'Did it help?', 'Organisation']);
      for (const type of ['html_inline', 'html_block', 'image', 'code_inline', 's_open']) assert.ok(!inlineTypes.has(type), type);
      const emphasis = markdown.parse(rendered, {}).flatMap((token) => token.children ?? []).filter((token) => token.type === 'em_open');
      assert.equal(emphasis.length, 3, 'only the report’s own: the date line, the note under "Did it help?" and the closing note');
      assert.deepEqual(
        [...new Set(hrefs)].sort(),
        ['retros/2026-01-01.md#L9', 'retros/we%20ird%20%281%29/%5Bx%5D%7Cy%202026-01-15.md#L9', 'retros/we%20ird%20%281%29/%5Bx%5D%7Cy%202026-01-15.md#L13', 'retros/we%20ird%20%281%29/z%202026-01-29.md#L9'].sort(),
      );
    });

    it('keeps every table row to its columns, with the text shown as written', () => {
      const teamRows = rows.slice(1, 1 + hostileReport.teams.length);
      assert.ok(teamRows.every((row) => row.length === 6));
      assert.deepEqual(teamRows.map((row) => row[0]).sort(), [hostile, 'ok'].sort());
      const followUpRows = rows.filter((row) => row.length === 4 && row[0] !== 'Open for');
      assert.ok(followUpRows.length >= 1);
      for (const row of followUpRows) assert.equal(row[2], hostile);
    });
  });

  it('escapes any text so that it renders as itself, on one line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const text = raw.replace(/[\0\r]/g, ' ');
        const expected = text.replace(/\s+/g, ' ').trim();
        const line = `| ${escapeMarkdown(text)} | end |\n`;
        const tokens = markdown.parse(`| a | b |\n|---|---|\n${line}`, {});
        const cells = tokens.filter((token) => token.type === 'inline').slice(2);
        assert.equal(cells.length, 2, line);
        const children = (cells[0] as Token).children ?? [];
        assert.ok(children.every((child) => child.type === 'text'), line);
        assert.equal(children.map((child) => child.content).join(''), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('makes links relative, with the path percent-encoded', () => {
    assert.equal(lineLink('retros/payments/2026-01-16.md', 12), '[retros/payments/2026-01-16.md:12](retros/payments/2026-01-16.md#L12)');
    assert.equal(lineLink('a b/(c)\'s.md', 3), "[a b/(c)'s.md:3](a%20b/%28c%29%27s.md#L3)");
  });
});
