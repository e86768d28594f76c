import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeRetro, SECTION_BEGIN, SECTION_END } from '../../src/core';
import {
  buildWorkspaceReport,
  checklistItems,
  directionOf,
  renderReportMarkdown,
  worsenedInARow,
  type ReportInput,
  type ReportRetro,
} from '../../src/core/report';

/** One sentence per stage that the detector reliably reads as that stage. */
const SAY = {
  healthy: 'The release went out on time.',
  early: 'IT just doesn’t get it.',
  earlyIt: 'Lots of requirements didn’t come out until UAT.',
  middle: 'So much red tape.',
  advanced: 'Finance has hired its own developers and runs a parallel system.',
  end: 'Maybe we should outsource the IT department.',
} as const;

function retro(options: { team?: string; date?: string; say?: string[]; actions?: string[]; after?: string }): string {
  const fields = [options.date ? `date: ${options.date}` : '', options.team ? `team: ${options.team}` : ''].filter(Boolean);
  const frontMatter = fields.length ? `---\n${fields.join('\n')}\n---\n` : '';
  const said = (options.say ?? [SAY.healthy]).map((line) => `- ${line}`).join('\n');
  const actions = options.actions ? `\n## Action items\n\n${options.actions.join('\n')}\n` : '';
  return `${frontMatter}# Retro\n\n## What happened\n\n${said}\n${actions}${options.after ?? ''}`;
}

function input(file: string, text: string): ReportInput {
  return { file, analysis: analyzeRetro(text, { fileName: file }) };
}

function point(stage: ReportRetro['stage'], score: number): Pick<ReportRetro, 'stage' | 'score'> {
  return { stage, score };
}

/** payments slides early → middle → advanced → end; platform stays healthy. */
function slidingWorkspace(): ReportInput[] {
  return [
    input('retros/payments/2026-01-02.md', retro({ say: [SAY.early], actions: ['- [ ] Book the joint demo (Dana)', '- [ ] Fix the flaky test'] })),
    input('retros/payments/2026-01-16.md', retro({ say: [SAY.middle, SAY.early], actions: ['- [x] Fix the flaky test.', '- [ ] Book the joint demo (Dana)'] })),
    input('retros/payments/2026-01-30.md', retro({ say: [SAY.advanced, SAY.early] })),
    input('retros/payments/2026-02-13.md', retro({ say: [SAY.end], actions: ['- [ ] Ask for an outside facilitator'] })),
    input('retros/platform/2026-01-09.md', retro({ actions: ['- [ ] Write the runbook'] })),
    input('retros/platform/2026-02-06.md', retro({ actions: ['- [X] write the  runbook'] })),
  ];
}

describe('workspace report', () => {
  describe('direction', () => {
    it('is worsening at a worse stage, or the same stage with a score at least 5 lower', () => {
      assert.equal(directionOf([point('early', 85), point('middle', 68)]), 'worsening');
      assert.equal(directionOf([point('early', 70), point('middle', 69)]), 'worsening', 'a stage change counts however small the score change');
      assert.equal(directionOf([point('middle', 66), point('middle', 61)]), 'worsening');
      assert.equal(directionOf([point('middle', 66), point('middle', 62)]), 'steady', '4 points is noise');
    });

    it('is recovering the other way', () => {
      assert.equal(directionOf([point('advanced', 30), point('middle', 50)]), 'recovering');
      assert.equal(directionOf([point('middle', 50), point('middle', 55)]), 'recovering');
      assert.equal(directionOf([point('healthy', 96), point('healthy', 100)]), 'steady');
    });

    it('uses the last three retros to catch a slow slide or a slow recovery', () => {
      assert.equal(directionOf([point('early', 85), point('early', 82), point('early', 79)]), 'worsening');
      assert.equal(directionOf([point('early', 79), point('early', 82), point('early', 85)]), 'recovering');
      assert.equal(directionOf([point('early', 85), point('early', 82), point('early', 82)]), 'steady', 'a pause ends the slide');
      assert.equal(directionOf([point('early', 84), point('early', 82), point('early', 80)]), 'steady', 'falling by 4 in all is noise');
      assert.equal(directionOf([point('early', 85), point('middle', 60), point('middle', 62)]), 'steady', 'after a drop, holding is steady');
      assert.equal(directionOf([point('end', 5), point('early', 85), point('early', 83), point('early', 81)]), 'steady', 'only the last three count');
    });

    it('is null with fewer than two dated retros', () => {
      assert.equal(directionOf([]), null);
      assert.equal(directionOf([point('end', 5)]), null);
    });

    it('counts how many retros in a row got worse, ending at the latest', () => {
      assert.equal(worsenedInARow([point('early', 85), point('middle', 60), point('advanced', 30), point('end', 5)]), 3);
      assert.equal(worsenedInARow([point('middle', 60), point('early', 85), point('early', 79), point('middle', 60)]), 2);
      assert.equal(worsenedInARow([point('early', 85), point('middle', 60), point('middle', 61)]), 0);
      assert.equal(worsenedInARow([point('end', 5)]), 0);
    });

    it('is worked out per team from its dated retros', () => {
      const report = buildWorkspaceReport(slidingWorkspace());
      const payments = report.teams.find((team) => team.name === 'payments');
      assert.deepEqual(payments?.retros.map((retro) => retro.stage), ['early', 'middle', 'advanced', 'end']);
      assert.equal(payments?.direction, 'worsening');
      assert.equal(payments?.worsenedInARow, 3);
      assert.equal(payments?.latest.file, 'retros/payments/2026-02-13.md');
      assert.equal(report.teams.find((team) => team.name === 'platform')?.direction, 'steady');
    });
  });

  it('sums the business/IT balance over a team’s retros', () => {
    const report = buildWorkspaceReport([
      input('retros/ops/2026-01-01.md', retro({ say: [SAY.early, SAY.middle] })),
      input('retros/ops/2026-01-15.md', retro({ say: [SAY.earlyIt] })),
      input('retros/ops/undated.md', retro({ say: [SAY.end] })),
    ]);
    assert.deepEqual(report.teams[0]?.balance, { business: 3, it: 1, both: 0, balance: 'business' });
    const quiet = buildWorkspaceReport([input('retros/ops/2026-01-01.md', retro({}))]);
    assert.deepEqual(quiet.teams[0]?.balance, { business: 0, it: 0, both: 0, balance: 'none' });
  });

  describe('recurring symptoms', () => {
    it('lists symptoms found in two or more retros, with every file, line and column', () => {
      const report = buildWorkspaceReport(slidingWorkspace());
      const [first, ...rest] = report.recurring;
      assert.equal(first?.symptom, 'it-doesnt-get-it');
      assert.equal(first?.retros, 3);
      assert.deepEqual(first?.teams, ['payments']);
      assert.deepEqual(
        first?.occurrences.map(({ file, line, column, text }) => [file, line, column, text]),
        [
          ['retros/payments/2026-01-02.md', 5, 3, 'IT just doesn’t get it'],
          ['retros/payments/2026-01-16.md', 6, 3, 'IT just doesn’t get it'],
          ['retros/payments/2026-01-30.md', 6, 3, 'IT just doesn’t get it'],
        ],
      );
      assert.deepEqual(rest, [], 'red tape, shadow IT and outsourcing each appear once');
      assert.deepEqual(report.teams.find((team) => team.name === 'payments')?.recurring.map((symptom) => symptom.symptom), ['it-doesnt-get-it']);
    });

    it('counts retros, not findings: twice in one retro does not recur', () => {
      const report = buildWorkspaceReport([input('retros/a/2026-01-01.md', retro({ say: [SAY.middle, SAY.middle] })), input('retros/a/2026-01-15.md', retro({}))]);
      assert.deepEqual(report.recurring, []);
    });

    it('spans teams across the workspace and only the team’s own retros per team, most widespread first', () => {
      const report = buildWorkspaceReport([
        input('retros/a/2026-01-01.md', retro({ say: [SAY.middle, SAY.earlyIt] })),
        input('retros/b/2026-01-02.md', retro({ say: [SAY.middle, SAY.earlyIt] })),
        input('retros/b/2026-01-16.md', retro({ say: [SAY.middle] })),
        input('retros/c/undated.md', retro({ say: [SAY.middle] })),
      ]);
      assert.deepEqual(
        report.recurring.map((symptom) => [symptom.symptom, symptom.retros, symptom.teams]),
        [
          ['red-tape', 4, ['a', 'b', 'c']],
          ['requirements-surface-late', 2, ['a', 'b']],
        ],
      );
      assert.deepEqual(
        report.recurring[0]?.occurrences.map((occurrence) => occurrence.file),
        ['retros/a/2026-01-01.md', 'retros/b/2026-01-02.md', 'retros/b/2026-01-16.md', 'retros/c/undated.md'],
        'in retro order, undated last',
      );
      assert.deepEqual(
        report.teams.map((team) => [team.name, team.recurring.map((symptom) => symptom.symptom)]),
        [
          ['a', []],
          ['b', ['red-tape']],
          ['c', []],
        ],
      );
    });
  });

  describe('follow-through', () => {
    it('lists items left open in earlier retros, with line and age, and drops those ticked later', () => {
      const report = buildWorkspaceReport(slidingWorkspace());
      const payments = report.teams.find((team) => team.name === 'payments');
      assert.equal(report.asOf, '2026-02-13', 'asOf defaults to the newest retro date');
      assert.deepEqual(
        payments?.followUps.map(({ file, line, text, openDays, stillOpenIn, source }) => ({ file, line, text, openDays, stillOpenIn, source })),
        [{ file: 'retros/payments/2026-01-02.md', line: 9, text: 'Book the joint demo (Dana)', openDays: 42, stillOpenIn: ['retros/payments/2026-01-16.md'], source: 'action-items' }],
        'the flaky test was ticked later; the latest retro’s own item is its plan, not a follow-up',
      );
      assert.deepEqual(report.teams.find((team) => team.name === 'platform')?.followUps, [], 'ticked later, with different case and spacing');
    });

    it('counts ages to asOf when given, and rejects a malformed asOf', () => {
      const report = buildWorkspaceReport(slidingWorkspace(), { asOf: '2026-03-01' });
      assert.equal(report.followUps[0]?.openDays, 58);
      assert.throws(() => buildWorkspaceReport([], { asOf: '2026-02-30' }), /asOf must be a date as YYYY-MM-DD/);
      assert.throws(() => buildWorkspaceReport([], { asOf: 'yesterday' }), RangeError);
    });

    it('reads open items in the written-back health section, not in code, and not under other headings', () => {
      const text = retro({
        say: [SAY.middle],
        actions: ['- [ ] Real item', '', '```md', '- [ ] Item inside a code block', '```'],
        after: `\n${SECTION_BEGIN}\n## Relationship health\n\n**Treatment plan**\n\n- [ ] Section item (carried over from 2026-01-01)\n- [x] Done in the section\n${SECTION_END}\n\n## Notes\n\n- [ ] Not an action item\n`,
      });
      const items = checklistItems(analyzeRetro(text).document);
      assert.deepEqual(
        items.map(({ text, done, source }) => [text, done, source]),
        [
          ['Real item', false, 'action-items'],
          ['Section item', false, 'health-section'],
          ['Done in the section', true, 'health-section'],
        ],
      );
      const report = buildWorkspaceReport([input('retros/x/2026-01-01.md', text), input('retros/x/2026-01-15.md', retro({}))]);
      assert.deepEqual(
        report.followUps.map((item) => [item.text, item.source, item.openDays]),
        [
          ['Real item', 'action-items', 14],
          ['Section item', 'health-section', 14],
        ],
      );
    });

    it('finds action sections under any matching heading and level, ending at the next heading of the same level', () => {
      const text = '# Retro\n\n### Next steps\n\n1. [ ] Numbered item\n\n#### Owners\n\n- [ ] Nested heading item\n\n### Kudos\n\n- [ ] Not an action\n\n## 🚀 Follow-ups\n\n* [ ] Star item\n';
      assert.deepEqual(
        checklistItems(analyzeRetro(text).document).map((item) => item.text),
        ['Numbered item', 'Nested heading item', 'Star item'],
      );
    });

    it('closes an item ticked in a later retro, and re-opens it when it comes back open', () => {
      const report = buildWorkspaceReport([
        input('retros/x/2026-01-01.md', retro({ actions: ['- [ ] Call finance'] })),
        input('retros/x/2026-01-15.md', retro({ actions: ['- [x] Call finance'] })),
        input('retros/x/2026-01-29.md', retro({ actions: ['- [ ] Carried over: call finance.'] })),
        input('retros/x/2026-02-12.md', retro({})),
      ]);
      assert.deepEqual(
        report.followUps.map((item) => [item.file, item.text, item.openDays]),
        [['retros/x/2026-01-29.md', 'Carried over: call finance.', 14]],
      );
    });

    it('lets a tick in an undated retro close an item, but never lists an undated retro’s open items', () => {
      const report = buildWorkspaceReport([
        input('retros/x/2026-01-01.md', retro({ actions: ['- [ ] Call finance', '- [ ] Book the room'] })),
        input('retros/x/2026-01-15.md', retro({})),
        input('retros/x/notes.md', retro({ actions: ['- [x] Call finance', '- [ ] Undated item'] })),
      ]);
      assert.deepEqual(report.followUps.map((item) => item.text), ['Book the room']);
    });

    it('sorts the workspace’s follow-ups oldest first', () => {
      const report = buildWorkspaceReport([
        input('retros/b/2026-01-10.md', retro({ actions: ['- [ ] B item'] })),
        input('retros/b/2026-01-20.md', retro({})),
        input('retros/a/2026-01-05.md', retro({ actions: ['- [ ] A item 2', '- [ ] A item 1'] })),
        input('retros/a/2026-01-25.md', retro({})),
      ]);
      assert.deepEqual(
        report.followUps.map((item) => [item.team, item.text, item.openDays]),
        [
          ['a', 'A item 2', 20],
          ['a', 'A item 1', 20],
          ['b', 'B item', 15],
        ],
      );
    });
  });

  describe('organisation view', () => {
    it('counts teams per current stage and ranks the worst off first: stage, then score, then name', () => {
      const report = buildWorkspaceReport([
        input('retros/zeta/2026-01-01.md', retro({ say: [SAY.middle] })),
        input('retros/alpha/2026-01-01.md', retro({ say: [SAY.middle] })),
        input('retros/beta/2026-01-01.md', retro({ say: [SAY.middle, SAY.early, SAY.earlyIt] })),
        input('retros/gamma/2026-01-01.md', retro({ say: [SAY.end] })),
        input('retros/delta/2026-01-01.md', retro({ say: [SAY.end] })),
        input('retros/delta/2026-01-15.md', retro({})),
        input('retros/omega/2026-01-01.md', retro({})),
      ]);
      const { stageCounts, ranking } = report.organisation;
      assert.deepEqual(stageCounts, { healthy: 2, early: 0, middle: 3, advanced: 0, end: 1 });
      assert.deepEqual(
        ranking.map((standing) => standing.team),
        ['gamma', 'beta', 'alpha', 'zeta', 'delta', 'omega'],
        'delta has recovered: its latest retro counts',
      );
      assert.ok((ranking[1]?.score ?? 0) < (ranking[2]?.score ?? 0));
      assert.equal(ranking.find((standing) => standing.team === 'delta')?.direction, 'recovering');
    });

    it('ranks treatments by how many teams’ latest top three include them', () => {
      const report = buildWorkspaceReport([
        input('retros/a/2026-01-01.md', retro({ say: [SAY.end] })),
        input('retros/b/2026-01-01.md', retro({ say: [SAY.advanced] })),
        input('retros/c/2026-01-01.md', retro({ say: [SAY.middle] })),
        input('retros/d/2026-01-01.md', retro({})),
      ]);
      const top = report.organisation.treatments;
      for (const team of report.teams) assert.ok(team.treatments.length <= 3);
      const expected = new Map<string, number>();
      for (const team of report.teams) for (const treatment of team.treatments) expected.set(treatment.id, (expected.get(treatment.id) ?? 0) + 1);
      assert.deepEqual(new Map(top.map((treatment) => [treatment.id, treatment.teams])), expected);
      assert.deepEqual(
        top.map((treatment) => treatment.teams),
        [...top.map((treatment) => treatment.teams)].sort((a, b) => b - a),
      );
      assert.equal(top[0]?.id, 'think-competitively');
      assert.deepEqual(top[0]?.teamNames, ['a', 'b', 'c']);
    });
  });

  describe('summary', () => {
    it('says how many teams are at the flu stage or worse and who has worsened in a row', () => {
      const inputs = slidingWorkspace();
      for (const [name, say] of [
        ['claims', SAY.middle],
        ['ledger', SAY.advanced],
        ['hr', SAY.early],
        ['web', SAY.healthy],
        ['data', SAY.earlyIt],
        ['mobile', SAY.healthy],
      ] as const) {
        inputs.push(input(`retros/${name}/2026-02-01.md`, retro({ say: [say] })));
      }
      const { summary } = buildWorkspaceReport(inputs);
      assert.match(summary, /^12 retros from 8 teams, 2026-01-02 to 2026-02-13\. /);
      assert.ok(summary.includes('3 of 8 teams are at the flu stage or worse; payments has worsened for 3 retros in a row.'), summary);
      assert.ok(summary.includes('The worst off is payments, which has reached death and reincarnation (score '), summary);
      assert.ok(summary.includes('The most widespread recurring symptom is “IT doesn\'t understand the business”, in 4 retros across 2 teams.'), summary);
      assert.ok(summary.endsWith('1 action item from earlier retros is still open, the oldest for 42 days (payments).'), summary);
    });

    it('speaks of one team by name, and of a calm workspace plainly', () => {
      const one = buildWorkspaceReport(slidingWorkspace().filter((item) => item.file.includes('payments'))).summary;
      assert.match(one, /^4 retros from 1 team, 2026-01-02 to 2026-02-13\. payments has reached death and reincarnation \(score \d+\/100\) and has worsened for 3 retros in a row\./);
      const calm = buildWorkspaceReport([input('retros/a/2026-01-01.md', retro({})), input('retros/b/2026-01-01.md', retro({}))]).summary;
      assert.equal(calm, '2 retros from 2 teams, 2026-01-01 to 2026-01-01. None of the 2 teams is at the flu stage or worse.');
      assert.equal(buildWorkspaceReport([]).summary, 'No retros to report on.');
    });
  });

  it('reads no clock: with nothing dated and no asOf, ages are unknown', () => {
    const now = Date.now;
    Date.now = () => {
      throw new Error('the report must not read the clock');
    };
    try {
      const report = buildWorkspaceReport([input('retros/x/a.md', retro({ actions: ['- [ ] Item'] })), input('retros/x/b.md', retro({}))]);
      assert.equal(report.asOf, null);
      assert.deepEqual(report.followUps, []);
      assert.match(report.summary, /none of them dated/);
      assert.match(renderReportMarkdown(report), /No dated retros/);
    } finally {
      Date.now = now;
    }
  });

  it('is deterministic: any order of the same retros gives the same report and the same markdown', () => {
    const inputs = [
      ...slidingWorkspace(),
      input('retros/2026-03-14-claims-sprint-4.md', retro({ say: [SAY.middle, SAY.early], actions: ['- [ ] Claims item'] })),
      input('retros/2026-03-28-ledger-sprint-5.md', retro({ say: [SAY.middle] })),
      input('retros/2026-03-28-claims-sprint-5.md', retro({ say: [SAY.early] })),
      input('retros/claims-kickoff.md', retro({ say: [SAY.end] })),
      input('retros/ops/2026-03/retro.md', retro({ team: 'Ops', say: [SAY.advanced] })),
      input('retros/ops/2026-03-02.md', retro({ team: 'ops', actions: ['- [ ] Ops item'] })),
      input('notes.md', retro({ say: [SAY.middle] })),
      // The same file twice: one copy is kept, whichever order they come in.
      input('retros/ops/2026-03-02.md', retro({ team: 'ops', say: [SAY.end] })),
    ];
    const expected = buildWorkspaceReport(inputs, { asOf: '2026-04-01' });
    const markdown = renderReportMarkdown(expected);
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }), (shuffled) => {
        const report = buildWorkspaceReport(shuffled, { asOf: '2026-04-01' });
        assert.deepEqual(report, expected);
        assert.equal(renderReportMarkdown(report), markdown);
      }),
      { numRuns: 60 },
    );
  });
});
