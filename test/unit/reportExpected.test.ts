import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The CLI's markdown report of the fixture workspace, compared with a file a person has
 * read and approved (test/fixtures/report/expected-report.md). After an intended change,
 * regenerate it with the command below, read the diff, and commit it.
 *   cd test/fixtures/report && node ../../../dist/cli.js report --format markdown --as-of 2026-04-30 workspace > expected-report.md
 */
describe('the workspace report of the fixture workspace', () => {
  it('matches the approved markdown', () => {
    const run = spawnSync(process.execPath, [resolve('dist/cli.js'), 'report', '--format', 'markdown', '--as-of', '2026-04-30', 'workspace'], { cwd: 'test/fixtures/report', encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, readFileSync('test/fixtures/report/expected-report.md', 'utf8'));
  });
});
