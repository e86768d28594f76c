// The compiled catalog as data (src/core/matcher/snapshot.ts): a matcher loaded from a snapshot
// finds exactly what a freshly compiled one finds, and the CLI bundle embeds one.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRetro, builtInCatalog, SymptomMatcher, type Symptom } from '../../src/core';
import { decodeSnapshot, encodeSnapshot } from '../../src/core/matcher/snapshot';

const SETS = ['examples/retros/payments', 'examples/retros/platform', 'test/fixtures/eval', 'test/fixtures/holdout', 'test/fixtures/blind', 'test/fixtures/cli'];

describe('matcher snapshot', function () {
  this.timeout(60_000);

  it('a matcher loaded from a snapshot finds exactly what a compiled one finds, on every labelled set', () => {
    const compiled = new SymptomMatcher(builtInCatalog(), { snapshot: null });
    const loaded = new SymptomMatcher(builtInCatalog(), { snapshot: compiled.snapshot() });
    let files = 0;
    for (const dir of SETS) {
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        assert.deepEqual(analyzeRetro(text, { matcher: loaded }).findings, analyzeRetro(text, { matcher: compiled }).findings, name);
        files += 1;
      }
    }
    assert.ok(files > 100, `${files} files`);
    assert.equal(loaded.termCount, compiled.termCount);
    assert.equal(loaded.ruleCount, compiled.ruleCount);
  });

  it('decodes a term only when a text first needs it', () => {
    const loaded = new SymptomMatcher(builtInCatalog(), { snapshot: new SymptomMatcher(builtInCatalog(), { snapshot: null }).snapshot() });
    assert.equal(loaded.termsDecoded, 0, 'nothing decoded up front');
    const { findings } = analyzeRetro('# Retro\n\n- IT just doesn’t get it.\n', { matcher: loaded });
    assert.deepEqual(findings.map((finding) => finding.symptom), ['it-doesnt-get-it']);
    assert.ok(loaded.termsDecoded > 0 && loaded.termsDecoded < loaded.termCount / 4, `${loaded.termsDecoded} of ${loaded.termCount} terms decoded`);
  });

  it('keeps Maps, Sets, typed arrays, holes and symptoms (by id) through the round trip', () => {
    const symptom = builtInCatalog().symptoms[0] as Symptom;
    const value = { map: new Map([['a', [1, 2]]]), set: new Set([3]), i32: Int32Array.of(-1, 2), u8: Uint8Array.of(7), holes: [undefined, 1], symptom };
    const back = decodeSnapshot(encodeSnapshot(value, new Set([symptom])), new Map([[symptom.id, symptom]])) as typeof value;
    assert.deepEqual(back.map, value.map);
    assert.deepEqual(back.set, value.set);
    assert.deepEqual(back.i32, value.i32);
    assert.deepEqual(back.u8, value.u8);
    assert.deepEqual(back.holes, [undefined, 1]);
    assert.equal(back.symptom, symptom, 'the catalog’s own symptom object, not a copy');
    assert.throws(() => decodeSnapshot('{"$symptom":"no-such"}', new Map()), /unknown symptom/);
  });

  it('the CLI bundle embeds the built-in snapshot (npm run build), the extension bundles do not', () => {
    assert.ok(readFileSync('dist/cli.js', 'utf8').includes('"byFirstWord"'), 'dist/cli.js holds a snapshot');
    for (const bundle of ['dist/extension.js', 'dist/core.js']) assert.ok(!readFileSync(bundle, 'utf8').includes('"byFirstWord"'), `${bundle} does not`);
  });
});
