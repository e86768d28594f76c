/**
 * The message protocol between the Workspace Health Report's host (extension) and its webview.
 * As with the panel's (panelProtocol.ts): both sides validate every message with these zod/mini
 * schemas and ignore (and log) anything invalid; every string and list is bounded, and the host
 * clips what it sends to the same bounds (src/extension/reportView/viewModel.ts).
 * Imported by both sides (src/extension/reportView/ and src/webview/report/): no `vscode`, no DOM.
 */
import * as z from 'zod/mini';
import { DOCUMENT_STAGES, SIDES, STAGES } from '../core/types';
import { LIMITS, parseWith, type Parsed } from './panelProtocol';
import { lazily } from '../core/lazily';

export const REPORT_VIEW_TYPE = 'retroHealth.workspaceReport';

export const REPORT_LIMITS = {
  teams: 200,
  /** A team's dated retros on its stage-over-time line (the latest are kept). */
  points: LIMITS.trendPoints,
  recurring: 100,
  occurrences: 50,
  followUps: 300,
  treatments: 30,
  /** A team's ticked treatment items ("Did it help?"), the latest kept. */
  outcomes: 100,
  /** The symptoms listed under one outcome. */
  outcomeSymptoms: 30,
  teamNames: 200,
  summary: 4000,
} as const;

export const SORT_COLUMNS = ['team', 'retros', 'stage', 'score', 'direction', 'balance'] as const;

/**
 * Builds every schema of the report's protocol. Called once, on the first validation (see schemas()):
 * constructing them costs milliseconds, which the extension host would otherwise pay at every activation.
 */
function buildSchemas() {
  const text = (max: number) => z.string().check(z.maxLength(max));
  const count = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
  const file = text(LIMITS.uri).check(z.minLength(1));
  const teamName = z.nullable(text(LIMITS.name));
  /** A day, or the month or year a dated folder gives. */
  const reportDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));
  const line = z.int().check(z.minimum(1), z.maximum(LIMITS.line));
  const stage = z.enum(STAGES);
  const documentStage = z.enum(DOCUMENT_STAGES);
  const direction = z.nullable(z.enum(['worsening', 'steady', 'recovering']));
  const score = z.int().check(z.minimum(0), z.maximum(100));

  const verdict = z.enum(['faded', 'persisted', 'too-early', 'nothing-to-compare']);
  const itemPlace = z.strictObject({ file, date: reportDate, line });
  const treatmentRef = z.strictObject({ id: text(LIMITS.name), title: text(LIMITS.name) });

  /** A ticked treatment action item and what happened to the symptoms it answers (core: TreatmentOutcome). */
  const OutcomeViewSchema = z.strictObject({
    treatment: treatmentRef,
    text: text(LIMITS.prose),
    added: itemPlace,
    ticked: itemPlace,
    window: count,
    before: count,
    after: count,
    symptoms: z.array(z.strictObject({ symptom: text(LIMITS.name), title: text(LIMITS.name), before: count, after: count })).check(z.maxLength(REPORT_LIMITS.outcomeSymptoms)),
    verdict,
    explanation: text(LIMITS.prose),
  });

  const ReportPointSchema = z.strictObject({ file, date: z.nullable(reportDate), stage: documentStage, score, findings: count });

  const TeamViewSchema = z.strictObject({
    name: teamName,
    /** Every retro of the team, dated or not. */
    retros: count,
    /** Dated retros, oldest first (the latest REPORT_LIMITS.points). */
    points: z.array(ReportPointSchema).check(z.maxLength(REPORT_LIMITS.points)),
    undated: count,
    latest: ReportPointSchema,
    direction,
    worsenedInARow: count,
    balance: z.strictObject({ business: count, it: count, both: count, balance: z.enum(['none', 'business', 'it', 'both']) }),
    treatments: z.array(z.strictObject({ id: text(LIMITS.name), title: text(LIMITS.name) })).check(z.maxLength(REPORT_LIMITS.treatments)),
    outcomes: z.array(OutcomeViewSchema).check(z.maxLength(REPORT_LIMITS.outcomes)),
    omittedOutcomes: count,
  });

  const OccurrenceViewSchema = z.strictObject({ file, team: teamName, date: z.nullable(reportDate), line, column: line, text: text(LIMITS.quote) });

  const RecurringViewSchema = z.strictObject({
    symptom: text(LIMITS.name),
    title: text(LIMITS.name),
    stage,
    side: z.enum(SIDES),
    retros: count,
    teams: z.array(teamName).check(z.maxLength(REPORT_LIMITS.teamNames)),
    occurrences: z.array(OccurrenceViewSchema).check(z.maxLength(REPORT_LIMITS.occurrences)),
    omittedOccurrences: count,
  });

  const FollowUpViewSchema = z.strictObject({
    team: teamName,
    file,
    date: reportDate,
    line,
    text: text(LIMITS.prose),
    openDays: z.nullable(count),
    stillOpenIn: z.array(file).check(z.maxLength(REPORT_LIMITS.points)),
    stale: z.boolean(),
    treatment: z.nullable(treatmentRef),
  });

  const ReportViewSchema = z.strictObject({
    asOf: z.nullable(reportDate),
    staleAfterDays: count,
    retros: count,
    summary: text(REPORT_LIMITS.summary),
    teams: z.array(TeamViewSchema).check(z.maxLength(REPORT_LIMITS.teams)),
    omittedTeams: count,
    recurring: z.array(RecurringViewSchema).check(z.maxLength(REPORT_LIMITS.recurring)),
    omittedRecurring: count,
    followUps: z.array(FollowUpViewSchema).check(z.maxLength(REPORT_LIMITS.followUps)),
    omittedFollowUps: count,
    organisation: z.strictObject({
      stageCounts: z.strictObject({ healthy: count, early: count, middle: count, advanced: count, end: count }),
      ranking: z
        .array(z.strictObject({ team: teamName, stage: documentStage, score, direction, worsenedInARow: count }))
        .check(z.maxLength(REPORT_LIMITS.teams)),
      treatments: z
        .array(z.strictObject({ id: text(LIMITS.name), title: text(LIMITS.name), teams: count, teamNames: z.array(teamName).check(z.maxLength(REPORT_LIMITS.teamNames)) }))
        .check(z.maxLength(REPORT_LIMITS.treatments)),
      /** Treatments whose ticked items were followed by fading symptoms most often first. */
      outcomes: z
        .array(
          z.strictObject({
            id: text(LIMITS.name),
            title: text(LIMITS.name),
            faded: count,
            persisted: count,
            tooEarly: count,
            nothingToCompare: count,
            teams: z.array(teamName).check(z.maxLength(REPORT_LIMITS.teamNames)),
          }),
        )
        .check(z.maxLength(REPORT_LIMITS.treatments)),
    }),
  });

  const ReportStateSchema = z.discriminatedUnion('status', [
    /** Reading retros: the count lives in the progress notification. */
    z.strictObject({ status: z.literal('loading') }),
    z.strictObject({ status: z.literal('cancelled') }),
    z.strictObject({ status: z.literal('error'), message: text(LIMITS.prose) }),
    /** No retro in the workspace (the report has no retros). */
    z.strictObject({ status: z.literal('empty') }),
    z.strictObject({ status: z.literal('ready'), report: ReportViewSchema }),
  ]);

  /** Host -> webview. */
  const ReportHostMessageSchema = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('state'), state: ReportStateSchema }),
    z.strictObject({ type: z.literal('exportResult'), ok: z.boolean(), message: text(LIMITS.prose) }),
  ]);

  /** Webview -> host. */
  const ReportWebviewMessageSchema = z.discriminatedUnion('type', [
    /** The script has loaded (again): send the current state. */
    z.strictObject({ type: z.literal('ready') }),
    /** Read the retros again. */
    z.strictObject({ type: z.literal('refresh') }),
    /** "Export report as Markdown". */
    z.strictObject({ type: z.literal('export') }),
    /** Open a retro of the report at a 1-based line (and column); the host refuses files not in the report. */
    z.strictObject({ type: z.literal('openFile'), file, line, column: z.optional(line) }),
  ]);

  /** What the webview keeps with getState/setState. */
  const ReportPersistedStateSchema = z.strictObject({
    sort: z.strictObject({ column: z.enum(SORT_COLUMNS), direction: z.enum(['ascending', 'descending']) }),
    scrollY: z.number().check(z.minimum(0), z.maximum(10_000_000)),
  });

  return {
    ReportPointSchema,
    TeamViewSchema,
    OccurrenceViewSchema,
    RecurringViewSchema,
    FollowUpViewSchema,
    OutcomeViewSchema,
    ReportViewSchema,
    ReportStateSchema,
    ReportHostMessageSchema,
    ReportWebviewMessageSchema,
    ReportPersistedStateSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;

/** The report protocol's schemas, built on first use. */
const schemas = lazily(buildSchemas);

export type ReportPoint = z.infer<Schemas['ReportPointSchema']>;
export type TeamView = z.infer<Schemas['TeamViewSchema']>;
export type OccurrenceView = z.infer<Schemas['OccurrenceViewSchema']>;
export type RecurringView = z.infer<Schemas['RecurringViewSchema']>;
export type FollowUpView = z.infer<Schemas['FollowUpViewSchema']>;
export type OutcomeView = z.infer<Schemas['OutcomeViewSchema']>;
export type ReportView = z.infer<Schemas['ReportViewSchema']>;
export type ReportState = z.infer<Schemas['ReportStateSchema']>;
export type ReportHostMessage = z.infer<Schemas['ReportHostMessageSchema']>;
export type ReportWebviewMessage = z.infer<Schemas['ReportWebviewMessageSchema']>;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type ReportPersistedState = z.infer<Schemas['ReportPersistedStateSchema']>;

export const DEFAULT_REPORT_STATE: ReportPersistedState = { sort: { column: 'stage', direction: 'descending' }, scrollY: 0 };

export const parseReportHostMessage = (value: unknown): Parsed<ReportHostMessage> => parseWith(schemas().ReportHostMessageSchema, value);
export const parseReportWebviewMessage = (value: unknown): Parsed<ReportWebviewMessage> => parseWith(schemas().ReportWebviewMessageSchema, value);
export const parseReportPersistedState = (value: unknown): Parsed<ReportPersistedState> => parseWith(schemas().ReportPersistedStateSchema, value);
