import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeRetro, builtInCatalog } from '../../src/core';
import {
  buildWorkspaceReport,
  itemLifecycles,
  readsAsSameItem,
  treatmentActionOf,
  type ChecklistItem,
  type ReportInput,
  type TreatmentOutcome,
} from '../../src/core/report';
import { itemKey } from '../../src/core/report/checklist';

const FIXTURE = 'test/fixtures/treatment-outcomes';
const TREATMENTS = builtInCatalog().treatments;

/** Every retro of the fixture workspace, analysed, with paths as the CLI names them from the fixture folder. */
function fixtureInputs(): ReportInput[] {
  const root = join(FIXTURE, 'workspace', 'retros');
  return readdirSync(root).flatMap((team) =>
    readdirSync(join(root, team)).map((name) => {
      const file = `workspace/retros/${team}/${name}`;
      return { file, analysis: analyzeRetro(readFileSync(join(FIXTURE, file), 'utf8'), { fileName: file }) };
    }),
  );
}

function outcomesOf(team: string, inputs = fixtureInputs()): TreatmentOutcome[] {
  return buildWorkspaceReport(inputs, { asOf: '2026-04-30' }).teams.find((entry) => entry.name === team)?.outcomes ?? [];
}

function item(text: string, done = false, line = 0): ChecklistItem {
  return { line, text, key: itemKey(text), done, source: 'action-items' };
}

const SAY = { early: 'Lots of requirements didn’t come out until UAT.', healthy: 'The release went out on time.' } as const;

function retro(date: string, say: string, actions: string[] = []): ReportInput {
  const text = `# Retro\n\n## What didn't go well\n\n- ${say}\n\n## Action items\n\n${actions.join('\n')}\n`;
  const file = `retros/payroll/${date}.md`;
  return { file, analysis: analyzeRetro(text, { fileName: file }) };
}

describe('treatment outcomes', () => {
  describe('recognising a treatment’s action item', () => {
    it('reads the catalog’s action, as the quick fix and fix-all write it', () => {
      assert.deepEqual(treatmentActionOf('Hold a joint requirements walkthrough with the business owner before build starts', TREATMENTS), { treatment: 'find-root-causes', title: 'Find the root causes', action: 0 });
      assert.deepEqual(treatmentActionOf('Demo working software to the business owner at the end of every iteration', TREATMENTS)?.treatment, 'behind-the-curtain');
    });

    it('reads a reworded action (shared stemmed content words, Dice ≥ 0.6, at least 3 shared)', () => {
      const reworded = 'Held the joint requirements walkthrough with Dana, the business owner, before the build started';
      assert.equal(treatmentActionOf(reworded, TREATMENTS)?.treatment, 'find-root-causes');
      assert.equal(treatmentActionOf('List the core systems the business relies on every day, and agree reliability targets with the depots (Jo)', TREATMENTS)?.treatment, 'keep-the-trains-running');
    });

    it('takes a bracketed treatment title, as the health section writes it, as naming the treatment', () => {
      assert.deepEqual(treatmentActionOf('Demo working software to the business owner at the end of every iteration (Look behind the curtain, both ways)', TREATMENTS), {
        treatment: 'behind-the-curtain',
        title: 'Look behind the curtain, both ways',
        action: 0,
      });
      assert.deepEqual(treatmentActionOf('Our own wording entirely (find the ROOT causes)', TREATMENTS)?.treatment, 'find-root-causes', 'the title alone is enough');
    });

    it('leaves other items alone, and a few shared words are not enough', () => {
      assert.equal(treatmentActionOf('Fix the flaky settlement test (Sam)', TREATMENTS), null);
      assert.equal(treatmentActionOf('Timebox standups to fifteen minutes', TREATMENTS), null);
      assert.equal(treatmentActionOf('Review the business owner list', TREATMENTS), null, '3 shared words but far below the overlap');
      assert.equal(treatmentActionOf('Demo to the business', TREATMENTS), null, 'overlap without three shared words');
    });

    it('says when two wordings are clearly the same item', () => {
      assert.equal(readsAsSameItem('Book a walkthrough of the approval rules with finance (Dana)', 'Booked the walkthrough of approval rules with finance'), true);
      assert.equal(readsAsSameItem('Fix the flaky settlement test', 'Fix the settlement report layout'), false);
      assert.equal(readsAsSameItem('Fix the flaky settlement test', 'Fix the flaky export test'), false, 'one changed noun is another item (0.75 < 0.8)');
      assert.equal(readsAsSameItem('Fix the flaky settlement test', 'Fixed flaky settlement tests (Sam)'), true);
    });
  });

  describe('following an item across retros', () => {
    const retros = (...lists: ChecklistItem[][]) => lists.map((items, index) => ({ file: `r${index + 1}.md`, date: `2026-01-0${index + 1}`, items }));

    it('counts an item ticked in the same retro it was added in', () => {
      const [only] = itemLifecycles(retros([item('Demo working software to the business owner at the end of every iteration', true)]), [], TREATMENTS);
      assert.equal(only?.added.file, 'r1.md');
      assert.equal(only?.ticked?.file, 'r1.md');
      assert.equal(only?.treatment?.treatment, 'behind-the-curtain');
    });

    it('matches a reworded item with its earlier self, and does not start a second one when the tick is listed again', () => {
      const lifecycles = itemLifecycles(
        retros(
          [item('Book a walkthrough of the approval rules with finance (Dana)')],
          [item('Booked the walkthrough of approval rules with finance', true)],
          [item('Booked the walkthrough of approval rules with finance', true)],
        ),
        [],
        TREATMENTS,
      );
      assert.equal(lifecycles.length, 1);
      assert.equal(lifecycles[0]?.ticked?.file, 'r2.md');
    });

    it('prefers an exact match to a looser one, whatever the order of the lines', () => {
      const lifecycles = itemLifecycles(
        retros(
          [item('Book a walkthrough of the approval rules with finance')],
          [item('Booked a walkthrough of the approval rules with the finance leads', true), item('Book a walkthrough of the approval rules with finance')],
        ),
        [],
        TREATMENTS,
      );
      assert.deepEqual(
        lifecycles.map((entry) => [entry.text, entry.added.file, entry.ticked?.file ?? null, entry.stillOpenIn]),
        [
          ['Book a walkthrough of the approval rules with finance', 'r1.md', null, ['r2.md']],
          ['Booked a walkthrough of the approval rules with the finance leads', 'r2.md', 'r2.md', []],
        ],
      );
    });

    it('matches the same treatment action however differently it is written, even when it reads unlike the other wording', () => {
      const lifecycles = itemLifecycles(
        retros([item('Demo working software to the business owner at the end of every iteration (Look behind the curtain, both ways)')], [item('Demo working software to the business owner every iteration', true)]),
        [],
        TREATMENTS,
      );
      assert.equal(lifecycles.length, 1);
      assert.equal(lifecycles[0]?.ticked?.file, 'r2.md');
    });

    it('lets a tick in an undated retro close an item without a place in time', () => {
      const [only] = itemLifecycles(retros([item('Call finance')]), [{ file: 'notes.md', date: null, items: [item('call finance.', true)] }], TREATMENTS);
      assert.equal(only?.ticked?.file, 'notes.md');
      assert.equal(only?.ticked?.retro, -1);
    });
  });

  describe('on the fixture workspace', () => {
    it('finds that the joint walkthrough worked: the symptom faded', () => {
      const [walkthrough] = outcomesOf('claims');
      assert.equal(walkthrough?.treatment.id, 'find-root-causes');
      assert.equal(walkthrough?.added.file, 'workspace/retros/claims/2026-02-04.md');
      assert.equal(walkthrough?.ticked.file, 'workspace/retros/claims/2026-02-18.md', 'the reworded tick is the same item');
      assert.deepEqual([walkthrough?.window, walkthrough?.before, walkthrough?.after, walkthrough?.verdict], [3, 3, 0, 'faded']);
      assert.deepEqual(walkthrough?.symptoms, [{ symptom: 'requirements-surface-late', title: 'Requirements surface only at acceptance testing', before: 3, after: 0 }]);
      assert.equal(walkthrough?.explanation, 'The symptoms it answers appeared in 3 of 3 retros up to the one that added it, 0 of 3 after the one that ticked it.');
    });

    it('finds that the demos did not: the symptoms persisted (added and ticked in one retro, in its health section)', () => {
      const [demo] = outcomesOf('warehouse');
      assert.equal(demo?.treatment.id, 'behind-the-curtain');
      assert.equal(demo?.added.file, demo?.ticked.file);
      assert.deepEqual([demo?.window, demo?.before, demo?.after, demo?.verdict], [3, 3, 3, 'persisted']);
      assert.deepEqual(
        demo?.symptoms.map(({ symptom, before, after }) => [symptom, before, after]),
        [
          ['it-doesnt-get-it', 3, 2],
          ['red-tape', 2, 1],
        ],
      );
    });

    it('says too early to tell for a tick in the latest retro, and for a team with fewer than 3 retros', () => {
      const demo = outcomesOf('claims')[1];
      assert.equal(demo?.verdict, 'too-early');
      assert.equal(demo?.window, 0);
      assert.equal(demo?.explanation, 'No retro since it was ticked; 2 are needed on each side.');
      const [review] = outcomesOf('billing');
      assert.equal(review?.verdict, 'too-early');
      assert.equal(review?.explanation, 'The team has 2 dated retros so far; 3 are needed.');
    });

    it('marks follow-ups open longer than staleAfterDays as stale, and names their treatment', () => {
      const inputs = fixtureInputs();
      const stale = (staleAfterDays?: number) =>
        buildWorkspaceReport(inputs, { asOf: '2026-04-30', ...(staleAfterDays !== undefined && { staleAfterDays }) }).followUps.map((entry) => [entry.openDays, entry.stale, entry.treatment?.id ?? null]);
      assert.deepEqual(stale(), [
        [101, true, 'keep-the-trains-running'],
        [87, true, 'find-root-causes'],
      ]);
      assert.deepEqual(stale(90), [
        [101, true, 'keep-the-trains-running'],
        [87, false, 'find-root-causes'],
      ]);
      assert.throws(() => buildWorkspaceReport(inputs, { staleAfterDays: -1 }), RangeError);
    });

    it('ranks treatments by how often fading followed: the walkthrough’s treatment first', () => {
      const tallies = buildWorkspaceReport(fixtureInputs()).organisation.outcomes;
      assert.deepEqual(
        tallies.map(({ id, faded, persisted, tooEarly, teams }) => [id, faded, persisted, tooEarly, teams]),
        [
          ['find-root-causes', 1, 0, 1, ['billing', 'claims']],
          ['behind-the-curtain', 0, 1, 1, ['claims', 'warehouse']],
        ],
      );
    });
  });

  describe('the verdict’s threshold and windows', () => {
    const walkthrough = '- [ ] Hold a joint requirements walkthrough with the business owner before build starts';
    const ticked = walkthrough.replace('[ ]', '[x]');

    it('is faded at half as many retros after as before, persisted above', () => {
      const halved = outcomesOf('payroll', [
        retro('2026-01-01', SAY.early),
        retro('2026-01-02', SAY.early, [walkthrough]),
        retro('2026-01-03', SAY.healthy, [ticked]),
        retro('2026-01-04', SAY.early),
        retro('2026-01-05', SAY.healthy),
      ]);
      assert.deepEqual(halved.map(({ window, before, after, verdict }) => [window, before, after, verdict]), [[2, 2, 1, 'faded']]);
      const same = outcomesOf('payroll', [
        retro('2026-01-01', SAY.early),
        retro('2026-01-02', SAY.early, [walkthrough]),
        retro('2026-01-03', SAY.healthy, [ticked]),
        retro('2026-01-04', SAY.early),
        retro('2026-01-05', SAY.early),
      ]);
      assert.deepEqual(same.map(({ before, after, verdict }) => [before, after, verdict]), [[2, 2, 'persisted']]);
    });

    it('compares the same number of retros on each side, at most 3', () => {
      const long = outcomesOf('payroll', [
        ...['01', '02', '03'].map((day) => retro(`2026-01-${day}`, SAY.early)),
        retro('2026-01-04', SAY.early, [walkthrough]),
        retro('2026-01-05', SAY.healthy, [ticked]),
        ...['06', '07', '08', '09'].map((day) => retro(`2026-01-${day}`, SAY.healthy)),
      ]);
      assert.deepEqual(long.map(({ window, before, after, verdict }) => [window, before, after, verdict]), [[3, 3, 0, 'faded']]);
      const [outcome] = outcomesOf('payroll', [
        retro('2026-01-01', SAY.early),
        retro('2026-01-02', SAY.early),
        retro('2026-01-03', SAY.early),
        retro('2026-01-04', SAY.early, [walkthrough]),
        retro('2026-01-05', SAY.healthy, [ticked]),
        retro('2026-01-06', SAY.healthy),
        retro('2026-01-07', SAY.healthy),
      ]);
      assert.deepEqual([outcome?.window, outcome?.before, outcome?.after, outcome?.verdict], [2, 2, 0, 'faded'], 'two retros after the tick: two each side');
    });

    it('says too early with only one retro up to the one that added it, and nothing to compare when no answered symptom came before', () => {
      const [first] = outcomesOf('payroll', [retro('2026-01-01', SAY.early, [walkthrough]), retro('2026-01-02', SAY.healthy, [ticked]), retro('2026-01-03', SAY.healthy), retro('2026-01-04', SAY.healthy)]);
      assert.equal(first?.verdict, 'too-early');
      assert.equal(first?.explanation, 'Only 1 dated retro up to the one that added it; 2 are needed on each side.');
      const [calm] = outcomesOf('payroll', [retro('2026-01-01', SAY.healthy), retro('2026-01-02', SAY.healthy, [walkthrough]), retro('2026-01-03', SAY.healthy, [ticked]), retro('2026-01-04', SAY.healthy), retro('2026-01-05', SAY.healthy)]);
      assert.equal(calm?.verdict, 'nothing-to-compare');
    });
  });

  it('renders the “Did it help?” section as approved', () => {
    // After an intended change: cd test/fixtures/treatment-outcomes && node ../../../dist/cli.js report --format markdown --as-of 2026-04-30 workspace
    // and copy the section from "## Did it help?" to the next "## " heading into expected-did-it-help.md; read the diff, commit it.
    const run = spawnSync(process.execPath, [resolve('dist/cli.js'), 'report', '--format', 'markdown', '--as-of', '2026-04-30', 'workspace'], { cwd: FIXTURE, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const start = run.stdout.indexOf('## Did it help?');
    const end = run.stdout.indexOf('\n## ', start + 1);
    assert.ok(start >= 0 && end > start, 'the report has the section');
    assert.equal(run.stdout.slice(start, end + 1), readFileSync(join(FIXTURE, 'expected-did-it-help.md'), 'utf8'));
  });
});
