import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');

describe('CLI team configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retro-health-config-'));
    writeFileSync(join(dir, 'retro.md'), '- IT just doesn’t get it.\n- So much red tape.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'report', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });

  it('reads ./.retro-health.json by default and applies it', () => {
    writeFileSync(join(dir, '.retro-health.json'), JSON.stringify({ disable: ['red-tape'], restage: { 'it-doesnt-get-it': 'end' } }));
    const result = run('retro.md');
    assert.equal(result.status, 0, result.stderr);
    const findings = JSON.parse(result.stdout).documents[0].findings;
    assert.deepEqual(findings.map((f: { symptom: string; stage: string }) => `${f.symptom}:${f.stage}`), ['it-doesnt-get-it:end']);
  });

  it('takes --config, and reports its problems with file:line:column, still analysing with the valid part (exit 2)', () => {
    writeFileSync(join(dir, 'team.json'), '{\n  "disable": ["red-tape"],\n  "restage": { "it-doesnt-get-it": "terminal" }\n}\n');
    const result = run('--config', 'team.json', 'retro.md');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^retro-health: team\.json:3:\d+: restage\.it-doesnt-get-it: /m);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.documents[0].findings.map((f: { symptom: string }) => f.symptom), ['it-doesnt-get-it']);
    assert.ok(report.errors.some((e: { file: string }) => e.file.startsWith('team.json:3:')));
  });

  it('a missing --config file is an error naming it', () => {
    const result = run('--config', 'nope.json', 'retro.md');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /nope\.json: cannot read/);
  });
});
