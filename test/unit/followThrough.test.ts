import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRetro } from '../../src/core';
import { retroFollowThrough, type RetroFollowThrough, type TeamRetroInput } from '../../src/core/report';

const RETROS = 'test/fixtures/treatment-outcomes/workspace/retros';

/** A team's retros in the fixture workspace, placed as the retro set places them (folder team, file-name date). */
function teamRetros(team: string): TeamRetroInput[] {
  return readdirSync(join(RETROS, team)).map((name) => {
    const file = `retros/${team}/${name}`;
    return { file, analysis: analyzeRetro(readFileSync(join(RETROS, team, name), 'utf8'), { fileName: file }), placement: { team, date: name.slice(0, 10) } };
  });
}

function retroOf(retros: readonly TeamRetroInput[], date: string): TeamRetroInput {
  const found = retros.find((retro) => retro.placement.date === date);
  assert.ok(found, `no retro of ${date}`);
  return found;
}

function placed(result: RetroFollowThrough): Extract<RetroFollowThrough, { placed: true }> {
  assert.ok(result.placed, 'the retro is placed');
  return result;
}

/** A retro of the team written for a test: one complaint, optional action items. */
function written(team: string, date: string, say: string, actions: string[] = []): TeamRetroInput {
  const file = `retros/${team}/${date}.md`;
  const text = `# Retro\n\n## What didn't go well\n\n- ${say}\n\n## Action items\n\n${actions.join('\n')}\n`;
  return { file, analysis: analyzeRetro(text, { fileName: file }), placement: { team, date } };
}

describe('a retro’s follow-through (carried-over items, treatments tried before)', () => {
  it('lists the earlier open items with the retro that first listed them, their age to this retro and a stale mark', () => {
    const warehouse = teamRetros('warehouse');
    const result = placed(retroFollowThrough(retroOf(warehouse, '2026-03-16'), warehouse));
    assert.equal(result.asOf, '2026-03-16');
    assert.equal(result.earlierRetros, 5);
    assert.deepEqual(
      result.carriedOver.map(({ text, file, line, openDays, stale, listedAgain }) => ({ text, file, line, openDays, stale, listedAgain })),
      [
        { text: 'List the core systems the business relies on daily and agree their reliability targets (Jo)', file: 'retros/warehouse/2026-01-19.md', line: 13, openDays: 56, stale: true, listedAgain: false },
        { text: 'Hold a joint requirements walkthrough with the business owner before build starts (Find the root causes)', file: 'retros/warehouse/2026-02-02.md', line: 22, openDays: 42, stale: false, listedAgain: false },
      ],
    );
    assert.deepEqual(result.carriedOver[0]?.stillOpenIn, ['retros/warehouse/2026-02-02.md', 'retros/warehouse/2026-02-16.md'], 'reworded in 2026-02-16, still the same item');
  });

  it('says when this retro lists a carried item again, and counts only retros before it', () => {
    const warehouse = teamRetros('warehouse');
    const result = placed(retroFollowThrough(retroOf(warehouse, '2026-02-16'), warehouse));
    assert.equal(result.earlierRetros, 3, 'the two later retros are left out');
    const trains = result.carriedOver.find((item) => item.file === 'retros/warehouse/2026-01-19.md');
    assert.equal(trains?.listedAgain, true, 'the 2026-02-16 retro rewords it, still open');
    assert.equal(trains?.openDays, 28);
  });

  it('stale follows the given staleAfterDays', () => {
    const warehouse = teamRetros('warehouse');
    const current = retroOf(warehouse, '2026-03-16');
    assert.deepEqual(placed(retroFollowThrough(current, warehouse, { staleAfterDays: 30 })).carriedOver.map((item) => item.stale), [true, true]);
    assert.deepEqual(placed(retroFollowThrough(current, warehouse, { staleAfterDays: 60 })).carriedOver.map((item) => item.stale), [false, false]);
  });

  it('an item this retro ticks, or first lists, is not carried over', () => {
    const claims = teamRetros('claims');
    // 2026-02-18 ticks the walkthrough 2026-02-04 added; 2026-02-04's own new item is its plan, not carried.
    assert.deepEqual(placed(retroFollowThrough(retroOf(claims, '2026-02-18'), claims)).carriedOver, []);
    assert.deepEqual(placed(retroFollowThrough(retroOf(claims, '2026-02-04'), claims)).carriedOver, []);
  });

  it('for each symptom: the treatments tried before, a ticked one with its verdict and counts, an open one with its age', () => {
    const warehouse = teamRetros('warehouse');
    const result = placed(retroFollowThrough(retroOf(warehouse, '2026-03-16'), warehouse));
    assert.deepEqual(
      result.triedBefore.map((entry) => entry.symptom),
      ['it-doesnt-get-it'],
    );
    const attempts = result.triedBefore[0]?.attempts ?? [];
    assert.deepEqual(
      attempts.map((attempt) => [attempt.status, attempt.treatment.id, attempt.added.file, attempt.summary]),
      [
        ['ticked', 'behind-the-curtain', 'retros/warehouse/2026-02-02.md', 'added and ticked 2026-02-02 · persisted: in 3 of 3 retros before, 3 of 3 after'],
        ['open', 'find-root-causes', 'retros/warehouse/2026-02-02.md', 'still open, 42 days'],
      ],
    );
    const ticked = attempts[0];
    assert.ok(ticked?.status === 'ticked');
    assert.deepEqual([ticked.verdict, ticked.window, ticked.before, ticked.after], ['persisted', 3, 3, 3]);
    assert.deepEqual(ticked.thisSymptom, { before: 3, after: 2 }, 'this symptom’s own counts, beside the treatment’s');
    assert.ok(!attempts.some((attempt) => attempt.treatment.id === 'keep-the-trains-running'), 'a treatment that does not answer the symptom is not listed under it');
  });

  it('a symptom that comes back after a treatment faded it shows the ticked item with “faded” and its dates', () => {
    const claims = [...teamRetros('claims'), written('claims', '2026-04-15', 'Half the acceptance criteria only surfaced during UAT again.')];
    const result = placed(retroFollowThrough(retroOf(claims, '2026-04-15'), claims));
    const late = result.triedBefore.find((entry) => entry.symptom === 'requirements-surface-late');
    assert.deepEqual(
      late?.attempts.map((attempt) => [attempt.added.date, attempt.summary]),
      [
        ['2026-02-04', 'ticked 2026-02-18 · faded: in 3 of 3 retros before, 0 of 3 after'],
        ['2026-03-18', 'ticked 2026-04-01 · too early to tell: only 1 dated retro since it was ticked; 2 are needed on each side'],
      ],
      'oldest first; the demo answers late requirements too',
    );
  });

  it('too early to tell says why; stale open items say so', () => {
    const claims = [...teamRetros('claims').filter((retro) => (retro.placement.date as string) <= '2026-02-18'), written('claims', '2026-03-01', 'Half the acceptance criteria only surfaced during UAT again.')];
    const late = placed(retroFollowThrough(retroOf(claims, '2026-03-01'), claims)).triedBefore[0];
    assert.deepEqual(late?.attempts.map((attempt) => attempt.summary), ['ticked 2026-02-18 · too early to tell: only 1 dated retro since it was ticked; 2 are needed on each side']);

    const warehouse = teamRetros('warehouse');
    const open = placed(retroFollowThrough(retroOf(warehouse, '2026-03-16'), warehouse, { staleAfterDays: 30 })).triedBefore[0]?.attempts.find((attempt) => attempt.status === 'open');
    assert.equal(open?.summary, 'still open, 42 days (stale: over 30 days)');
  });

  it('a symptom nothing was tried against is listed with no attempts; items added in this retro are not “before”', () => {
    const team = [
      written('payroll', '2026-01-05', 'Lots of requirements didn’t come out until UAT.'),
      written('payroll', '2026-01-19', 'Lots of requirements didn’t come out until UAT.', ['- [ ] Hold a joint requirements walkthrough with the business owner before build starts']),
    ];
    const first = placed(retroFollowThrough(team[0] as TeamRetroInput, team));
    assert.deepEqual(first.triedBefore, [{ symptom: 'requirements-surface-late', title: first.triedBefore[0]?.title, attempts: [] }]);
    assert.equal(first.earlierRetros, 0);
    const second = placed(retroFollowThrough(team[1] as TeamRetroInput, team));
    assert.deepEqual(second.triedBefore[0]?.attempts, [], 'the walkthrough is this retro’s plan, not a past attempt');
  });

  it('never mixes teams, and needs a team and a date', () => {
    const warehouse = teamRetros('warehouse');
    const claims = teamRetros('claims');
    const current = retroOf(warehouse, '2026-03-16');
    assert.deepEqual(retroFollowThrough(current, [...warehouse, ...claims]), retroFollowThrough(current, warehouse));
    assert.deepEqual(retroFollowThrough({ ...current, placement: { team: null, date: '2026-03-16' } }, warehouse), { placed: false, reason: 'no-team' });
    assert.deepEqual(retroFollowThrough({ ...current, placement: { team: 'warehouse', date: null } }, warehouse), { placed: false, reason: 'undated' });
  });

  it('takes the team under any capitalisation, and the active retro as given even when the list holds an older copy of it', () => {
    const warehouse = teamRetros('warehouse');
    const current = retroOf(warehouse, '2026-03-16');
    const shouting = warehouse.map((retro) => ({ ...retro, placement: { ...retro.placement, team: 'WAREHOUSE' } }));
    assert.deepEqual(placed(retroFollowThrough(current, shouting)).carriedOver.length, 2);
    const edited = { ...current, analysis: analyzeRetro('# Retro\n\n## Action items\n\n- [x] List the core systems the business relies on daily and agree their reliability targets (Jo)\n', { fileName: current.file }) };
    assert.deepEqual(
      placed(retroFollowThrough(edited, warehouse)).carriedOver.map((item) => item.file),
      ['retros/warehouse/2026-02-02.md'],
      'the buffer ticks the trains item: only the walkthrough is left',
    );
  });
});
