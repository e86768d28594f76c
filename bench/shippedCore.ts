// The pure core as the bundles ship it: built by esbuild.js's bundleCoreTo (its aliases and plugins,
// e.g. markdown-it's patched class-field helper; minified) and loaded. In-process figures then measure
// the code users run, not tsx's transpile of the sources. esbuild plugins need its async API: the
// build runs in a child process, so loading stays synchronous for the bench's top-level code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Core from '../src/core';
import type { setSentenceModelSource } from '../src/core/model';
import { sentenceModelPath } from '../src/host/sentenceModelFile';

export type ShippedCore = typeof Core & { setSentenceModelSource: typeof setSentenceModelSource };

const ROOT = join(__dirname, '..');

export function loadShippedCore(): ShippedCore {
  const file = join(mkdtempSync(join(tmpdir(), 'retro-health-core-')), 'core.js');
  const build = spawnSync(process.execPath, ['-e', `require('./esbuild.js').bundleCoreTo(${JSON.stringify(file)}).catch((e) => { console.error(e); process.exit(1); })`], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bundling the core failed: ${build.stderr}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, built just now
  const core = require(file) as ShippedCore;
  const model = readFileSync(sentenceModelPath());
  core.setSentenceModelSource(() => model);
  return core;
}
