// Bundles the in-host test suite (suite/index.ts + the tests it imports, mocha included) into
// out/suite.js: one CommonJS file for the extension host's extensionTestsPath, `vscode` external;
// and the web pass's suite (web/index.ts) into out/web-suite.js.
// esbuild comes from the repo root's devDependencies; mocha from test/e2e (or the root, same version).
import esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What both suites share: one CommonJS file, `vscode` external, a source map for stack traces. */
const common = { bundle: true, format: 'cjs', external: ['vscode'], sourcemap: true, sourcesContent: false, legalComments: 'none', logLevel: 'warning' };

await esbuild.build({
  ...common,
  entryPoints: [path.join(here, 'suite/index.ts')],
  outfile: path.join(here, 'out/suite.js'),
  platform: 'node',
  target: 'node20',
  // mocha's parallel mode (never used here) require.resolve()s its worker files; nothing to bundle there.
  logOverride: { 'require-resolve-not-external': 'silent' },
});

// The web pass's suite (web/index.ts, E2E_LAYOUT=web) for the web worker extension host: mocha's
// browser build, no Node built-ins.
await esbuild.build({
  ...common,
  entryPoints: [path.join(here, 'web/index.ts')],
  outfile: path.join(here, 'out/web-suite.js'),
  platform: 'browser',
  target: 'es2022',
});
