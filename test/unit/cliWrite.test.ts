import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

describe('retro-health write', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retro-health-write-'));
    cpSync('examples', join(dir, 'examples'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--check exits 1 while sections are missing, write adds them, then --check exits 0 and a second write changes nothing', () => {
    assert.equal(run(dir, 'write', '--check', 'examples').status, 1);
    const file = join(dir, 'examples/retros/payments/2026-02-13-sprint-23.md');
    const original = readFileSync(file, 'utf8');
    assert.equal(run(dir, 'write', 'examples').status, 0);
    const written = readFileSync(file, 'utf8');
    assert.ok(written.startsWith(original), 'everything before the section is untouched');
    assert.match(written, /<!-- retro-health:begin -->\n## Relationship health\n/);
    assert.match(written, /\*\*Trend \(team payments\):\*\* 2026-01-16 \w+ \d+ → 2026-01-30 \w+ \d+ → 2026-02-13 middle \d+/);
    const check = run(dir, 'write', '--check', 'examples');
    assert.equal(check.status, 0, check.stdout);
    assert.equal(run(dir, 'write', 'examples').status, 0);
    assert.equal(readFileSync(file, 'utf8'), written, 'idempotent');
  });

  it('carries the previous retro’s open items over, and keeps boxes ticked', () => {
    run(dir, 'write', 'examples');
    const earlier = join(dir, 'examples/retros/payments/2026-02-13-sprint-23.md');
    const later = join(dir, 'examples/retros/payments/2026-02-27-sprint-24.md');
    assert.match(readFileSync(later, 'utf8'), /\(carried over from 2026-02-13\)/);
    const ticked = readFileSync(earlier, 'utf8').replace(/(<!-- retro-health:begin -->[\s\S]*?)- \[ \] /, '$1- [x] ');
    writeFileSync(earlier, ticked);
    assert.equal(run(dir, 'write', 'examples').status, 0);
    assert.equal(readFileSync(earlier, 'utf8'), ticked, 'the tick survives regeneration');
  });

  it('keeps a BOM, CRLF and a missing final newline byte for byte', () => {
    const file = join(dir, 'bom.md');
    const text = '\uFEFF# Retro\r\n\r\n- Lots of requirements didn’t come out until UAT.';
    writeFileSync(file, text, 'utf8');
    assert.equal(run(dir, 'write', 'bom.md').status, 0);
    const written = readFileSync(file, 'utf8');
    assert.ok(written.startsWith(text), JSON.stringify(written.slice(0, 80)));
    assert.ok(!/[^\r]\n/.test(written), 'CRLF throughout');
    assert.ok(written.endsWith('<!-- retro-health:end -->'), 'still no final newline');
  });

  it('refuses a damaged section with a clear message and leaves the file untouched (exit 2)', () => {
    const file = join(dir, 'damaged.md');
    const text = '# Retro\n\n<!-- retro-health:begin -->\nhalf a section\n';
    writeFileSync(file, text, 'utf8');
    const result = run(dir, 'write', 'damaged.md');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /damaged\.md: The relationship-health section is damaged: the begin marker on line 3 has no <!-- retro-health:end --> below it/);
    assert.equal(readFileSync(file, 'utf8'), text);
  });
});
