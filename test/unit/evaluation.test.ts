import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { precision, ratio, scoreReport, stageAccuracy, type ReportDocument } from '../eval/score';

/**
 * Floors on the labelled sets, so a change that loses a family of phrasings or starts
 * flagging hard negatives fails here. The sets were tuned on, so these are regression
 * floors, not the figures on unseen text (see the README's "Measuring detection").
 */
function scoreSet(dir: string) {
  const run = spawnSync(process.execPath, ['dist/cli.js', 'report', '--format', 'json', '--all-markdown', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return scoreReport(dir, (JSON.parse(run.stdout) as { documents: ReportDocument[] }).documents);
}

describe('detection quality on the labelled sets', () => {
  // With the sentence model (issue 11) the blind set gains 15 points of paraphrase recall and 6 of
  // document stage, and pays with precision 0.93 -> 0.88, hard negatives 7.5% -> 13.2% and one flag in a
  // healthy document (a denial in one clause, the model's clause after the dash): floors moved to match.
  const floors: [dir: string, paraphrase: number, precision: number, negatives: number, stage: number, healthyFlags: number][] = [
    ['test/fixtures/eval', 0.93, 0.97, 0.02, 0.95, 0],
    ['test/fixtures/holdout', 0.88, 0.95, 0.03, 0.9, 0],
    ['test/fixtures/blind', 0.7, 0.87, 0.14, 0.76, 1],
  ];
  for (const [dir, paraphraseFloor, precisionFloor, negativeCeiling, stageFloor, healthyFlags] of floors) {
    it(`${dir}: recall, precision, hard negatives and stage stay above their floors`, () => {
      const score = scoreSet(dir);
      assert.equal(ratio(score.counts.verbatim) >= 0.8, true, `verbatim recall ${ratio(score.counts.verbatim)}`);
      assert.ok(ratio(score.counts.paraphrase) >= paraphraseFloor, `paraphrase recall ${ratio(score.counts.paraphrase).toFixed(3)}\n${score.misses.join('\n')}`);
      assert.ok(precision(score) >= precisionFloor, `precision ${precision(score).toFixed(3)}\n${score.falseFlags.join('\n')}`);
      assert.ok(ratio(score.counts.negatives) <= negativeCeiling, `hard negatives flagged ${ratio(score.counts.negatives).toFixed(3)}\n${score.falseFlags.join('\n')}`);
      assert.ok(stageAccuracy(score) >= stageFloor, `stage accuracy ${stageAccuracy(score).toFixed(3)}`);
      assert.ok(score.flagsOnHealthy <= healthyFlags, score.falseFlags.filter((flag) => flag.includes('healthy doc')).join('\n'));
    });
  }
});
