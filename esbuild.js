// Bundles the extension (Node, `vscode` external) and the CLI; `--production` minifies, `--watch` rebuilds.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const SCHEMA_FILE = 'schemas/retro-health.schema.json';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * markdown-it's build turns every class field into a `_defineProperty(this, "name", value)` call
 * whose helper converts the key through toPropertyKey/toPrimitive and, being one function for every
 * class, sees objects of every shape (profile: ~10% of re-reading a retro after a keystroke, one
 * Token at a time). Each call becomes the plain assignment a class field amounts to here (fresh
 * objects, no setters): `this.name = value`, each site seeing one shape. Fails the build if a call
 * is left or the helper changes shape, rather than silently not applying.
 */
const FIELD_CALL = /_defineProperty\(\s*this,\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*([^;]*?)\s*\);/g;
const fastMarkdownItFields = {
  name: 'fast-markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (source.split('function _defineProperty(e, r, t) {\n').length !== 2) throw new Error(`markdown-it's _defineProperty helper changed shape in ${args.path}`);
      const patched = source.replace(FIELD_CALL, (_, name, value) => `this.${name} = ${value};`);
      // Static fields (`_defineProperty(MarkdownIt, …)`) run once at load: left as they are.
      const left = patched.split('_defineProperty(this').length - 1;
      if (left !== 0) throw new Error(`${left} _defineProperty(this, …) calls in ${args.path} are not plain class fields`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in each of ~20 adapter files bundles to a copy of the whole
 * API object per file (__toESM: a getter per property, at load). One module re-exports it once and
 * every file imports that: one copy.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  // jsonc-parser's UMD build requires files dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // markdown-it's linkifier is never enabled and its entity decoding never reaches what the reader
  // uses (see src/core/markdown/noLinkify.ts and noEntities.ts).
  alias: { 'linkify-it': './src/core/markdown/noLinkify.ts', entities: './src/core/markdown/noEntities.ts' },
  plugins: [fastMarkdownItFields],
  logLevel: 'warning',
};

const builds = [
  {
    ...shared,
    entryPoints: ['src/extension/node.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    // Marks when the bundle starts loading, so activation time includes module load, as VS Code counts it.
    banner: { js: 'globalThis.__retroHealthLoadStart = performance.now();' },
    footer: { js: 'globalThis.__retroHealthLoadEnd = performance.now();' },
    metafile: true,
    plugins: [...shared.plugins, vscodeOnce],
  },
  {
    // The web extension (package.json "browser"): the same adapters for VS Code's web worker host.
    ...shared,
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/web/extension.js',
    plugins: [...shared.plugins, vscodeOnce],
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
  },
  {
    ...shared,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    // fdir (via tinyglobby) calls createRequire(import.meta.url); give the CommonJS bundle a real one.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
  {
    // The Retrospective Panel's webview script: browser code in one IIFE, no Node built-ins.
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  },
];
// The Workspace Health Report's webview script: same browser settings, its own IIFE.
builds.push({ ...builds[builds.length - 1], entryPoints: ['src/webview/report/main.ts'], outfile: 'dist/report.js' });

/** The panel's icon font, copied from @vscode/codicons into media/codicons/ (gitignored; packaged with media/). */
function copyCodicons() {
  const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  fs.mkdirSync('media/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join('media/codicons', file));
}

/** Bundles a core module in memory and evaluates it here: its exports, for work done once at build time. */
async function loadAtBuildTime(entry) {
  const result = await esbuild.build({ ...shared, entryPoints: [entry], write: false, sourcemap: false, minify: false });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

/** Generates the JSON schema of .retro-health.json from its zod schema (a test catches a stale copy). */
async function writeTeamConfigSchema() {
  const { teamConfigJsonSchema } = await loadAtBuildTime('src/core/teamConfig.ts');
  const schema = JSON.stringify(teamConfigJsonSchema(), null, 2) + '\n';
  fs.mkdirSync('schemas', { recursive: true });
  if (!fs.existsSync(SCHEMA_FILE) || fs.readFileSync(SCHEMA_FILE, 'utf8') !== schema) fs.writeFileSync(SCHEMA_FILE, schema);
}

/**
 * The built-in catalog compiled once, here, as data (src/core/matcher/snapshot.ts), written beside
 * the bundles as dist/catalog-snapshot.txt: the CLI, the extension's core and the web extension read
 * it (first line: this build's id, which the bundles carry) instead of compiling ~900 automata cold.
 * Watch builds carry no id, so a snapshot from another build is never served stale.
 */
async function writeMatcherSnapshot(bundles) {
  const { SymptomMatcher, builtInCatalog } = await loadAtBuildTime('src/core/index.ts');
  const snapshot = new SymptomMatcher(builtInCatalog(), { snapshot: null, model: null }).snapshot();
  const id = require('node:crypto').createHash('sha256').update(snapshot).digest('hex').slice(0, 16);
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync(path.join('dist', 'catalog-snapshot.txt'), `${id}\n${snapshot}`);
  for (const options of bundles) options.define = { ...options.define, __CATALOG_SNAPSHOT_ID__: JSON.stringify(id) };
}

async function main() {
  await writeTeamConfigSchema();
  copyCodicons();
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    console.log('[watch] watching for changes');
    return;
  }
  const cli = builds.find((options) => options.outfile === 'dist/cli.js');
  const web = builds.find((options) => options.outfile === 'dist/web/extension.js');
  const extensionCore = { define: {} };
  await writeMatcherSnapshot([cli, web, extensionCore]);
  const extension = builds.find((options) => options.outfile === 'dist/extension.js');
  extension.plugins = [...extension.plugins, lazyCorePlugin(await buildExtensionCore('dist/core.js', extensionCore.define))];
  extension.define = { ...extension.define, __CORE_IN_ITS_OWN_BUNDLE__: 'true' };
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  checkEagerCore(results[builds.indexOf(extension)].metafile);
}

/*
 * The Node extension loads the pure core (matcher, model, markdown-it, report: ~260 KB of its
 * ~360 KB) on first use, not at activation: dist/extension.js holds the adapters, dist/core.js the
 * core. Every import of a core module from outside src/core becomes a small module whose exports
 * are getters that require dist/core.js the first time one is read. A markdown file that is not a
 * retro never pays for the matcher; activation pays only for the adapters. (Watch builds and the
 * web extension stay one bundle: a web worker has no require.)
 */
const CORE_DIR = path.join(__dirname, 'src', 'core');
/** Constants and a pure helper the adapters evaluate as they load (zod schemas' enums, lazily()): bundled into the adapters, copied, stateless. */
const EAGER_CORE = new Set(['types.ts', 'lazily.ts'].map((file) => path.join(CORE_DIR, file)));

function coreModuleFiles(folder = CORE_DIR) {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? coreModuleFiles(path.join(folder, entry.name)) : /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path.join(folder, entry.name)] : []))
    .sort();
}

/** Builds dist/core.js (every core module as a namespace, m0…mN) and returns, per module file, its key and export names. */
async function buildExtensionCore(outfile, define) {
  const files = coreModuleFiles();
  const contents = [
    ...files.map((file, index) => `export * as m${index} from ${JSON.stringify(file)};`),
    // The Node host reads the shipped sentence model and catalog snapshot beside the bundle; registered as the core loads.
    "import { useShippedSentenceModel } from './src/host/sentenceModelFile';",
    "import { useShippedCatalogSnapshot } from './src/host/catalogSnapshotFile';",
    'useShippedSentenceModel();',
    'useShippedCatalogSnapshot();',
  ].join('\n');
  await esbuild.build({
    ...shared,
    stdin: { contents, resolveDir: __dirname, loader: 'ts' },
    outfile,
    define: { ...shared.define, ...define },
    banner: { js: 'globalThis.__retroHealthCoreLoadStart = performance.now();' },
    footer: { js: 'globalThis.__retroHealthCoreLoadEnd = performance.now();' },
  });
  const built = path.resolve(outfile);
  delete require.cache[built];
  const core = require(built);
  return new Map(
    files.map((file, index) => {
      const names = [];
      const constants = {};
      for (const [name, value] of Object.entries(core[`m${index}`])) {
        if (isInlinable(value)) constants[name] = value;
        else names.push(name);
      }
      return [file, { key: `m${index}`, names, constants }];
    }),
  );
}

/** A string, number or boolean, or a list of them: the adapters read such constants as they start (file names, default globs), so they are copied in rather than loading the core. */
function isInlinable(value) {
  const primitive = (item) => ['string', 'number', 'boolean'].includes(typeof item) && (typeof item !== 'number' || Number.isFinite(item));
  return primitive(value) || (Array.isArray(value) && value.every(primitive));
}

function isInside(file, folder) {
  const between = path.relative(folder, file);
  return between !== '' && !between.startsWith('..') && !path.isAbsolute(between);
}

function lazyCorePlugin(layout) {
  return {
    name: 'lazy-core',
    setup(build) {
      build.onResolve({ filter: /^retro-health-core$/ }, () => ({ path: './core.js', external: true }));
      build.onResolve({ filter: /core/ }, async (args) => {
        if (args.pluginData?.resolvingCore || isInside(args.importer, CORE_DIR)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolvingCore: true } });
        if (resolved.errors.length > 0 || !isInside(resolved.path, CORE_DIR) || EAGER_CORE.has(resolved.path)) return undefined;
        return { path: resolved.path, namespace: 'lazy-core' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-core' }, (args) => {
        const module = layout.get(args.path);
        if (!module) return { errors: [{ text: `${args.path} is not in dist/core.js` }] };
        const contents = [
          'let core;',
          `const load = () => (core ??= require('retro-health-core').${module.key});`,
          `for (const name of ${JSON.stringify(module.names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
          `Object.assign(exports, ${JSON.stringify(module.constants)});`,
        ].join('\n');
        return { contents, loader: 'js', resolveDir: __dirname };
      });
    },
  };
}

/** Fails the build when a core module other than the eager ones ended up inside dist/extension.js (it would be a second, separate copy). */
function checkEagerCore(metafile) {
  const bundled = Object.keys(metafile.inputs)
    .filter((input) => !input.includes(':'))
    .map((input) => path.resolve(__dirname, input))
    .filter((file) => isInside(file, CORE_DIR) && !EAGER_CORE.has(file));
  if (bundled.length > 0) throw new Error(`dist/extension.js bundles core modules it should load from dist/core.js: ${bundled.map((file) => path.relative(__dirname, file)).join(', ')}`);
}

// `node esbuild.js` builds; the bench requires this file for the same options (bench/shippedCore.ts).
if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
module.exports = { bundleCoreTo };

/** The pure core alone, as the bundles ship it (minified, same plugins): what the bench's in-process figures load. Unminified for readable profiles. */
async function bundleCoreTo(outfile, { minify = true } = {}) {
  await esbuild.build({
    ...shared,
    stdin: { contents: "export * from './src/core'; export { setSentenceModelSource } from './src/core/model';", resolveDir: __dirname, loader: 'ts' },
    outfile,
    sourcemap: false,
    minify,
  });
}
