import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyzeRetro, createMatcher, decodeModel, encodeModel, ModelFormatError, SentenceModel, SymptomMatcher, whyFlagged } from '../../src/core';
import { tokenize } from '../../src/core/matcher/tokenize';
import { featureHash, sentenceFeatures, stemOf } from '../../src/core/model/features';
import { sentenceModelPath } from '../../src/host/sentenceModelFile';
import { corpusDigest, trainModel } from '../../train/train';

const shipped = () => readFileSync(sentenceModelPath());

describe('the sentence model', () => {
  it('is exactly what `npm run train` makes from the corpus in the repo (retrained here, byte for byte)', function () {
    this.timeout(600_000);
    const { bytes, training } = trainModel();
    const model = SentenceModel.fromBytes(shipped());
    assert.equal(model.header.corpusDigest, corpusDigest(training), 'the corpus changed since the model was trained: run npm run train');
    assert.ok(Buffer.from(bytes).equals(shipped()), 'media/sentence-model.bin differs from a fresh training run: run npm run train');
  });

  it('fits the size budget, and knows every built-in symptom', () => {
    assert.ok(shipped().length <= 1.5 * 1024 * 1024, `${shipped().length} bytes`);
    const model = SentenceModel.fromBytes(shipped());
    assert.deepEqual([...model.symptoms].sort(), createMatcher().catalog.symptoms.map((s) => s.id).sort());
  });

  it('round-trips through its file format, and refuses a damaged file with a clear error', () => {
    const bytes = new Uint8Array(shipped());
    const again = encodeModel(decodeModel(bytes));
    assert.ok(Buffer.from(again).equals(Buffer.from(bytes)));
    assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 1)), (error: unknown) => error instanceof ModelFormatError && /size does not match/.test(error.message));
    assert.throws(() => decodeModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), /bad magic number/);
  });

  it('features: stems fold British and American spelling and inflection; negation scope ends at a pause', () => {
    assert.equal(stemOf('prioritised'), stemOf('prioritized'));
    assert.equal(stemOf('organisation'), stemOf('organization'));
    assert.equal(stemOf('calls'), stemOf('calling'));
    assert.equal(stemOf('IT'), 'IT');
    assert.notEqual(stemOf('IT'), stemOf('it'));
    const text = 'They never answer, we call';
    const features = sentenceFeatures(tokenize(text), 0, tokenize(text).length, text);
    assert.ok(features.hashes.includes(featureHash(`n:${stemOf('answer')}`)), 'answer is inside the negation');
    assert.ok(features.hashes.includes(featureHash(`u:${stemOf('call')}`)), 'call is after the comma: not negated');
  });

  it('features are the same whatever surrounds the sentence (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (before, after) => {
        const sentence = 'Finance stopped asking IT and hired an agency.';
        const text = `${before.replace(/[.!?]/g, '')}. ${sentence} ${after}`;
        const tokens = tokenize(text);
        const start = tokens.findIndex((token) => token.norm === 'finance' && text.slice(token.start).startsWith('Finance stopped'));
        const alone = tokenize(sentence);
        if (start < 0) return;
        const inContext = sentenceFeatures(tokens, start, start + alone.length, text).hashes;
        assert.deepEqual(inContext, sentenceFeatures(alone, 0, alone.length, sentence).hashes);
      }),
    );
  });

  it('a model finding carries its clause, its reasons in the writer’s words, and a calibrated confidence', () => {
    const text = '- Honestly, the lads in IT have started letting the warehouse managers’ calls ring out, nobody wants to deal with them; the weather was fine.\n';
    const finding = analyzeRetro(text).findings.find((f) => f.via === 'model' || f.symptom === 'avoiding-the-client');
    assert.ok(finding, JSON.stringify(analyzeRetro(text).findings));
    assert.equal(finding.symptom, 'avoiding-the-client');
    assert.ok(!finding.text.includes('weather'), `the span stops at the clause: ${finding.text}`);
    assert.equal(text.slice(finding.startOffset, finding.endOffset), finding.text);
    if (finding.via === 'model') {
      assert.ok(finding.evidence && finding.evidence.length > 0 && finding.evidence.every((words) => text.includes(words)));
      assert.match(whyFlagged(finding) ?? '', /words that weighed most/);
    }
  });

  it('rules alone when asked: the model is an option of the matcher', () => {
    const text = '- The ops floor has basically stopped phoning the IT office; they just ping the vendor directly now and pay for it.\n';
    const rulesOnly = analyzeRetro(text, { matcher: new SymptomMatcher(createMatcher().catalog, { model: null }) });
    assert.ok(rulesOnly.findings.every((finding) => finding.via !== 'model'));
  });

  it('abstains on text it mostly does not know (another language)', () => {
    const text = '- Lograron identificar a tiempo los problemas que podían llevar a complejidades en el futuro del equipo de sistemas.\n';
    assert.deepEqual(analyzeRetro(text).findings.filter((f) => f.via === 'model'), []);
  });
});
