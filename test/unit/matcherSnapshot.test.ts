// The compiled catalog as data (src/core/matcher/snapshot.ts): a matcher loaded from a snapshot
// finds exactly what a freshly compiled one finds, and the build writes one beside the bundles.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogSnapshot } from '../../src/host/catalogSnapshotFile';
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

  it('keeps its state on the first line and each term on a line of its own; a term line missing is refused by name', () => {
    const snapshot = new SymptomMatcher(builtInCatalog(), { snapshot: null, model: null }).snapshot();
    const lines = snapshot.split('\n');
    const state = JSON.parse(lines[0] as string) as { termNodeCounts: { $i32: number[] } };
    assert.equal(lines.length - 1, state.termNodeCounts.$i32.length, 'one line per term');
    assert.ok(lines[0] !== undefined && lines[0].length < snapshot.length / 3, 'the state is the small part: the terms are parsed only when needed');
    const cut = lines.slice(0, -1).join('\n');
    assert.throws(() => new SymptomMatcher(builtInCatalog(), { snapshot: cut, model: null }), /matcher snapshot: \d+ term lines for \d+ terms/);
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

  it('is ASCII, so it is read on the one-byte fast path, and non-ASCII text (arrows, accents, astral emoji, nested snapshots) comes back the same', () => {
    const inner = encodeSnapshot({ word: '→ café 😀' }, new Set());
    const value = { words: new Map([['→', ['é', '😀', '\\u2192 is a backslash, literally']]]), inner, del: '\x7f' };
    const text = encodeSnapshot(value, new Set());
    assert.match(text, /^[\x00-\x7f]*$/);
    assert.match(inner, /^[\x00-\x7f]*$/);
    const back = decodeSnapshot(text, new Map()) as typeof value;
    assert.deepEqual(back, value);
    assert.deepEqual(decodeSnapshot(back.inner, new Map()), { word: '→ café 😀' });
    assert.match(readFileSync('dist/catalog-snapshot.txt', 'latin1'), /^[\x00-\x7f]*$/, 'the built file too (npm run build)');
  });

  it('the build writes dist/catalog-snapshot.txt with its id; the CLI and the extension core carry that id, not the snapshot (npm run build)', () => {
    const file = readFileSync('dist/catalog-snapshot.txt', 'utf8');
    const id = file.slice(0, file.indexOf('\n'));
    assert.match(id, /^[0-9a-f]{16}$/);
    const snapshot = readCatalogSnapshot('dist/catalog-snapshot.txt', id) as string;
    const compiled = new SymptomMatcher(builtInCatalog(), { snapshot: null });
    assert.equal(new SymptomMatcher(builtInCatalog(), { snapshot }).termCount, compiled.termCount);
    for (const bundle of ['dist/cli.js', 'dist/core.js']) {
      const text = readFileSync(bundle, 'utf8');
      assert.ok(text.includes(`"${id}"`), `${bundle} carries the snapshot's id`);
      assert.ok(!text.includes('"byFirstWord"'), `${bundle} does not embed the snapshot`);
    }
    assert.ok(!readFileSync('dist/extension.js', 'utf8').includes(`"${id}"`), 'dist/extension.js (adapters) needs no snapshot');
  });

  it('the CLI loads the built-in catalog from the snapshot beside it (a snapshot of one symptom finds only that one)', () => {
    const file = readFileSync('dist/catalog-snapshot.txt', 'utf8');
    const id = file.slice(0, file.indexOf('\n'));
    const root = mkdtempSync(join(tmpdir(), 'retro-health-cli-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'media'));
    copyFileSync('dist/cli.js', join(root, 'dist', 'cli.js'));
    copyFileSync('media/sentence-model.bin', join(root, 'media', 'sentence-model.bin'));
    const retro = join(root, 'retro.md');
    writeFileSync(retro, '# Retro\n\n- IT just doesn’t get it.\n- Requirements didn’t come out until UAT.\n');
    const symptomsFound = () => {
      const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'report', '--format', 'json', '--rules-only', retro], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return (JSON.parse(run.stdout) as { documents: { findings: { symptom: string }[] }[] }).documents[0]?.findings.map((finding) => finding.symptom).sort();
    };
    assert.deepEqual(symptomsFound(), ['it-doesnt-get-it', 'requirements-surface-late'], 'no snapshot beside it: compiled');
    const catalog = builtInCatalog();
    const oneSymptom = new SymptomMatcher({ ...catalog, symptoms: catalog.symptoms.filter((symptom) => symptom.id === 'it-doesnt-get-it') }, { snapshot: null, model: null });
    writeFileSync(join(root, 'dist', 'catalog-snapshot.txt'), `${id}\n${oneSymptom.snapshot()}`);
    assert.deepEqual(symptomsFound(), ['it-doesnt-get-it'], 'the snapshot was used');
  });

  it('a snapshot file from another build, or none, is not used (the catalog is compiled instead)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retro-health-snapshot-'));
    const file = join(dir, 'catalog-snapshot.txt');
    writeFileSync(file, 'aaaaaaaaaaaaaaaa\n{"not":"used"}');
    assert.equal(readCatalogSnapshot(file, 'bbbbbbbbbbbbbbbb'), undefined, 'another build');
    assert.equal(readCatalogSnapshot(file, undefined), undefined, 'a bundle built without one (watch)');
    assert.equal(readCatalogSnapshot(join(dir, 'missing.txt'), 'aaaaaaaaaaaaaaaa'), undefined, 'no file');
    assert.equal(readCatalogSnapshot(file, 'aaaaaaaaaaaaaaaa'), '{"not":"used"}', 'its own build');
  });
});
