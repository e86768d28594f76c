import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { addVerdictEdit, analyzeRetro, applyEdit, loadTeamCatalog, sentenceAt, SymptomMatcher, verdictKeyOfText } from '../../src/core';

const analyzeWith = (text: string, config: string) => {
  const team = loadTeamCatalog(config);
  assert.deepEqual(team.problems, []);
  return analyzeRetro(text, { matcher: new SymptomMatcher(team.catalog, { verdicts: team.verdicts }), disabledSymptoms: team.disabled });
};

describe("the team's verdicts on sentences (.retro-health.json)", () => {
  const retro = '# Sprint 4 retro\n\n## What did not go well\n\n- IT just doesn’t get it. The build was slow.\n';

  it('"not a symptom" silences that sentence (rules too), and only that sentence', () => {
    assert.deepEqual(analyzeWith(retro, '{}').findings.map((f) => f.symptom), ['it-doesnt-get-it']);
    const config = JSON.stringify({ verdicts: [{ text: 'IT just doesn’t get it.', symptom: null }] });
    assert.deepEqual(analyzeWith(retro, config).findings, []);
    const other = analyzeWith(`${retro}- Honestly, IT just doesn't get it, again.\n`, config).findings;
    assert.deepEqual(other.map((f) => f.text), ["IT just doesn't get it"]);
  });

  it('"this is a symptom" flags the sentence as that symptom, whole, at full confidence', () => {
    const text = '- We all quietly stopped inviting the store managers to planning.\n';
    const config = JSON.stringify({ verdicts: [{ text: 'We all quietly stopped inviting the store managers to planning.', symptom: 'avoiding-the-client' }] });
    const [finding, ...rest] = analyzeWith(text, config).findings;
    assert.equal(rest.length, 0);
    assert.equal(finding?.symptom, 'avoiding-the-client');
    assert.equal(finding?.via, 'team');
    assert.equal(finding?.confidence, 1);
    assert.equal(finding?.text, 'We all quietly stopped inviting the store managers to planning');
  });

  it('matches the same words in another inflection, case or punctuation', () => {
    assert.equal(verdictKeyOfText('Finance keeps ringing us!'), verdictKeyOfText('finance kept ringing us'.replace('kept', 'keeps')));
    assert.equal(verdictKeyOfText('The devs ignored the calls.'), verdictKeyOfText('the dev ignores the call'));
    assert.notEqual(verdictKeyOfText('The devs ignored the calls.'), verdictKeyOfText('The devs returned the calls.'));
  });

  it('a verdict naming an unknown symptom is a problem at its property; the rest still applies', () => {
    const team = loadTeamCatalog(JSON.stringify({ verdicts: [{ text: 'a', symptom: 'no-such' }, { text: 'IT just doesn’t get it.', symptom: null }] }));
    assert.deepEqual(team.problems.map((p) => p.path.join('.')), ['verdicts.0.symptom']);
    assert.equal(team.verdicts.length, 1);
  });

  it('sentenceAt finds the prose sentence around an offset, and nothing in code', () => {
    const text = '# Retro\n\n- First one here. Second one there.\n\n```\ncode. more\n```\n';
    assert.equal(sentenceAt(text, text.indexOf('Second') + 3)?.text, 'Second one there');
    assert.equal(sentenceAt(text, text.indexOf('First'))?.text, 'First one here');
    assert.equal(sentenceAt(text, text.indexOf('code')), null);
  });

  it('recording a verdict keeps the file’s comments and other settings, and appends to an existing list', () => {
    const config = '{\n  // our team\n  "disable": ["red-tape"]\n}\n';
    const once = applyEdit(config, addVerdictEdit(config, { text: 'One.', symptom: null }));
    assert.match(once, /\/\/ our team/);
    const twice = applyEdit(once, addVerdictEdit(once, { text: 'Two.', symptom: 'shadow-it' }));
    assert.deepEqual(parse(twice), { disable: ['red-tape'], verdicts: [{ text: 'One.', symptom: null }, { text: 'Two.', symptom: 'shadow-it' }] });
    assert.deepEqual(parse(applyEdit('', addVerdictEdit('', { text: 'Three.', symptom: null }))), { verdicts: [{ text: 'Three.', symptom: null }] });
    assert.ok(applyEdit('{}\r\n', addVerdictEdit('{}\r\n', { text: 'x', symptom: null })).endsWith('\r\n'));
  });

  it('any recorded sentence round-trips through the file (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom(null, 'shadow-it'), (text, symptom) => {
        const written = applyEdit('{ "disable": [] }', addVerdictEdit('{ "disable": [] }', { text, symptom }));
        assert.deepEqual(parse(written).verdicts, [{ text, symptom }]);
      }),
    );
  });
});
