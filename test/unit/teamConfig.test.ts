import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyzeRetro, loadTeamCatalog, SymptomMatcher, teamConfigJsonSchema } from '../../src/core';

const analyze = (text: string, config: string) => {
  const team = loadTeamCatalog(config);
  return analyzeRetro(text, { matcher: new SymptomMatcher(team.catalog), disabledSymptoms: team.disabled });
};

describe('team configuration (.retro-health.json)', () => {
  it('adds a symptom, extra phrasings, team treatment actions; disables and re-stages built-ins', () => {
    const config = JSON.stringify({
      symptoms: [{ id: 'ticket-ping-pong', stage: 'early', side: 'both', title: 'Tickets bounce', explanation: 'Tickets are passed back and forth.', phrases: ['ticket ping pong'], treatments: ['find-root-causes'] }],
      phrasings: { 'need-it-now': { phrases: ['drop everything and ship'] } },
      treatments: { 'find-root-causes': { actions: ['Run a blameless ticket-flow review with ops and support'] } },
      disable: ['red-tape'],
      restage: { 'it-doesnt-get-it': 'middle' },
    });
    const team = loadTeamCatalog(config);
    assert.deepEqual(team.problems, []);
    const { findings } = analyze('- Ticket ping pong with support again.\n- Sales said drop everything and ship.\n- IT just doesn’t get it.\n- So much red tape.\n', config);
    assert.deepEqual(findings.map((f) => `${f.symptom}:${f.stage}`), ['ticket-ping-pong:early', 'need-it-now:early', 'it-doesnt-get-it:middle']);
    assert.equal(team.catalog.treatments.find((t) => t.id === 'find-root-causes')?.actions[0], 'Run a blameless ticket-flow review with ops and support');
  });

  it('reports each problem at its property and keeps the valid rest', () => {
    const text = `{
  // comments are allowed
  "disable": ["red-tape", "no-such-symptom"],
  "symptoms": [ { "id": "half-done", "stage": "worst" } ],
  "phrasings": { "need-it-now": { "phrases": [".. starts with a gap"] }, "it-doesnt-get-it": { "phrases": ["they never listen"] } },
  "colour": "blue"
}`;
    const team = loadTeamCatalog(text);
    const where = (path: string) => team.problems.find((p) => p.path.join('.') === path);
    for (const path of ['colour', 'symptoms.0.stage', 'symptoms.0.side', 'phrasings.need-it-now.phrases.0', 'disable.1']) {
      const problem = where(path);
      assert.ok(problem, `a problem at ${path}: ${JSON.stringify(team.problems)}`);
      assert.ok(problem.offset !== undefined && problem.offset > 0 && problem.offset < text.length);
    }
    assert.equal(text.slice(where('symptoms.0.stage')?.offset, (where('symptoms.0.stage')?.offset ?? 0) + 7), '"stage"');
    assert.match(where('symptoms.0.side')?.message ?? '', /missing required property "side"/);
    // The valid parts still apply.
    assert.deepEqual(team.disabled.includes('red-tape'), true);
    assert.ok(analyze('They never listen.\n', text).findings.some((f) => f.symptom === 'it-doesnt-get-it'));
  });

  it('reports a JSON syntax error with its position and falls back to the built-in catalog', () => {
    const team = loadTeamCatalog('{ "disable": [ "red-tape" ');
    assert.ok(team.problems.length > 0 && team.problems.every((p) => p.offset !== undefined));
    assert.match(team.problems[0]?.message ?? '', /JSON syntax/);
    assert.equal(team.catalog.symptoms.length, 26);
  });

  it('refuses a pattern that could blow up, naming where it is', () => {
    // Automata grow with the pattern's expanded size; a bound refuses the monster, it is never run.
    const lists = { a: ['w1/w2/w3/w4/w5/w6/w7/w8/w9/w10 x1/x2/x3/x4/x5/x6/x7/x8'], b: Array.from({ length: 800 }, () => '@a @a @a') };
    const team = loadTeamCatalog(JSON.stringify({ wordLists: lists, phrasings: { 'red-tape': { phrases: ['@b @b'] } } }));
    const problem = team.problems.find((p) => p.path.join('.') === 'phrasings.red-tape.phrases.0');
    assert.ok(problem, JSON.stringify(team.problems.slice(0, 3)));
    assert.match(problem.message, /too large/);
  });

  it('a bad word-list name or an unknown superseded symptom is a problem at its place, and the rest still applies', () => {
    const text = JSON.stringify(
      {
        wordLists: { Bad: ['x'], vendors: ['acme corp'] },
        symptoms: [{ id: 'vendor-lock', stage: 'middle', side: 'it', title: 'Locked in by a vendor', explanation: 'Choices are made by the vendor.', phrases: ['@vendors decides'], treatments: ['admit-the-problem'], supersedes: ['nope'] }],
      },
      null,
      2,
    );
    const team = loadTeamCatalog(text);
    const badName = team.problems.find((p) => p.path.join('.') === 'wordLists.Bad');
    assert.ok(badName, JSON.stringify(team.problems));
    assert.match(badName.message, /not a word-list name/);
    assert.equal(text.slice(badName.offset, (badName.offset ?? 0) + (badName.length ?? 0)), '"Bad"');
    const superseded = team.problems.find((p) => p.path.join('.') === 'symptoms.0.supersedes');
    assert.ok(superseded, JSON.stringify(team.problems));
    assert.match(superseded.message, /no symptom "nope"/);
    assert.equal(team.problems.length, 2);
    const added = team.catalog.symptoms.find((symptom) => symptom.id === 'vendor-lock');
    assert.deepEqual(added?.supersedes, []);
    assert.deepEqual(team.catalog.lexicons.vendors, ['acme corp']);
  });

  it('the committed JSON schema is the one generated from the zod schema (run npm run build to refresh)', () => {
    const committed = JSON.parse(readFileSync('schemas/retro-health.schema.json', 'utf8'));
    assert.deepEqual(committed, teamConfigJsonSchema());
  });
});
