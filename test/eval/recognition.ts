// npm run eval:recognition — how well "which markdown files are retros" works: the content rule
// alone and with the default globs, on retros and on ordinary markdown. Sets: the real public
// retros (../shared/corpus/real-retros, read in place; their file names hold the original path
// with "__" for "/"), the sets written for the tests, and the held-back sets written after the
// rule was fixed (test/fixtures/recognition-heldout: the honest figure).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RETRO_GLOBS } from '../../src/core/defaults';
import { globMatcher, membershipOf } from '../../src/core/retroSet';

const SETS: { dir: string; retros: boolean; flattened?: boolean }[] = [
  { dir: '../shared/corpus/real-retros', retros: true, flattened: true },
  { dir: 'test/fixtures/recognition/retros', retros: true },
  { dir: 'test/fixtures/recognition/not-retros', retros: false },
  { dir: 'test/fixtures/recognition-heldout/retros', retros: true },
  { dir: 'test/fixtures/recognition-heldout/not-retros', retros: false },
];
const isGlobRetro = globMatcher(DEFAULT_RETRO_GLOBS);
const verbose = process.argv.includes('--verbose');

console.log(`${'set'.padEnd(58)} ${'files'.padStart(5)} ${'content'.padStart(9)} ${'globs'.padStart(7)} ${'either'.padStart(8)}`);
for (const { dir, retros, flattened } of SETS) {
  if (!existsSync(dir)) {
    console.log(`${dir.padEnd(58)} not found`);
    continue;
  }
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.md') && !(flattened && file === 'README.md')).sort();
  let content = 0;
  let globs = 0;
  let either = 0;
  for (const file of files) {
    const path = flattened ? file.replace(/__/g, '/') : file.split('\\').join('/');
    const text = readFileSync(join(dir, file), 'utf8');
    const byContent = membershipOf({ path, text, matchesGlobs: false }).retro;
    const byGlob = isGlobRetro(path);
    content += Number(byContent);
    globs += Number(byGlob);
    either += Number(byContent || byGlob);
    if (verbose && byContent !== retros) console.log(`  ${retros ? 'missed' : 'false match'}: ${path}`);
  }
  const cell = (count: number) => `${count}/${files.length}`.padStart(7);
  console.log(`${`${dir} (${retros ? 'retros' : 'not retros'})`.padEnd(58)} ${String(files.length).padStart(5)} ${cell(content).padStart(9)} ${cell(globs)} ${cell(either).padStart(8)}`);
}
