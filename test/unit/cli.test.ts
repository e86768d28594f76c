// End-to-end tests of the bundled CLI (dist/cli.js): they run it as a child process, as a user or CI would.
// `npm run test:unit` builds first; run `npm run build` yourself before `npx mocha` on this file alone.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/cli';
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const STAGE_ORDER = ['healthy', 'early', 'middle', 'advanced', 'end'] as const;
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const SYMPTOM_SENTENCE = "Lots of requirements didn't come out until UAT.";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` without a shell (so globs reach the CLI unexpanded) and without colour variables. */
function cli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, options.env ?? {});
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function describeRun(run: Run): string {
  return `exit ${String(run.status)}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;
}

function expectExit(run: Run, code: number): void {
  assert.equal(run.status, code, `expected exit ${code}, got ${describeRun(run)}`);
}

/** Asserts stderr is exactly one `retro-health: …` line and returns it. */
function singleErrorLine(run: Run): string {
  const lines = run.stderr.split('\n');
  assert.equal(lines.pop(), '', `stderr should end with a newline: ${JSON.stringify(run.stderr)}`);
  assert.equal(lines.length, 1, `stderr should be one line: ${JSON.stringify(run.stderr)}`);
  const line = lines[0] as string;
  assert.match(line, /^retro-health: \S/);
  return line;
}

// ---- the JSON report, validated against the documented shape -------------------------------------------

const StageSchema = z.enum(['early', 'middle', 'advanced', 'end']);
const DocumentStageSchema = z.enum(STAGE_ORDER);
const FindingSchema = z.object({
  symptom: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  stage: StageSchema,
  side: z.enum(['business', 'it', 'both']),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  text: z.string().min(1),
  message: z.string().min(1),
  treatments: z.array(z.string().min(1)),
  confidence: z.number().min(0).max(1),
  via: z.enum(['phrase', 'concept', 'model', 'team']),
  why: z.string().min(1).optional(),
});
const DocumentSchema = z.object({
  file: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  team: z.string().nullable(),
  stage: DocumentStageSchema,
  score: z.number().int().min(0).max(100),
  findings: z.array(FindingSchema),
});
const ReportSchema = z.strictObject({
  tool: z.literal('retro-health'),
  version: z.string(),
  documents: z.array(DocumentSchema),
  errors: z.array(z.object({ file: z.string().min(1), message: z.string().min(1) })),
  summary: z.strictObject({
    documents: z.number().int().min(0),
    findings: z.number().int().min(0),
    worstStage: DocumentStageSchema,
    byStage: z.strictObject({ early: z.number().int().min(0), middle: z.number().int().min(0), advanced: z.number().int().min(0), end: z.number().int().min(0) }),
  }),
  // The workspace report model (teams, trends, recurring symptoms, follow-ups) sits beside the documents.
  report: z.object({ retros: z.number().int().min(0), teams: z.array(z.object({ name: z.string().nullable() })), summary: z.string() }),
});
type JsonReport = z.infer<typeof ReportSchema>;
type JsonFinding = z.infer<typeof FindingSchema>;

function parseReport(run: Run): JsonReport {
  let raw: unknown;
  try {
    raw = JSON.parse(run.stdout);
  } catch (error) {
    assert.fail(`stdout is not JSON (${(error as Error).message}): ${describeRun(run)}`);
  }
  const parsed = ReportSchema.safeParse(raw);
  assert.ok(parsed.success, `JSON report does not match the documented shape: ${parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)}`);
  return parsed.data;
}

function jsonReport(args: string[]): JsonReport {
  const run = cli(['report', ...args, '--format', 'json']);
  expectExit(run, 0);
  return parseReport(run);
}

// ---- reading source the way the CLI counts positions -------------------------------------------------

/** File text without a BOM: lines end at '\n' (a '\r' stays on its line), columns are 1-based UTF-16 units. */
function sourceOf(file: string): string {
  const text = fs.readFileSync(path.resolve(ROOT, file), 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function offsetOf(source: string, line: number, column: number, what: string): number {
  const lines = source.split('\n');
  assert.ok(line >= 1 && line <= lines.length, `${what}: line ${line} is outside the file (${lines.length} lines)`);
  let start = 0;
  for (let i = 0; i < line - 1; i++) start += (lines[i] as string).length + 1;
  const length = (lines[line - 1] as string).replace(/\r$/, '').length;
  assert.ok(column >= 1 && column <= length + 1, `${what}: column ${column} is outside line ${line} (length ${length})`);
  return start + column - 1;
}

function sliceOf(source: string, finding: JsonFinding, what: string): string {
  const start = offsetOf(source, finding.line, finding.column, `${what} start`);
  const end = offsetOf(source, finding.endLine, finding.endColumn, `${what} end`);
  assert.ok(end > start, `${what}: empty or inverted range`);
  return source.slice(start, end);
}

// ---- SARIF 2.1.0: the properties GitHub code scanning needs ------------------------------------------

const SarifText = z.object({ text: z.string().min(1) });
const SarifLevel = z.enum(['none', 'note', 'warning', 'error']);
const SarifRegion = z
  .object({
    startLine: z.number().int().min(1),
    startColumn: z.number().int().min(1),
    endLine: z.number().int().min(1),
    endColumn: z.number().int().min(1),
  })
  .refine((r) => r.endLine > r.startLine || (r.endLine === r.startLine && r.endColumn > r.startColumn), 'region must not be empty or inverted');
const SarifResult = z.object({
  ruleId: z.string().min(1),
  ruleIndex: z.number().int().min(0),
  level: z.enum(['note', 'warning', 'error']),
  message: SarifText,
  locations: z
    .array(
      z.object({
        physicalLocation: z.object({
          artifactLocation: z.object({ uri: z.string().min(1), uriBaseId: z.string().optional() }),
          region: SarifRegion,
        }),
      }),
    )
    .min(1),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
const SarifRule = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  shortDescription: SarifText.optional(),
  fullDescription: SarifText.optional(),
  help: z.object({ text: z.string().min(1), markdown: z.string().optional() }).optional(),
  helpUri: z.string().optional(),
  defaultConfiguration: z.object({ level: SarifLevel }).optional(),
  properties: z.object({ tags: z.array(z.string()).optional() }).passthrough().optional(),
});
const SarifLog = z.object({
  $schema: z.string().regex(/^https:\/\/\S+sarif[-_]?2\.1\.0\S*\.json$/i),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.string().min(1),
            version: z.string().optional(),
            semanticVersion: z.string().optional(),
            informationUri: z.string().optional(),
            rules: z.array(SarifRule),
          }),
        }),
        columnKind: z.enum(['utf16CodeUnits', 'unicodeCodePoints']).optional(),
        results: z.array(SarifResult),
      }),
    )
    .min(1),
});
type SarifLogType = z.infer<typeof SarifLog>;

function parseSarif(run: Run): SarifLogType {
  const parsed = SarifLog.safeParse(JSON.parse(run.stdout));
  assert.ok(parsed.success, `not valid SARIF 2.1.0 for code scanning: ${parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)}`);
  return parsed.data;
}

// ---- text output ------------------------------------------------------------------------------------

interface TextFinding {
  file: string;
  line: number;
  column: number;
  stage: string;
  quote: string;
  symptom: string;
}

const TEXT_FINDING = /^ {2}(.+?):(\d+):(\d+) {2}(early|middle|advanced|end) +(?:business|it|both) +.+? {2}“(.+)” {2}([a-z-]+)$/;

function textFindings(stdout: string): TextFinding[] {
  return stdout
    .split('\n')
    .map((line) => TEXT_FINDING.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((m) => ({ file: m[1] as string, line: Number(m[2]), column: Number(m[3]), stage: m[4] as string, quote: m[5] as string, symptom: m[6] as string }));
}

// ------------------------------------------------------------------------------------------------------

describe('CLI (dist/cli.js as a child process)', function () {
  let tmp: string;
  /** A CRLF + BOM retro: the symptom on line 3 is real, the one in the fenced block is not prose. */
  let crlfBom: string;
  /** BOM + symptom on the very first line, where counting the BOM would shift the column. */
  let bomFirstLine: string;

  before(function () {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'retro-health-cli-'));
    crlfBom = path.join(tmp, 'crlf-bom.md');
    fs.writeFileSync(
      crlfBom,
      '\uFEFF# Sprint 7 retro\r\n\r\n- ' +
        SYMPTOM_SENTENCE +
        '\r\n\r\n```text\r\n' +
        SYMPTOM_SENTENCE +
        '\r\n```\r\n\r\n    ' +
        SYMPTOM_SENTENCE +
        '\r\n',
      'utf8',
    );
    bomFirstLine = path.join(tmp, 'bom-first-line.md');
    fs.writeFileSync(bomFirstLine, `\uFEFF${SYMPTOM_SENTENCE}\r\n`, 'utf8');
  });

  after(function () {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('text format', function () {
    it('reports examples/ with exit 0, and every file:line:column points at the quoted text', function () {
      const run = cli(['report', 'examples/', crlfBom]);
      expectExit(run, 0);
      assert.equal(run.stderr, '');
      const findings = textFindings(run.stdout);
      const summary = /^(\d+) retros · (\d+) symptoms · worst stage: (\w+)/m.exec(run.stdout);
      assert.ok(summary, `no summary line in:\n${run.stdout}`);
      assert.equal(findings.length, Number(summary[2]), 'one file:line:column line per symptom');
      assert.ok(findings.length >= 5, `expected several findings in examples/, got ${findings.length}`);
      assert.ok(findings.some((f) => f.file === crlfBom), 'the CRLF + BOM file is reported');
      for (const finding of findings) {
        const where = `${finding.file}:${finding.line}:${finding.column}`;
        const source = sourceOf(finding.file);
        const start = offsetOf(source, finding.line, finding.column, where);
        const rest = source.slice(start).replace(/\s+/g, ' ');
        assert.ok(rest.startsWith(finding.quote), `${where} should start with “${finding.quote}”, but starts with “${rest.slice(0, finding.quote.length + 10)}”`);
      }
    });

    it('lists the same findings, at the same positions, as the JSON format', function () {
      const text = textFindings(cli(['report', 'examples/', FIXTURES, '--all-markdown']).stdout).map((f) => `${f.file}:${f.line}:${f.column} ${f.symptom} ${f.stage}`);
      const json = jsonReport(['examples/', FIXTURES, '--all-markdown']).documents.flatMap((d) =>
        d.findings.map((f) => `${d.file}:${f.line}:${f.column} ${f.symptom} ${f.stage}`),
      );
      assert.deepEqual(text, json);
    });
  });

  describe('json format', function () {
    it('has the documented shape, and each finding’s text is the source slice [line:column, endLine:endColumn)', function () {
      const report = jsonReport(['examples/', FIXTURES, crlfBom, '--all-markdown']);
      assert.equal(report.version, PACKAGE_VERSION);
      assert.deepEqual(Object.keys(report).sort(), ['documents', 'errors', 'report', 'summary', 'tool', 'version']);
      assert.deepEqual(report.errors, []);
      assert.ok(report.documents.length >= 7 + 5, 'all examples and fixtures are reported');
      let checked = 0;
      for (const document of report.documents) {
        assert.ok(!document.file.includes('\\'), `forward slashes: ${document.file}`);
        assert.ok(fs.existsSync(path.resolve(ROOT, document.file)), `file is a path to the input: ${document.file}`);
        const datedName = /^(\d{4}-\d{2}-\d{2})-/.exec(path.basename(document.file));
        if (datedName && document.file.startsWith('examples/')) assert.equal(document.date, datedName[1], `${document.file} date`);
        const source = sourceOf(document.file);
        for (const finding of document.findings) {
          const where = `${document.file}:${finding.line}:${finding.column}`;
          assert.equal(sliceOf(source, finding, where), finding.text, `${where}: text must equal the source slice`);
          checked += 1;
        }
      }
      assert.ok(checked >= 10, `expected to check many findings, checked ${checked}`);
    });

    it('summary counts equal the sums over documents', function () {
      const report = jsonReport(['examples/', FIXTURES, '--all-markdown']);
      const { summary, documents } = report;
      assert.equal(summary.documents, documents.length);
      assert.equal(summary.findings, documents.reduce((sum, d) => sum + d.findings.length, 0));
      for (const stage of ['early', 'middle', 'advanced', 'end'] as const) {
        assert.equal(summary.byStage[stage], documents.reduce((sum, d) => sum + d.findings.filter((f) => f.stage === stage).length, 0), `byStage.${stage}`);
      }
      const worst = documents.reduce((rank, d) => Math.max(rank, STAGE_ORDER.indexOf(d.stage)), 0);
      assert.equal(summary.worstStage, STAGE_ORDER[worst]);
      assert.equal(summary.worstStage, 'end', 'examples include an end-stage retro');
    });

    it('keeps the file path as given, with backslashes turned into forward slashes', function () {
      const given = 'examples/retros/payments/2026-01-30-sprint-22.md';
      assert.equal(jsonReport([given]).documents[0]?.file, given);
      assert.equal(jsonReport([given.replace(/\//g, '\\')]).documents[0]?.file, given);
    });

    it('reads a CRLF + BOM file with exact positions and ignores the symptom in a fenced or indented code block', function () {
      const report = jsonReport([crlfBom]);
      const document = report.documents[0];
      assert.ok(document);
      assert.deepEqual(
        document.findings.map(({ symptom, line, column, endLine, endColumn, text }) => ({ symptom, line, column, endLine, endColumn, text })),
        [{ symptom: 'requirements-surface-late', line: 3, column: 3, endLine: 3, endColumn: 49, text: "Lots of requirements didn't come out until UAT" }],
      );
      assert.equal(document.stage, 'early');
      const text = cli(['report', crlfBom]);
      expectExit(text, 0);
      assert.ok(text.stdout.includes(`${crlfBom}:3:3 `), text.stdout);
      assert.ok(!text.stdout.includes('\r'), 'no carriage returns leak into the text output');
    });

    it('does not count the BOM in first-line columns', function () {
      const finding = jsonReport([bomFirstLine]).documents[0]?.findings[0];
      assert.ok(finding, 'the first-line symptom is found');
      assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [1, 1, 1, 47]);
      assert.equal(finding.text, "Lots of requirements didn't come out until UAT");
    });

    it('counts columns in UTF-16 code units (emoji, astral letters) and spans lines', function () {
      const file = `${FIXTURES}/unicode-columns.md`;
      const findings = jsonReport([file]).documents[0]?.findings ?? [];
      const lines = sourceOf(file).split('\n');
      const utf16Column = (line: number, needle: RegExp) => (lines[line - 1] as string).search(needle) + 1;
      assert.deepEqual(
        findings.map(({ line, column, endLine, endColumn }) => [line, column, endLine, endColumn]),
        [
          [5, utf16Column(5, /Lots of/), 5, utf16Column(5, /\. \|$/)],
          [7, utf16Column(7, /lots of/), 8, utf16Column(8, /, again/)],
        ],
      );
      // The fixture really distinguishes UTF-16 units from code points.
      assert.equal(utf16Column(5, /Lots of/), 23);
      assert.equal([...(lines[4] as string).slice(0, 22)].length, 20);
      assert.equal(findings[1]?.text, "lots of requirements didn't\ncome out until UAT");
    });
  });

  describe('markdown format', function () {
    it('prints the workspace report: title, summary, one team row per team covering every retro', function () {
      const run = cli(['report', 'examples/', '--format', 'markdown']);
      expectExit(run, 0);
      assert.ok(run.stdout.startsWith('# Retro Health: workspace report\n'), run.stdout.slice(0, 80));
      const json = JSON.parse(cli(['report', 'examples/', '--format', 'json']).stdout) as { documents: unknown[]; report: { teams: { name: string | null; retros: unknown[]; undated: unknown[] }[] } };
      const lines = run.stdout.split('\n');
      const header = lines.indexOf('| Team | Retros | Latest stage | Score | Direction | Balance |');
      assert.ok(header !== -1, 'teams table present');
      const rows: string[] = [];
      for (let i = header + 2; i < lines.length && (lines[i] as string).startsWith('|'); i++) rows.push(lines[i] as string);
      assert.equal(rows.length, json.report.teams.length);
      const counted = rows.reduce((sum, row) => sum + Number(row.split('|')[2]), 0);
      assert.equal(counted, json.documents.length, 'every retro belongs to a team row');
    });
  });

  describe('sarif format', function () {
    it('is SARIF 2.1.0 that code scanning accepts, consistent with the JSON findings', function () {
      const run = cli(['report', 'examples/', FIXTURES, '--all-markdown', '--format', 'sarif']);
      expectExit(run, 0);
      const sarif = parseSarif(run);
      const [sarifRun] = sarif.runs;
      assert.ok(sarifRun);
      assert.equal(sarifRun.tool.driver.name, 'retro-health');
      assert.equal(sarifRun.tool.driver.version, PACKAGE_VERSION);
      const rules = sarifRun.tool.driver.rules;
      assert.ok(rules.length > 0, 'rules are listed');
      assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'rule ids are unique');

      const expected = jsonReport(['examples/', FIXTURES, '--all-markdown']).documents.flatMap((d) => d.findings.map((f) => ({ file: d.file, ...f })));
      assert.equal(sarifRun.results.length, expected.length, 'one result per finding');
      sarifRun.results.forEach((result, index) => {
        const rule = rules[result.ruleIndex];
        assert.ok(rule, `result ${index}: ruleIndex ${result.ruleIndex} is out of range`);
        assert.equal(rule.id, result.ruleId, `result ${index}: ruleIndex points at its rule`);
        const location = result.locations[0]?.physicalLocation;
        assert.ok(location);
        const { uri } = location.artifactLocation;
        assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('/') && !uri.startsWith('./'), `uri is relative: ${uri}`);
        assert.ok(!uri.includes('\\'), `uri uses forward slashes: ${uri}`);
        const finding = expected[index];
        assert.ok(finding);
        assert.equal(decodeURIComponent(uri), finding.file);
        assert.equal(result.ruleId, finding.symptom);
        assert.deepEqual(location.region, { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
        assert.equal(result.level, { early: 'note', middle: 'warning', advanced: 'warning', end: 'error' }[finding.stage]);
      });
      assert.ok(sarifRun.results.some((r) => r.level === 'error') && sarifRun.results.some((r) => r.level === 'note'));
    });

    it('escapes file names so the uri resolves back to the file (#, %, space)', function () {
      const dir = fs.mkdtempSync(path.join(tmp, 'sarif-'));
      const name = 'sprint #3 100%.md';
      fs.writeFileSync(path.join(dir, name), `# Retro\n\n${SYMPTOM_SENTENCE}\n`);
      const run = cli(['report', name, '--format', 'sarif'], { cwd: dir });
      expectExit(run, 0);
      const uri = parseSarif(run).runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
      assert.ok(uri, 'a result with a location');
      const resolved = new URL(uri, 'file:///repo/');
      assert.equal(resolved.hash, '', `uri "${uri}" has a fragment, so the file name is cut at '#'`);
      assert.equal(decodeURIComponent(resolved.pathname), `/repo/${name}`, `uri "${uri}" does not resolve to the file`);
    });
  });

  describe('--fail-on', function () {
    it('exits 1 when a retro reaches the stage (end fixture, --fail-on end)', function () {
      const file = `${FIXTURES}/end-stage.md`;
      assert.equal(jsonReport([file]).documents[0]?.stage, 'end', 'the fixture is diagnosed at stage end');
      const run = cli(['report', file, '--fail-on', 'end']);
      expectExit(run, 1);
      assert.ok(run.stdout.includes(`${file}  END`), 'the report is still printed');
      assert.equal(run.stderr, '');
    });

    it('exits 0 for healthy retros with --fail-on early', function () {
      const inputs = [`${FIXTURES}/healthy.md`, `${FIXTURES}/suppress-all.md`, 'examples/retros/platform/'];
      const report = jsonReport(inputs);
      assert.ok(report.documents.length >= 3);
      assert.deepEqual([...new Set(report.documents.map((d) => d.stage))], ['healthy']);
      expectExit(cli(['report', ...inputs, '--fail-on', 'early']), 0);
    });

    it('exits 1 for examples/ with --fail-on middle, and compares stages by rank', function () {
      expectExit(cli(['report', 'examples/', '--fail-on', 'middle']), 1);
      const early = 'examples/retros/payments/2026-01-30-sprint-22.md';
      assert.equal(jsonReport([early]).documents[0]?.stage, 'early');
      expectExit(cli(['report', early, '--fail-on', 'early']), 1);
      expectExit(cli(['report', early, '--fail-on', 'middle']), 0);
      expectExit(cli(['report', `${FIXTURES}/end-stage.md`, '--fail-on', 'early', '--format', 'json']), 1);
    });
  });

  describe('exit 2', function () {
    it('names a missing path on one stderr line and still reports the other files', function () {
      const missing = `${FIXTURES}/no-such-retro.md`;
      const healthy = `${FIXTURES}/healthy.md`;
      const run = cli(['report', missing, healthy]);
      expectExit(run, 2);
      assert.ok(singleErrorLine(run).includes(missing));
      assert.ok(run.stdout.includes(`${healthy}  HEALTHY`), run.stdout);

      const json = cli(['report', missing, healthy, '--format', 'json']);
      expectExit(json, 2);
      const report = parseReport(json);
      assert.deepEqual(report.documents.map((d) => d.file), [healthy]);
      assert.deepEqual(report.errors.map((e) => e.file), [missing]);
    });

    it('refuses a binary file (NUL bytes)', function () {
      const file = path.join(tmp, 'binary.md');
      fs.writeFileSync(file, Buffer.from([0x23, 0x20, 0x52, 0x00, 0x01, 0x02, 0xff, 0x00, 0x0a]));
      const run = cli(['report', file, `${FIXTURES}/healthy.md`]);
      expectExit(run, 2);
      const line = singleErrorLine(run);
      assert.ok(line.includes(file) && /binary/i.test(line), line);
      assert.ok(run.stdout.includes('healthy.md'), 'other files are still reported');
    });

    it('refuses invalid UTF-8', function () {
      const file = path.join(tmp, 'latin1.md');
      // 0xFF never occurs in UTF-8.
      fs.writeFileSync(file, Buffer.concat([Buffer.from('# Retro\n\nCaf'), Buffer.from([0xff]), Buffer.from(' meeting\n')]));
      const run = cli(['report', file]);
      expectExit(run, 2);
      const line = singleErrorLine(run);
      assert.ok(line.includes(file) && /UTF-8/.test(line), line);
      assert.ok(line.includes('offset 12)'), `the offset of the bad byte: ${line}`);
    });

    it('reports where an ill-formed or truncated UTF-8 sequence starts', function () {
      // A lead byte whose sequence is cut short: E2 82 is the start of "€"; E9 is "é" in Latin-1, a 3-byte lead in UTF-8.
      const cases: [name: string, bytes: number[], offset: number][] = [
        ['truncated-at-eof.md', [0x61, 0x62, 0x63, 0xe2, 0x82], 3],
        ['truncated-mid.md', [0x61, 0x62, 0xe2, 0x82, 0x41, 0x63, 0x64], 2],
        ['latin1-e-acute.md', [...Buffer.from('# Caf'), 0xe9, ...Buffer.from(' meeting\n')], 5],
      ];
      const wrong: string[] = [];
      for (const [name, bytes, offset] of cases) {
        const file = path.join(tmp, name);
        fs.writeFileSync(file, Buffer.from(bytes));
        const run = cli(['report', file]);
        expectExit(run, 2);
        const line = singleErrorLine(run);
        if (!line.includes(`offset ${offset})`)) wrong.push(`${name} (${bytes.length} bytes): expected "offset ${offset}", got: ${line}`);
      }
      assert.deepEqual(wrong, []);
    });

    it('a file cut short mid-character leaves nothing behind for the next file in the same run', function () {
      // One decoder reads every file: the refused one's dangling lead byte must not reach the next file's text.
      const cut = path.join(tmp, 'a-cut.md');
      const next = path.join(tmp, 'b-next.md');
      fs.writeFileSync(cut, Buffer.from([0x61, 0xe2, 0x82]));
      fs.writeFileSync(next, '\u20ac IT just doesn\u2019t get it.\n');
      const run = cli(['report', '--format', 'json', cut, next]);
      expectExit(run, 2);
      const report = JSON.parse(run.stdout) as { documents: { file: string; findings: { text: string; line: number; column: number }[] }[] };
      assert.deepEqual(report.documents.map((document) => document.file), [next]);
      const finding = report.documents[0]?.findings[0];
      assert.ok(finding && finding.text.startsWith('IT just doesn'), run.stdout);
      assert.deepEqual([finding.line, finding.column], [1, 3], 'after "€ ", nothing before it');
      assert.match(singleErrorLine(run), /a-cut\.md.*offset 1\)/);
    });

    it('refuses a file over --max-file-size-kb, and accepts one exactly at the limit', function () {
      const big = path.join(tmp, 'big.md');
      fs.writeFileSync(big, `# Retro\n\n${'All good. '.repeat(200)}\n`);
      const run = cli(['report', big, '--max-file-size-kb', '1']);
      expectExit(run, 2);
      const line = singleErrorLine(run);
      assert.ok(line.includes(big) && line.includes('--max-file-size-kb'), line);

      const exact = path.join(tmp, 'exact.md');
      fs.writeFileSync(exact, `# Retro\n\n${'x'.repeat(1024 - 10)}\n`);
      assert.equal(fs.statSync(exact).size, 1024);
      expectExit(cli(['report', exact, '--max-file-size-kb', '1']), 0);
    });

    const usageErrors: [title: string, args: string[], mustName: string[]][] = [
      ['an unknown option', ['report', '--bogus', 'examples/'], ['--bogus']],
      ['an unknown --format value', ['report', 'examples/', '--format', 'xml'], ['--format', 'xml']],
      ['an unknown --fail-on value', ['report', 'examples/', '--fail-on', 'worst'], ['--fail-on', 'worst']],
      ['an unknown command', ['frobnicate', 'examples/'], ['frobnicate']],
      ['an out-of-range --min-confidence', ['report', 'examples/', '--min-confidence', '2'], ['--min-confidence', '2']],
    ];
    for (const [title, args, mustName] of usageErrors) {
      it(`rejects ${title} with one stderr line naming it and no report`, function () {
        const run = cli(args);
        expectExit(run, 2);
        const line = singleErrorLine(run);
        for (const name of mustName) assert.ok(line.includes(name), `"${line}" should name ${name}`);
        assert.equal(run.stdout, '', 'no report on a command-line error');
      });
    }

    it('does not call a known option "unknown" when its value is missing or unexpected', function () {
      const cases: [args: string[], option: string][] = [
        [['report', 'examples/', '--format'], '--format'],
        [['report', 'examples/', '--fail-on'], '--fail-on'],
        [['report', 'examples/', '--no-color=yes'], '--no-color'],
      ];
      const wrong: string[] = [];
      for (const [args, option] of cases) {
        const run = cli(args);
        expectExit(run, 2);
        const line = singleErrorLine(run);
        assert.ok(line.includes(option), `"${line}" should name ${option}`);
        if (/unknown option/i.test(line)) wrong.push(`${args.slice(2).join(' ')}: ${option} is a known option, but stderr says: ${line}`);
      }
      assert.deepEqual(wrong, []);
    });
  });

  describe('globs', function () {
    it("expands a quoted 'examples/**/*.md' to the same documents as the directory", function () {
      const byGlob = jsonReport(['examples/**/*.md']);
      const byDirectory = jsonReport(['examples/']);
      assert.equal(byGlob.documents.length, 7);
      assert.deepEqual(byGlob.documents.map((d) => d.file), byDirectory.documents.map((d) => d.file));
      assert.deepEqual(byGlob.summary, byDirectory.summary);
    });

    it('exits 2 when a glob matches nothing, naming the pattern', function () {
      const pattern = 'examples/**/*.nothing-matches';
      const run = cli(['report', pattern]);
      expectExit(run, 2);
      assert.ok(singleErrorLine(run).includes(pattern));
    });
  });

  describe('--help and --version', function () {
    for (const flag of ['--help', '-h']) {
      it(`${flag} prints usage with exit 0`, function () {
        const run = cli([flag]);
        expectExit(run, 0);
        assert.match(run.stdout, /^Usage: retro-health report/);
        assert.ok(run.stdout.includes('--format'));
        assert.equal(run.stderr, '');
      });
    }

    for (const flag of ['--version', '-v']) {
      it(`${flag} prints the package.json version`, function () {
        const run = cli([flag]);
        expectExit(run, 0);
        assert.equal(run.stdout, `${PACKAGE_VERSION}\n`);
      });
    }
  });

  describe('suppression comments', function () {
    it('retro-health-disable-next-line <id> suppresses that symptom on the next line only', function () {
      const findings = jsonReport([`${FIXTURES}/suppress-next-line.md`]).documents[0]?.findings ?? [];
      // Line 11 is suppressed; line 14's comment names another symptom; line 16 has no comment.
      assert.deepEqual(
        findings.map((f) => [f.symptom, f.line]),
        [
          ['requirements-surface-late', 14],
          ['requirements-surface-late', 16],
        ],
      );
    });

    it('retro-health-disable suppresses every finding in the file', function () {
      const file = `${FIXTURES}/suppress-all.md`;
      const suppressed = jsonReport([file]).documents[0];
      assert.ok(suppressed);
      assert.deepEqual(suppressed.findings, []);
      assert.equal(suppressed.stage, 'healthy');

      const control = path.join(tmp, 'suppress-all-without-comment.md');
      fs.writeFileSync(control, sourceOf(file).replace('<!-- retro-health-disable -->\n', ''));
      const unsuppressed = jsonReport([control]).documents[0];
      assert.ok(unsuppressed);
      assert.deepEqual(unsuppressed.findings.map((f) => f.symptom).sort(), ['it-doesnt-get-it', 'outsource-it', 'requirements-surface-late']);
    });
  });

  describe('colour', function () {
    const args = ['report', 'examples/retros/payments/'];

    it('prints no ANSI escapes without a TTY', function () {
      const run = cli(args);
      expectExit(run, 0);
      assert.ok(!run.stdout.includes(ESC), 'no escape characters');
    });

    it('colours with FORCE_COLOR=1, and only adds escapes to the plain text', function () {
      const plain = cli(args).stdout;
      const run = cli(args, { env: { FORCE_COLOR: '1' } });
      expectExit(run, 0);
      assert.match(run.stdout, ANSI);
      assert.equal(run.stdout.replace(ANSI, ''), plain);
      assert.ok(!cli(args, { env: { FORCE_COLOR: '0' } }).stdout.includes(ESC), 'FORCE_COLOR=0 means no colour');
    });

    it('prints no ANSI escapes with NO_COLOR=1 and FORCE_COLOR unset', function () {
      const run = cli(args, { env: { NO_COLOR: '1' } });
      expectExit(run, 0);
      assert.ok(!run.stdout.includes(ESC));
    });

    // On a real terminal (a pseudo-TTY from util-linux script(1)) the defaults matter; defined only where script(1) exists.
    const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    if (hasScript) {
      it('on a terminal colours by default, but not with NO_COLOR=1, --no-color or TERM=dumb', function () {
        const onTerminal = (extraArgs: string[], env: Record<string, string>) => {
          const command = [process.execPath, CLI, ...args, ...extraArgs].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
          const childEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm', ...env };
          delete childEnv.FORCE_COLOR;
          if (!('NO_COLOR' in env)) delete childEnv.NO_COLOR;
          const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: childEnv, encoding: 'utf8' });
          assert.equal(result.status, 0, result.stderr);
          return result.stdout;
        };
        assert.match(onTerminal([], {}), ANSI, 'colour by default on a TTY');
        assert.ok(!onTerminal([], { NO_COLOR: '1' }).includes(ESC), 'NO_COLOR=1');
        assert.ok(!onTerminal(['--no-color'], {}).includes(ESC), '--no-color');
        assert.ok(!onTerminal([], { TERM: 'dumb' }).includes(ESC), 'TERM=dumb');
      });
    }
  });

  describe('diagnosis through the CLI', function () {
    it('does not discount symptoms under a "What didn\'t go well" heading as positive context', function () {
      // The same bullet under "## Problems" and under "## What didn't go well" is equally a complaint.
      const neutral = jsonReport([`${FIXTURES}/heading-neutral.md`]).documents[0];
      const didntGoWell = jsonReport([`${FIXTURES}/heading-didnt-go-well.md`, '--min-confidence', '0']).documents[0];
      assert.ok(neutral && didntGoWell);
      assert.equal(neutral.stage, 'early');
      const confidence = (d: typeof neutral) => d.findings[0]?.confidence;
      assert.equal(confidence(didntGoWell), confidence(neutral), 'same sentence, same confidence');
      assert.equal(didntGoWell.stage, neutral.stage, '"What didn\'t go well" is where problems are listed');
    });
  });

  describe('the process', function () {
    it('runs with TurboFan inlining off (a short run: warm-up beats peak speed, see src/host/shortRunJit.ts), and says nothing about it', function () {
      // V8 traces each inlining decision to stdout; with inlining off there are none, though the hot code is optimised.
      const traced = spawnSync(process.execPath, ['--trace-turbo-inlining', '--trace-opt', CLI, 'report', '--format', 'json', '--all-markdown', 'test/fixtures/eval'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
      assert.equal(traced.status, 0, traced.stderr);
      assert.match(traced.stdout, /completed compiling/, 'the optimising compiler ran');
      assert.doesNotMatch(traced.stdout, /Considering .* for inlining|Inlining .* into/);
      const plain = cli(['report', '--format', 'json', '--all-markdown', 'test/fixtures/eval']);
      expectExit(plain, 0);
      assert.equal(plain.stderr, '', 'no V8 flag warning');
    });
  });

  describe('a reader that stops early', function () {
    it('`report | head`: a closed pipe ends the CLI quietly, not with an unhandled EPIPE', function () {
      // A shell pipeline: head closes its end after one line, while the report still has much to write.
      const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" report --format json --all-markdown test/fixtures/eval | head -n 1`], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, describeRun({ status: result.status, stdout: result.stdout, stderr: result.stderr }));
      assert.equal(result.stdout.split('\n').filter(Boolean).length, 1, 'head printed its one line');
      assert.doesNotMatch(result.stderr, /EPIPE|Unhandled/);
    });
  });
});
