import { parseArgs } from 'node:util';
import { analyzeRetro, createMatcher, DEFAULT_MIN_CONFIDENCE } from '../core/analyze';
import { stageRank, STAGES } from '../core/types';
import { readTextFile, type FileProblem } from './files';
import { selectRetros } from './selection';
import { writeSections } from './write';
import { formatSarif } from './formatters/sarif';
import { formatGithub, latestStepWorse, staleText } from './formatters/github';
import { ansiPalette, formatText } from './formatters/text';
import { buildReport, toReportDocument, type Report, type ReportDocument } from './model';
import { version } from '../../package.json';
import { appendFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../core/defaults';
import { parseIsoDate } from '../core/markdown/frontMatter';
import { buildWorkspaceReport, DEFAULT_STALE_AFTER_DAYS, renderReportMarkdown, type ReportInput, type WorkspaceReport } from '../core/report';
import { LineIndex } from '../core/markdown/positions';
import { loadTeamCatalog, TEAM_CONFIG_FILE, type TeamCatalog } from '../core/teamConfig';

const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: retro-health report [options] <file|dir|glob>...
       retro-health write [--check] [options] <file|dir|glob>...

Reads retrospective markdown files, highlights symptoms of a strained IT–business
relationship, diagnoses each retro's stage and recommends treatments.
Directories and globs (quote them) select the retros among their markdown files, as the
editor decides: the retroHealth.files globs, "retro: true" front matter, or retro headings
in a file named like a retro (sprint, iteration, post-mortem…); a file named explicitly is
always read. Teams and history come from the whole workspace: --root, else the nearest
folder holding .retro-health.json, else .git, else the current folder. The workspace's
.vscode/settings.json is honoured (retroHealth.files, files.exclude, search.exclude).

\`write\` inserts or refreshes each retro's relationship-health section (between
<!-- retro-health:begin --> and <!-- retro-health:end -->); with --check it writes nothing
and exits 1 when a section is missing or out of date (for CI).

Options:
  --format <text|json|markdown|sarif|github>
                                        output format (default: text); github: annotations on
                                        stdout, the report to $GITHUB_STEP_SUMMARY (else stdout)
  --fail-on <early|middle|advanced|end> exit 1 when any retro reaches this stage
  --fail-on-worsening                   exit 1 when any team's latest retro is worse than its previous
  --fail-on-stale <days>                exit 1 when a follow-up has been open more than <days> days
                                        (they count as stale in the report too)
  --stale-after-days <n>                follow-ups open longer are stale (default: ${DEFAULT_STALE_AFTER_DAYS})
  --min-confidence <0..1>               report findings at least this sure (default: ${DEFAULT_MIN_CONFIDENCE})
  --max-file-size-kb <n>                skip larger files with an error (default: ${DEFAULT_MAX_FILE_SIZE_KB})
  --config <file>                       team configuration (default: .retro-health.json at the workspace root)
  --root <dir>                          the workspace root (default: found as above)
  --all-markdown                        read every markdown file selected, retro or not
  --as-of <YYYY-MM-DD>                  count follow-up ages to this day (default: the newest retro's date)
  --no-color                            plain text even on a terminal (NO_COLOR is honoured too)
  --rules-only                          hand-written rules alone, without the trained sentence model
  -h, --help                            show this help
  -v, --version                         print the version

Exit codes: 0 ok · 1 a gate tripped (--fail-on, --fail-on-worsening, --fail-on-stale; write --check) ·
            2 a file could not be analysed or the command line is wrong.
`;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        'fail-on-worsening': { type: 'boolean', default: false },
        'fail-on-stale': { type: 'string' },
        'stale-after-days': { type: 'string' },
        'min-confidence': { type: 'string' },
        'max-file-size-kb': { type: 'string' },
        config: { type: 'string' },
        root: { type: 'string' },
        'all-markdown': { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        'rules-only': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`retro-health: ${describeArgumentError(error as NodeJS.ErrnoException)}. Try --help.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  try {
    const [command, ...paths] = positionals;
    if (command !== 'report' && command !== 'write') throw new UsageError(command ? `unknown command "${command}" (use report or write)` : 'missing command "report" or "write"');
    const options = validateOptions(values);
    if (command === 'write') return await write(paths.length ? paths : ['.'], options, Boolean(values.check), io);
    return await report(paths.length ? paths : ['.'], options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`retro-health: ${error.message}. Try --help.\n`);
    return 2;
  }
}

/** parseArgs errors, reworded as one short line. */
function describeArgumentError(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${option}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('does not take an argument') ? `option "${option}" does not take a value` : `option "${option}" needs a value`;
    default:
      return error.message.split('. ')[0] ?? 'invalid arguments';
  }
}

interface ReportOptions {
  config: string | undefined;
  root: string | undefined;
  allMarkdown: boolean;
  asOf: string | undefined;
  format: Format;
  failOn: (typeof STAGES)[number] | undefined;
  failOnWorsening: boolean;
  /** --fail-on-stale's days, undefined without it. */
  failOnStale: number | undefined;
  /** Follow-ups open longer are stale: --fail-on-stale, else --stale-after-days, else the default. */
  staleAfterDays: number;
  minConfidence: number;
  maxBytes: number;
  color: boolean;
  rulesOnly: boolean;
}

function validateOptions(values: Record<string, string | boolean | undefined>): ReportOptions {
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" (use ${FORMATS.join(', ')})`);
  const failOn = values['fail-on'] as string | undefined;
  if (failOn !== undefined && !(STAGES as readonly string[]).includes(failOn)) throw new UsageError(`unknown --fail-on stage "${failOn}" (use ${STAGES.join(', ')})`);
  const minConfidence = numberOption(values['min-confidence'], '--min-confidence', DEFAULT_MIN_CONFIDENCE, 0, 1);
  const maxKb = numberOption(values['max-file-size-kb'], '--max-file-size-kb', DEFAULT_MAX_FILE_SIZE_KB, 1, 10 * 1024 * 1024);
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined && parseIsoDate(asOf) !== asOf) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
  const failOnStale = values['fail-on-stale'] === undefined ? undefined : daysOption(values['fail-on-stale'], '--fail-on-stale');
  const staleAfterDays = failOnStale ?? (values['stale-after-days'] === undefined ? DEFAULT_STALE_AFTER_DAYS : daysOption(values['stale-after-days'], '--stale-after-days'));
  return {
    config: values.config as string | undefined,
    root: values.root as string | undefined,
    allMarkdown: Boolean(values['all-markdown']),
    asOf,
    format: format as Format,
    failOn: failOn as ReportOptions['failOn'],
    failOnWorsening: Boolean(values['fail-on-worsening']),
    failOnStale,
    staleAfterDays,
    minConfidence,
    maxBytes: maxKb * 1024,
    color: !values['no-color'],
    rulesOnly: Boolean(values['rules-only']),
  };
}

/** A whole number of days, at least 1. */
function daysOption(raw: unknown, name: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(String(raw)) || value < 1 || value > 100_000) throw new UsageError(`${name} must be a whole number of days from 1, not "${String(raw)}"`);
  return value;
}

function numberOption(raw: unknown, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`${name} must be a number from ${min} to ${max}, not "${String(raw)}"`);
  return value;
}

async function report(paths: string[], options: ReportOptions, io: CliIO): Promise<number> {
  const selection = await selectRetros(paths, { root: options.root, maxBytes: options.maxBytes, allMarkdown: options.allMarkdown, wholeWorkspace: false });
  const errors: FileProblem[] = [...selection.problems];
  const team = loadConfig(options.config ?? defaultConfig(selection.root), options.maxBytes, errors);
  const matcher = createMatcher(team.catalog, { verdicts: team.verdicts, ...(options.rulesOnly && { model: null }) });
  const documents: ReportDocument[] = [];
  const inputs: ReportInput[] = [];
  for (const { display, text, member } of selection.retros) {
    const analysis = analyzeRetro(text, { fileName: display, matcher, minConfidence: options.minConfidence, disabledSymptoms: team.disabled });
    documents.push(toReportDocument(display, analysis));
    inputs.push({ file: relative(process.cwd(), resolve(display)).split(sep).join('/'), analysis, ...(member && { placement: member.placement }) });
  }
  const workspaceReport = buildWorkspaceReport(inputs, { ...(options.asOf && { asOf: options.asOf }), staleAfterDays: options.staleAfterDays, treatments: matcher.catalog.treatments });
  const result: Report = { ...buildReport(version, documents, errors), report: workspaceReport };
  if (options.format === 'github') {
    const { annotations, summary } = formatGithub(result, workspaceReport);
    io.stdout(annotations);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (!summaryFile) io.stdout(summary);
    else {
      try {
        appendFileSync(summaryFile, summary);
      } catch (error) {
        errors.push({ file: summaryFile, message: `could not write the job summary (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      }
    }
  } else io.stdout(render(result, options, io, matcher.catalog));
  for (const error of errors) io.stderr(`retro-health: ${error.file}: ${error.message}\n`);
  if (errors.length > 0) return 2;
  const gates = trippedGates(workspaceReport, options);
  for (const gate of gates) io.stderr(`retro-health: ${gate}\n`);
  if (gates.length > 0) return 1;
  if (options.failOn && documents.some((document) => stageRank(document.stage) >= stageRank(options.failOn as never))) return 1;
  return 0;
}

/** Why --fail-on-worsening or --fail-on-stale trips, one line each; empty when neither does. */
function trippedGates(report: WorkspaceReport, options: ReportOptions): string[] {
  const tripped: string[] = [];
  if (options.failOnWorsening) {
    for (const team of report.teams) {
      const worse = latestStepWorse(team);
      if (worse) tripped.push(`worse than the retro before (--fail-on-worsening): ${worse}`);
    }
  }
  if (options.failOnStale !== undefined) {
    for (const item of report.followUps) if (item.stale) tripped.push(`stale (--fail-on-stale ${options.failOnStale}): ${item.file}:${item.line}: ${staleText(item, options.failOnStale)}`);
  }
  return tripped;
}

async function write(paths: string[], options: ReportOptions, check: boolean, io: CliIO): Promise<number> {
  const selection = await selectRetros(paths, { root: options.root, maxBytes: options.maxBytes, allMarkdown: options.allMarkdown, wholeWorkspace: true });
  const errors: FileProblem[] = [...selection.problems];
  const team = loadConfig(options.config ?? defaultConfig(selection.root), options.maxBytes, errors);
  const matcher = createMatcher(team.catalog, { verdicts: team.verdicts, ...(options.rulesOnly && { model: null }) });
  const analyse = (text: string, file: string) => analyzeRetro(text, { fileName: file, matcher, minConfidence: options.minConfidence, disabledSymptoms: team.disabled });
  const result = writeSections(selection.retros, selection.set, analyse, check);
  errors.push(...result.errors);
  for (const file of result.updated) io.stdout(`${check ? 'out of date' : 'updated'}: ${file}\n`);
  for (const file of result.upToDate) io.stdout(`up to date: ${file}\n`);
  for (const error of errors) io.stderr(`retro-health: ${error.file}: ${error.message}\n`);
  if (errors.length > 0) return 2;
  return check && result.updated.length > 0 ? 1 : 0;
}

/** The workspace's team file, when it has one. */
function defaultConfig(root: string): string | undefined {
  const file = join(root, TEAM_CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') ? file : shown;
}

/** The team file: given with --config, else the workspace root's .retro-health.json when it exists. Its problems are errors (exit 2). */
function loadConfig(file: string | undefined, maxBytes: number, errors: FileProblem[]): TeamCatalog {
  if (!file) return loadTeamCatalog(undefined);
  const read = readTextFile(file, maxBytes);
  if (!read.ok) {
    errors.push({ file, message: read.message });
    return loadTeamCatalog(undefined);
  }
  const team = loadTeamCatalog(read.text);
  const lines = new LineIndex(read.text.replace(/^\uFEFF/, ''));
  for (const problem of team.problems) {
    const { line, character } = lines.positionAt(problem.offset ?? 0);
    const where = problem.path.length ? `${problem.path.join('.')}: ` : '';
    errors.push({ file: `${file}:${line + 1}:${character + 1}`, message: `${where}${problem.message}` });
  }
  return team;
}

function render(result: Report, options: ReportOptions, io: CliIO, catalog: Parameters<typeof formatSarif>[1]): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'markdown':
      return renderReportMarkdown(result.report ?? buildWorkspaceReport([]));
    case 'sarif':
      return formatSarif(result, catalog);
    case 'github':
      throw new Error('--format github is written by report()');
    case 'text': {
      const color = options.color && io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
      const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
      return formatText({ ...result, errors: [] }, ansiPalette(color || forced));
    }
  }
}
