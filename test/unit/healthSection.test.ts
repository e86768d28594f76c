import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeRetro, applyEdit, damagedSectionReason, DamagedSectionError, healthSectionEdit, locateHealthSection, openSectionItems, SECTION_BEGIN, SECTION_END } from '../../src/core';
import { lonePlacement } from '../../src/core/retroSet';

const teamOf = (file: string, frontMatterTeam: string | null) => lonePlacement(file, frontMatterTeam === null ? '' : `---\nteam: ${frontMatterTeam}\n---\n`).team;
import { placeRetros } from '../../src/core/report/teams';

const RETRO = '---\ndate: 2026-02-13\nteam: payments\n---\n# Sprint 23\n\n- Lots of requirements didn’t come out until UAT.\n- So much red tape.\n';

function write(text: string, extra: Parameters<typeof healthSectionEdit>[1] extends infer T ? Partial<T> : never = {}): string {
  const edit = healthSectionEdit(text, { analysis: analyzeRetro(text), ...extra });
  return edit ? applyEdit(text.replace(/^\uFEFF/, ''), edit) : text.replace(/^\uFEFF/, '');
}

describe('relationship-health section', () => {
  it('appends the section with stage, score, symptoms with lines, balance and a checklist', () => {
    const result = write(RETRO);
    assert.ok(result.startsWith(RETRO), 'everything before it is untouched');
    const section = result.slice(RETRO.length);
    assert.match(section, /^\n<!-- retro-health:begin -->\n## Relationship health\n/);
    assert.match(section, /\*\*Stage:\*\* middle \(the flu\) · \*\*Score:\*\* \d+\/100/);
    assert.match(section, /- Line 7: Requirements surface only at acceptance testing \(early, it\): “Lots of requirements didn’t come out until UAT”/);
    assert.match(section, /- Line 8: Process felt as red tape \(middle, business\)/);
    assert.match(section, /\*\*Balance:\*\* business 1 · IT 1 · both 0/);
    assert.match(section, /\*\*Treatment plan\*\*\n\n- \[ \] .+\(.+\)\n/);
    assert.ok(section.endsWith(`${SECTION_END}\n`));
  });

  it('writing twice changes nothing the second time', () => {
    const once = write(RETRO);
    assert.equal(healthSectionEdit(once, { analysis: analyzeRetro(once) }), null);
  });

  it('is never analysed itself: the findings are the same with or without it', () => {
    const once = write(RETRO);
    assert.deepEqual(
      analyzeRetro(once).findings.map((f) => f.symptom),
      analyzeRetro(RETRO).findings.map((f) => f.symptom),
    );
  });

  it('keeps ticked boxes ticked when regenerated', () => {
    const once = write(RETRO);
    const ticked = once.replace(/- \[ \] /, '- [x] ');
    const again = write(ticked + '- Finance has hired its own developers and runs a parallel system.\n');
    const firstItem = /- \[x\] (.+)/.exec(ticked)?.[1] as string;
    assert.ok(again.includes(`- [x] ${firstItem}`), 'the ticked item stays ticked');
    assert.match(again, /\*\*Stage:\*\* advanced/);
  });

  it('replaces in place and keeps line references right when the section sits above the findings', () => {
    const text = `# Retro\n\n${SECTION_BEGIN}\nold\n${SECTION_END}\n\n- Lots of requirements didn’t come out until UAT.\n`;
    const result = write(text);
    const line = result.split('\n').findIndex((l) => l.startsWith('- Lots of requirements')) + 1;
    assert.match(result, new RegExp(`- Line ${line}: Requirements surface`));
    assert.equal(healthSectionEdit(result, { analysis: analyzeRetro(result) }), null, 'and is stable');
  });

  it('carries over the previous retro’s open items, marked, and ticks survive', () => {
    const previous = write(RETRO.replace('2026-02-13', '2026-01-30'));
    const open = openSectionItems(previous);
    assert.ok(open.length > 0);
    const next = '---\ndate: 2026-02-27\nteam: payments\n---\n# Sprint 24\n\n- All good.\n';
    const result = write(next, { carriedOver: { date: '2026-01-30', items: open }, team: 'payments', trend: [{ date: '2026-01-30', stage: 'middle', score: 60 }] });
    for (const item of open) assert.ok(result.includes(`- [ ] ${item} (carried over from 2026-01-30)`), item);
    assert.match(result, /\*\*Trend \(team payments\):\*\* 2026-01-30 middle 60 → 2026-02-27 healthy 100/);
    const ticked = result.replace('- [ ] ', '- [x] ');
    assert.equal(write(ticked, { carriedOver: { date: '2026-01-30', items: open }, team: 'payments', trend: [{ date: '2026-01-30', stage: 'middle', score: 60 }] }), ticked);
  });

  it('preserves CRLF, a BOM’s absence and a missing final newline outside the markers', () => {
    const crlf = RETRO.replace(/\n/g, '\r\n').slice(0, -2);
    const result = write(crlf);
    assert.ok(result.startsWith(crlf));
    assert.ok(!/[^\r]\n/.test(result));
    assert.ok(!/\r\n$/.test(result), 'still no final newline');
  });

  it('everything outside the markers survives byte for byte; twice = once; removal gives the original back; damage is refused (property)', () => {
    const line = fc.constantFrom('# Retro', '- IT just doesn’t get it.', 'text', '', '```', SECTION_BEGIN, SECTION_END, '- [x] done', '> quote', '- So much red tape.');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), (parts, eol, finalNewline, bom) => {
        const text = parts.join(eol) + (finalNewline ? eol : '');
        const source = (bom ? '\uFEFF' : '') + text;
        if (damagedSectionReason(text)) {
          assert.throws(() => healthSectionEdit(source, { analysis: analyzeRetro(source) }), DamagedSectionError);
          return;
        }
        const before = locateHealthSection(text);
        const edit = healthSectionEdit(source, { analysis: analyzeRetro(source) });
        if (!edit) return;
        const result = applyEdit(text, edit);
        if (before) {
          assert.equal(result.slice(0, before.start), text.slice(0, before.start));
          assert.equal(result.slice(result.length - (text.length - before.end)), text.slice(before.end));
        } else {
          assert.equal(result.slice(0, edit.offset) + result.slice(edit.offset + edit.newText.length), text, 'removing the section gives the original back');
        }
        assert.equal(healthSectionEdit(result, { analysis: analyzeRetro(result) }), null, 'writing twice = writing once');
        // Ticks survive a rewrite.
        const ticked = result.replace(/(<!-- retro-health:begin -->[\s\S]*?)- \[ \] /, '$1- [x] ');
        if (ticked !== result) {
          const again = healthSectionEdit(ticked, { analysis: analyzeRetro(ticked) });
          assert.equal(again, null, 'a ticked box is kept, so nothing changes');
        }
      }),
      { numRuns: 300 },
    );
  });

  for (const [name, text, reason] of [
    ['a missing end marker', `# Retro\n${SECTION_BEGIN}\nold\n`, /line 2 has no/],
    ['a missing begin marker', `# Retro\nold\n${SECTION_END}\n`, /no <!-- retro-health:begin --> above/],
    ['reversed markers', `# Retro\n${SECTION_END}\nold\n${SECTION_BEGIN}\n`, /reversed/],
    ['two sections', `${SECTION_BEGIN}\na\n${SECTION_END}\n${SECTION_BEGIN}\nb\n${SECTION_END}\n`, /2 relationship-health sections/],
  ] as const) {
    it(`refuses ${name} with a clear message and changes nothing`, () => {
      assert.throws(() => healthSectionEdit(text, { analysis: analyzeRetro(text) }), (error: Error) => error instanceof DamagedSectionError && reason.test(error.message) && /nothing was changed/.test(error.message));
    });
  }
});

describe('the team of a lone retro for its section and panel', () => {
  it('is the workspace report’s team: front matter, else the nearest folder naming one, past dated and generic folders', () => {
    const files = ['retros/payments/2026-03/sprint-1.md', 'retros/payments/2026-03-14-retro.md', 'docs/retros/claims/2026/03/notes.md', 'retros/2026-03-01.md'];
    const placed = placeRetros(files.map((file) => ({ file, frontMatterTeam: null, frontMatterDate: undefined })));
    assert.deepEqual(
      files.map((file) => teamOf(file, null)),
      ['payments', 'payments', 'claims', null],
    );
    assert.deepEqual(files.map((file) => teamOf(file, null)), placed.map((placement) => placement.team));
    assert.equal(teamOf('retros/payments/2026-03/sprint-1.md', ' platform '), 'platform');
  });
});
