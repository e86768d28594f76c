import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeRetro, builtInCatalog, diagnose, type Finding, type Stage } from '../../src/core';
import { STAGES } from '../../src/core/types';

function finding(symptom: string, confidence = 0.9): Finding {
  const entry = builtInCatalog().symptoms.find((s) => s.id === symptom);
  if (!entry) throw new Error(symptom);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { symptom, title: entry.title, stage: entry.stage, side: entry.side, startOffset: 0, endOffset: 1, range, text: 'x', confidence, via: 'concept', message: '', treatments: entry.treatments };
}

describe('diagnosis', () => {
  const catalog = builtInCatalog();

  it('is healthy with score 100 and no treatments when nothing is found', () => {
    const diagnosis = diagnose([], catalog);
    assert.equal(diagnosis.stage, 'healthy');
    assert.equal(diagnosis.score, 100);
    assert.deepEqual(diagnosis.treatments, []);
    assert.equal(diagnosis.sides.balance, 'none');
  });

  it('takes the worst clearly evidenced stage', () => {
    assert.equal(diagnose([finding('red-tape'), finding('it-doesnt-get-it'), finding('outsource-it')], catalog).stage, 'end');
    assert.equal(diagnose([finding('red-tape'), finding('it-doesnt-get-it')], catalog).stage, 'middle');
  });

  it('needs clear evidence: one weak finding does not set the stage, two add up', () => {
    assert.equal(diagnose([finding('outsource-it', 0.62), finding('red-tape', 0.9)], catalog).stage, 'middle');
    assert.equal(diagnose([finding('outsource-it', 0.62), finding('new-it-leadership', 0.62)], catalog).stage, 'end');
  });

  it('scores within each stage band, lower for later stages', () => {
    const bands: Record<Stage, [number, number]> = { early: [70, 89], middle: [45, 69], advanced: [20, 44], end: [0, 19] };
    const one: Record<Stage, string> = { early: 'it-doesnt-get-it', middle: 'red-tape', advanced: 'shadow-it', end: 'outsource-it' };
    for (const stage of STAGES) {
      const { score } = diagnose([finding(one[stage])], catalog);
      assert.ok(score >= bands[stage][0] && score <= bands[stage][1], `${stage}: ${score}`);
    }
  });

  it('never raises the score when a finding is added (property)', () => {
    const ids = catalog.symptoms.map((symptom) => symptom.id);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ids), { maxLength: 12 }), fc.constantFrom(...ids), (base, extra) => {
        const before = diagnose(base.map((id) => finding(id)), catalog).score;
        const after = diagnose([...base, extra].map((id) => finding(id)), catalog).score;
        assert.ok(after <= before, `${before} -> ${after}`);
        assert.ok(after >= 0 && after <= 100);
      }),
    );
  });

  it('splits findings by side and says whether the blame runs one way', () => {
    const business = diagnose([finding('it-doesnt-get-it'), finding('red-tape'), finding('need-it-now')], catalog);
    assert.deepEqual([business.sides.business, business.sides.it, business.sides.balance], [3, 0, 'business']);
    const mixed = diagnose([finding('it-doesnt-get-it'), finding('users-keep-changing-minds')], catalog);
    assert.equal(mixed.sides.balance, 'both');
    assert.match(mixed.explanation, /both sides/);
  });

  it('recommends the treatments the findings name first, and the facilitator at the end stage', () => {
    const late = diagnose([finding('requirements-surface-late')], catalog);
    assert.equal(late.treatments[0]?.id, 'find-root-causes');
    assert.ok(late.treatments[0]?.answers.includes('requirements-surface-late'));
    assert.ok(!late.treatments.some((t) => t.id === 'outside-facilitator'));
    const end = diagnose([finding('avoiding-the-client')], catalog);
    assert.equal(end.treatments[0]?.id, 'outside-facilitator');
    const relevance = end.treatments.map((t) => t.relevance);
    assert.deepEqual(relevance, [...relevance].sort((a, b) => b - a));
  });

  it('diagnoses a whole document through analyzeRetro', () => {
    const text = ['# Sprint 9 retro', '', "## What didn't go well", '- Lots of requirements didn’t come out until UAT.', '- Finance has hired its own developers and runs a parallel system.', ''].join('\n');
    const { diagnosis, findings } = analyzeRetro(text);
    assert.deepEqual(findings.map((f) => f.symptom).sort(), ['requirements-surface-late', 'shadow-it']);
    assert.equal(diagnosis.stage, 'advanced');
    assert.deepEqual(diagnosis.byStage, { early: 1, middle: 0, advanced: 1, end: 0 });
  });
});
