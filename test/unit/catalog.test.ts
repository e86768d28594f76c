import { strict as assert } from 'node:assert';
import { builtInCatalog, loadCatalog, CatalogError } from '../../src/core';
import { BUILT_IN_LEXICONS } from '../../src/core/catalog/lexicons';
import { BUILT_IN_SYMPTOMS } from '../../src/core/catalog/symptoms';
import { BUILT_IN_TREATMENTS } from '../../src/core/catalog/treatments';
import { STAGES } from '../../src/core/types';
import { SymptomMatcher } from '../../src/core/matcher/matcher';

const raw = () => ({ symptoms: structuredClone(BUILT_IN_SYMPTOMS) as unknown[], treatments: structuredClone(BUILT_IN_TREATMENTS) as unknown[], lexicons: BUILT_IN_LEXICONS });

describe('catalogs', () => {
  const catalog = builtInCatalog();

  it('covers every stage and both sides with symptoms', () => {
    for (const stage of STAGES) assert.ok(catalog.symptoms.some((symptom) => symptom.stage === stage), stage);
    for (const side of ['business', 'it', 'both']) assert.ok(catalog.symptoms.some((symptom) => symptom.side === side), side);
  });

  it('holds the seven treatments in order, each with at least one checkbox action', () => {
    assert.deepEqual(
      catalog.treatments.map((treatment) => treatment.order),
      [1, 2, 3, 4, 5, 6, 7],
    );
    for (const treatment of catalog.treatments) assert.ok(treatment.actions.length > 0 && treatment.actions.every((action) => !action.includes('\n')));
  });

  it('applies the first three treatments at every stage and the facilitator only at the end', () => {
    for (const id of ['admit-the-problem', 'find-root-causes', 'behind-the-curtain']) {
      assert.deepEqual(catalog.treatments.find((treatment) => treatment.id === id)?.stages, [...STAGES]);
    }
    assert.deepEqual(catalog.treatments.find((treatment) => treatment.id === 'outside-facilitator')?.stages, ['end']);
  });

  it('the built-in catalog, not validated at start-up, passes validation and matches it, defaults included', () => {
    // builtInCatalog() only fills in defaults (for start-up time); this test is its validation.
    assert.deepStrictEqual(catalog, loadCatalog(raw()));
  });

  it('compiles every pattern of the built-in catalog', () => {
    const matcher = new SymptomMatcher(catalog);
    assert.ok(matcher.termCount > 300, `only ${matcher.termCount} terms`);
  });

  it('fails loudly, naming the id and the reason, for a broken symptom', () => {
    const data = raw();
    (data.symptoms[3] as { stage: string }).stage = 'terminal';
    assert.throws(() => loadCatalog(data), (error: Error) => error instanceof CatalogError && /symptom "users-keep-changing-minds": stage/.test(error.message));
  });

  it('rejects a symptom pointing at an unknown treatment', () => {
    const data = raw();
    (data.symptoms[0] as { treatments: string[] }).treatments = ['aromatherapy'];
    assert.throws(() => loadCatalog(data), /symptom "it-doesnt-get-it": unknown treatment "aromatherapy"/);
  });

  it('rejects duplicate ids and symptoms with nothing to match', () => {
    const duplicate = raw();
    duplicate.symptoms.push(structuredClone(BUILT_IN_SYMPTOMS[0]));
    assert.throws(() => loadCatalog(duplicate), /duplicate id/);
    const empty = raw();
    Object.assign(empty.symptoms[1] as object, { phrases: [], concepts: [] });
    assert.throws(() => loadCatalog(empty), /need-it-now": needs at least one phrase or concept/);
  });

  it('rejects a broken treatment, naming it', () => {
    const data = raw();
    (data.treatments[2] as { actions: string[] }).actions = [];
    assert.throws(() => loadCatalog(data), /treatment "behind-the-curtain": actions/);
  });

  it('rejects unknown fields, so a typo in a catalog is not silently ignored', () => {
    const data = raw();
    (data.symptoms[0] as Record<string, unknown>).phrase = ['typo'];
    assert.throws(() => loadCatalog(data), /it-doesnt-get-it/);
  });

  it('names the symptom whose pattern does not compile', () => {
    const data = raw();
    (data.symptoms[0] as { phrases: string[] }).phrases = ['@nosuchlist of words'];
    assert.throws(() => new SymptomMatcher(loadCatalog(data)), /it-doesnt-get-it: unknown word list "@nosuchlist"/);
  });
});
