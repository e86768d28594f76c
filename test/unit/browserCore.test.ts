import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { sentenceModelPath } from '../../src/host/sentenceModelFile';

/**
 * The core, model included, bundled for the browser and run where Node is absent (a bare context:
 * no require, no process, no fs): the model's bytes come from the host, as vscode.dev would give them.
 */
describe('the core in a browser-like context', () => {
  it('bundles for the browser without Node built-ins and finds a symptom with the sentence model', async function () {
    this.timeout(60_000);
    const bundle = await build({
      stdin: { contents: "export { analyzeRetro, setSentenceModelSource } from './src/core';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      globalName: 'RetroHealthCore',
      alias: { 'linkify-it': './src/core/markdown/noLinkify.ts', entities: './src/core/markdown/noEntities.ts' },
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    const context = createContext({ TextDecoder, TextEncoder, Uint8Array, modelBytes: new Uint8Array(readFileSync(sentenceModelPath())) });
    runInContext(code, context);
    const found = runInContext(
      `RetroHealthCore.setSentenceModelSource(() => modelBytes);
       RetroHealthCore.analyzeRetro('# Retro\\n\\n- Marketing now sends all its new work to an outside agency instead of to IT.\\n').findings.map((f) => f.symptom + ':' + f.via).join(',')`,
      context,
    ) as string;
    assert.ok(typeof (context as { require?: unknown }).require === 'undefined' && typeof (context as { process?: unknown }).process === 'undefined');
    assert.equal(found, 'going-to-outside-vendor:model');
  });
});
