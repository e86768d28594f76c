import { strict as assert } from 'node:assert';
import { analyzeRetro } from '../../src/core';
import { buildWorkspaceReport, dateFromFolders, teamFromFileName, teamFromFolder, type ReportInput, type WorkspaceReport } from '../../src/core/report';

function retro(options: { team?: string; date?: string } = {}): string {
  const fields = [options.date ? `date: ${options.date}` : '', options.team ? `team: ${options.team}` : ''].filter(Boolean);
  const frontMatter = fields.length ? `---\n${fields.join('\n')}\n---\n` : '';
  return `${frontMatter}# Retro\n\n- The release went out on time.\n`;
}

function input(file: string, text = retro()): ReportInput {
  return { file, analysis: analyzeRetro(text, { fileName: file }) };
}

/** team name -> its retros' files (dated in order, then undated). */
function teamsOf(report: WorkspaceReport): Record<string, string[]> {
  return Object.fromEntries(report.teams.map((team) => [team.name ?? '(none)', [...team.retros, ...team.undated].map((retro) => retro.file)]));
}

describe('workspace report: teams and dates', () => {
  it('takes the team from front matter first, over the file name and the folder', () => {
    const report = buildWorkspaceReport([
      input('retros/2026-03-14-payments-sprint-42.md', retro({ team: 'ledger' })),
      input('retros/2026-03-28-platform-sprint-43.md'),
      input('retros/2026-04-11-claims.md'),
    ]);
    assert.deepEqual(Object.keys(teamsOf(report)), ['claims', 'ledger', 'platform']);
    const ledger = report.teams.find((team) => team.name === 'ledger');
    assert.equal(ledger?.latest.teamSource, 'front-matter');
  });

  it('names teams from file names when the files of one folder carry several distinct names', () => {
    const report = buildWorkspaceReport([
      input('retros/2026-03-14-payments-sprint-42.md'),
      input('retros/2026-03-28-payments-Sprint-43.md'),
      input('retros/2026-03-21-platform-retrospective.md'),
      input('retros/PI3-iteration-2-claims-retro.md'),
    ]);
    assert.deepEqual(teamsOf(report), {
      claims: ['retros/PI3-iteration-2-claims-retro.md'],
      payments: ['retros/2026-03-14-payments-sprint-42.md', 'retros/2026-03-28-payments-Sprint-43.md'],
      platform: ['retros/2026-03-21-platform-retrospective.md'],
    });
    assert.ok(report.teams.every((team) => team.latest.teamSource === 'file-name'));
  });

  it('reads teams from the file names in a dated folder too', () => {
    const report = buildWorkspaceReport([input('retros/2026-03/payments.md'), input('retros/2026-03/platform.md')]);
    assert.deepEqual(teamsOf(report), { payments: ['retros/2026-03/payments.md'], platform: ['retros/2026-03/platform.md'] });
    assert.equal(report.teams[0]?.latest.date, '2026-03');
  });

  it('does not take one recurring file name for a team: several distinct names are needed', () => {
    const report = buildWorkspaceReport([input('retros/2026-03-14-payments-sprint-42.md'), input('retros/2026-03-28-payments-sprint-43.md')]);
    assert.deepEqual(Object.keys(teamsOf(report)), ['(none)']);
  });

  it('lets a folder that names a team win over the words in its files’ names', () => {
    const report = buildWorkspaceReport([
      input('teams/billing/2026-01-10-kickoff.md'),
      input('teams/billing/2026-01-24-after-the-outage.md'),
      input('teams/billing/2026-02/planning.md'),
      input('teams/billing/away-day.md'),
    ]);
    assert.deepEqual(Object.keys(teamsOf(report)), ['billing']);
    assert.ok([...(report.teams[0]?.retros ?? []), ...(report.teams[0]?.undated ?? [])].every((retro) => retro.teamSource === 'folder'));
  });

  it('falls back to the nearest folder that names a team, past generic and dated folders', () => {
    const report = buildWorkspaceReport([
      input('retros/payments/2026-03-14.md'),
      input('payments/retros/2026-03-28.md'),
      input('docs/retrospectives/ledger/2026-02/notes.md'),
      input('retros/2026-04-01.md'),
    ]);
    assert.deepEqual(teamsOf(report), {
      ledger: ['docs/retrospectives/ledger/2026-02/notes.md'],
      payments: ['retros/payments/2026-03-14.md', 'payments/retros/2026-03-28.md'],
      '(none)': ['retros/2026-04-01.md'],
    });
    assert.equal(report.teams[report.teams.length - 1]?.name, null, 'the no-team group comes last');
    assert.equal(report.teams[report.teams.length - 1]?.latest.teamSource, 'none');
  });

  it('merges spellings of one team case-insensitively and shows the most used one', () => {
    const report = buildWorkspaceReport([
      input('a/2026-01-01.md', retro({ team: 'Payments' })),
      input('b/2026-01-15.md', retro({ team: 'payments' })),
      input('payments/2026-02-01.md'),
    ]);
    assert.equal(report.teams.length, 1);
    assert.equal(report.teams[0]?.name, 'payments');
    assert.equal(report.teams[0]?.retros.length, 3);
    const tie = buildWorkspaceReport([input('a/2026-01-01.md', retro({ team: 'payments' })), input('b/2026-02-01.md', retro({ team: 'Payments' }))]);
    assert.equal(tie.teams[0]?.name, 'Payments', 'on a tie, the newest retro’s spelling');
  });

  it('orders a team’s retros by front-matter date, else the file-name date, else a dated folder; undated apart', () => {
    const report = buildWorkspaceReport([
      input('retros/claims/2026-03/retro.md'),
      input('retros/claims/2026/01/retro.md'),
      input('retros/claims/zz-sprint-9.md', retro({ date: '2026-02-14' })),
      input('retros/claims/2026-02-20-sprint-10.md'),
      input('retros/claims/kickoff.md'),
      input('retros/claims/away-day.md'),
    ]);
    const claims = report.teams[0];
    assert.deepEqual(
      claims?.retros.map((retro) => [retro.file, retro.date, retro.dateSource]),
      [
        ['retros/claims/2026/01/retro.md', '2026-01', 'folder'],
        ['retros/claims/zz-sprint-9.md', '2026-02-14', 'front-matter'],
        ['retros/claims/2026-02-20-sprint-10.md', '2026-02-20', 'file-name'],
        ['retros/claims/2026-03/retro.md', '2026-03', 'folder'],
      ],
    );
    assert.deepEqual(claims?.undated.map((retro) => retro.file), ['retros/claims/away-day.md', 'retros/claims/kickoff.md']);
    assert.equal(claims?.latest.file, 'retros/claims/2026-03/retro.md', 'the latest is the newest dated retro');
  });

  it('uses the last undated retro as the latest when none is dated', () => {
    const report = buildWorkspaceReport([input('retros/ops/b.md'), input('retros/ops/a.md')]);
    assert.equal(report.teams[0]?.latest.file, 'retros/ops/b.md');
    assert.equal(report.teams[0]?.direction, null);
    assert.equal(report.asOf, null);
  });

  it('accepts backslashes and a leading ./ in file names', () => {
    const report = buildWorkspaceReport([input('.\\retros\\payments\\2026-03-14.md')]);
    assert.equal(report.teams[0]?.name, 'payments');
    assert.equal(report.teams[0]?.latest.file, 'retros/payments/2026-03-14.md');
  });

  describe('name from a file name', () => {
    const cases: [string, string | null][] = [
      ['retros/2026-03-14-payments-sprint-42.md', 'payments'],
      ['2026-03-14_Payments_Retro.markdown', 'Payments'],
      ['payments-team-retrospective-7.md', 'payments'],
      ['claims-pi3-iteration4.md', 'claims'],
      ['2026-03-14-customer-care.md', 'customer-care'],
      ['2026-march-14-ledger-retro.md', 'ledger'],
      ['q1-s42-retro.md', null],
      ['2026-03-14.md', null],
      ['sprint-42-retro.md', null],
    ];
    for (const [file, expected] of cases) it(`${file} → ${expected}`, () => assert.equal(teamFromFileName(file), expected));
  });

  it('reads team folders and dated folders', () => {
    assert.equal(teamFromFolder('retros/payments/2026-03/x.md'), 'payments');
    assert.equal(teamFromFolder('retros/2026/03/x.md'), null);
    assert.equal(teamFromFolder('x.md'), null);
    assert.equal(dateFromFolders('a/2026-03-14/x.md'), '2026-03-14');
    assert.equal(dateFromFolders('a/2026-03/x.md'), '2026-03');
    assert.equal(dateFromFolders('a/2026/03/x.md'), '2026-03');
    assert.equal(dateFromFolders('a/2026/x.md'), '2026');
    assert.equal(dateFromFolders('a/2026-13/x.md'), null);
    assert.equal(dateFromFolders('a/payments/x.md'), null);
  });
});
