/**
 * The one message protocol between the Retrospective Panel's host (extension) and its webview.
 * Both sides validate every message they receive against these schemas and ignore (and log)
 * anything invalid. zod/mini keeps the webview bundle small (about a quarter of zod classic).
 * Every string and list has a bound, so a message can never make the other side do unbounded work;
 * the host clips what it sends to the same bounds (see LIMITS).
 * In src/shared/ because both sides import it: the extension host (src/extension/panel/) and the
 * webview script (src/webview/); so no `vscode` and no DOM here (eslint.config.mjs checks).
 */
import * as z from 'zod/mini';
import { DOCUMENT_STAGES, SIDES, STAGES } from '../core/types';
import { lazily } from '../core/lazily';

export const VIEW_TYPE = 'retroHealth.retrospectivePanel';

export const LIMITS = {
  uri: 4096,
  name: 300,
  /** A finding's quoted source text. */
  quote: 2000,
  prose: 2000,
  action: 300,
  findings: 500,
  treatments: 20,
  actions: 20,
  trendPoints: 200,
  /** Open items carried from earlier retros. */
  carriedOver: 200,
  /** Treatments tried before against one symptom. */
  attempts: 50,
  requestId: 64,
  line: 10_000_000,
} as const;

/**
 * Builds every schema of the protocol. Called once, on the first validation (see schemas()): constructing
 * them costs a few milliseconds, which the extension host would otherwise pay at every activation.
 */
function buildSchemas() {
  const text = (max: number) => z.string().check(z.maxLength(max));
  const count = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
  /** What reads other files (the trend, the follow-through): loading, nothing to show and why, an error, or ready. */
  const loadable = <Ready extends z.ZodMiniObject>(ready: Ready) =>
    z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('loading') }),
      z.strictObject({ status: z.literal('none'), reason: text(LIMITS.prose) }),
      z.strictObject({ status: z.literal('error'), message: text(LIMITS.prose) }),
      ready,
    ]);
  const uri = text(LIMITS.uri).check(z.minLength(1));
  const requestId = text(LIMITS.requestId).check(z.minLength(1));
  const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
  const stage = z.enum(STAGES);
  const documentStage = z.enum(DOCUMENT_STAGES);
  const side = z.enum(SIDES);
  const score = z.int().check(z.minimum(0), z.maximum(100));

  const PositionSchema = z.strictObject({
    line: z.int().check(z.minimum(0), z.maximum(LIMITS.line)),
    character: z.int().check(z.minimum(0), z.maximum(LIMITS.line)),
  });
  const RangeSchema = z.strictObject({ start: PositionSchema, end: PositionSchema });

  const FindingViewSchema = z.strictObject({
    symptom: text(LIMITS.name),
    title: text(LIMITS.name),
    stage,
    side,
    /** The matched source text, exactly as written: always shown as text. */
    text: text(LIMITS.quote),
    message: text(LIMITS.prose),
    confidence: z.number().check(z.minimum(0), z.maximum(1)),
    /** Why it was flagged, when a model or a team verdict made it (shown as text). */
    why: z.optional(text(LIMITS.prose)),
    range: RangeSchema,
  });

  const ActionViewSchema = z.strictObject({
    text: text(LIMITS.action).check(z.minLength(1)),
    /** Already a `- [ ]` item in the document (the add command would do nothing). */
    added: z.boolean(),
  });

  const TreatmentViewSchema = z.strictObject({
    id: text(LIMITS.name),
    title: text(LIMITS.name),
    summary: text(LIMITS.prose),
    relevance: z.number().check(z.minimum(0), z.maximum(1_000_000)),
    /** Titles of the symptoms in this retro that the treatment answers. */
    answers: z.array(text(LIMITS.name)).check(z.maxLength(LIMITS.findings)),
    actions: z.array(ActionViewSchema).check(z.maxLength(LIMITS.actions)),
  });

  const SideBalanceSchema = z.enum(['none', 'business', 'it', 'both']);

  const DiagnosisViewSchema = z.strictObject({
    stage: documentStage,
    /** The article's name for the stage ("pneumonia"). */
    illness: text(LIMITS.name),
    score,
    explanation: text(LIMITS.prose),
    byStage: z.strictObject({ early: count, middle: count, advanced: count, end: count }),
    sides: z.strictObject({ business: count, it: count, both: count, balance: SideBalanceSchema }),
  });

  const TrendPointSchema = z.strictObject({
    uri,
    /** The file name, for the table and the chart's tooltips. */
    label: text(LIMITS.name),
    date: z.nullable(isoDate),
    stage: documentStage,
    score,
    /** The retro the panel is showing. */
    current: z.boolean(),
  });

  const TrendSchema = loadable(
    z.strictObject({
      status: z.literal('ready'),
      team: text(LIMITS.name),
      /** Oldest first; the current retro is one of them. */
      points: z.array(TrendPointSchema).check(z.maxLength(LIMITS.trendPoints)),
      /** Retros of the team that have no date and so are left out. */
      undated: count,
    }),
  );

  /** A place in one of the team's retros: the openRetro button's target. */
  const RetroLinkSchema = z.strictObject({
    uri,
    /** The file name. */
    label: text(LIMITS.name),
    /** YYYY-MM-DD, or the period of a dated folder (YYYY-MM, YYYY). */
    date: z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)),
    line: z.int().check(z.minimum(1), z.maximum(LIMITS.line)),
  });

  const CarriedItemViewSchema = z.strictObject({
    /** As written where it was first listed (shown as text). */
    text: text(LIMITS.quote),
    /** The retro that first listed it. */
    from: RetroLinkSchema,
    /** Days from that retro to this one. */
    openDays: z.nullable(count),
    stale: z.boolean(),
    /** This retro lists it again, still open. */
    listedAgain: z.boolean(),
    /** The treatment it reads as, by title. */
    treatment: z.nullable(text(LIMITS.name)),
  });

  const AttemptViewSchema = z.strictObject({
    /** The treatment's title. */
    treatment: text(LIMITS.name),
    /** The action item as first written. */
    text: text(LIMITS.quote),
    status: z.enum(['ticked', 'open']),
    verdict: z.nullable(z.enum(['faded', 'persisted', 'too-early', 'nothing-to-compare'])),
    stale: z.boolean(),
    /** What happened, in plain words with the counts. */
    summary: text(LIMITS.prose),
    added: RetroLinkSchema,
    /** Where it was ticked, when that is another retro. */
    ticked: z.nullable(RetroLinkSchema),
  });

  const SymptomAttemptsViewSchema = z.strictObject({
    symptom: text(LIMITS.name),
    title: text(LIMITS.name),
    attempts: z.array(AttemptViewSchema).check(z.maxLength(LIMITS.attempts)),
    omittedAttempts: count,
  });

  /** What this retro inherits from the team's earlier ones; like the trend, it reads other files. */
  const FollowThroughSchema = loadable(
    z.strictObject({
      status: z.literal('ready'),
      staleAfterDays: count,
      /** The team's dated retros before this one. */
      earlierRetros: count,
      /** Oldest first. */
      carriedOver: z.array(CarriedItemViewSchema).check(z.maxLength(LIMITS.carriedOver)),
      omittedCarriedOver: count,
      /** One per symptom of this retro. */
      triedBefore: z.array(SymptomAttemptsViewSchema).check(z.maxLength(LIMITS.findings)),
    }),
  );

  const RetroViewSchema = z.strictObject({
    documentUri: uri,
    fileName: text(LIMITS.name),
    team: z.nullable(text(LIMITS.name)),
    date: z.nullable(isoDate),
    diagnosis: DiagnosisViewSchema,
    findings: z.array(FindingViewSchema).check(z.maxLength(LIMITS.findings)),
    /** Findings left out because there were more than LIMITS.findings. */
    omittedFindings: count,
    /** Possible symptoms below the confidence threshold (not listed). */
    hints: count,
    treatments: z.array(TreatmentViewSchema).check(z.maxLength(LIMITS.treatments)),
    trend: TrendSchema,
    followThrough: FollowThroughSchema,
  });

  const EmptyReasonSchema = z.enum(['no-document', 'not-a-retro', 'disabled', 'too-large']);

  const PanelStateSchema = z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('loading'), fileName: z.optional(text(LIMITS.name)) }),
    z.strictObject({
      status: z.literal('empty'),
      reason: EmptyReasonSchema,
      message: text(LIMITS.prose),
      fileName: z.optional(text(LIMITS.name)),
      documentUri: z.optional(uri),
    }),
    z.strictObject({
      status: z.literal('error'),
      message: text(LIMITS.prose),
      fileName: z.optional(text(LIMITS.name)),
      documentUri: z.optional(uri),
    }),
    z.strictObject({ status: z.literal('ready'), retro: RetroViewSchema }),
  ]);

  /** Host -> webview. */
  const HostMessageSchema = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('state'), state: PanelStateSchema }),
    /** The trend and the follow-through arrive after the state: they read the team's other retros. */
    z.strictObject({ type: z.literal('trend'), documentUri: uri, trend: TrendSchema, followThrough: FollowThroughSchema }),
    z.strictObject({ type: z.literal('commandResult'), requestId, ok: z.boolean(), message: text(LIMITS.prose) }),
  ]);

  /** Webview -> host. */
  const WebviewMessageSchema = z.discriminatedUnion('type', [
    /** The script has loaded (again): send the current state. */
    z.strictObject({ type: z.literal('ready') }),
    /** Reveal and select a finding's range in the editor. */
    z.strictObject({ type: z.literal('reveal'), documentUri: uri, range: RangeSchema }),
    /** Runs `retroHealth.addActionItem(documentUri, action)`. */
    z.strictObject({ type: z.literal('addActionItem'), requestId, documentUri: uri, action: text(LIMITS.action).check(z.minLength(1)) }),
    /** Runs `retroHealth.writeHealthSection(documentUri)`. */
    z.strictObject({ type: z.literal('writeHealthSection'), requestId, documentUri: uri }),
    /** Analyse a markdown file that is not matched as a retro ("Analyze This File"). */
    z.strictObject({ type: z.literal('analyzeAnyway'), documentUri: uri }),
    /** Open one of the team's retros (from the trend, a carried-over item or a treatment tried before), at a 1-based line. */
    z.strictObject({ type: z.literal('openRetro'), uri, line: z.optional(z.int().check(z.minimum(1), z.maximum(LIMITS.line))) }),
  ]);

  /** What the webview keeps with getState/setState; the host's serializer reads it after a reload. */
  const PersistedStateSchema = z.strictObject({
    documentUri: z.optional(uri),
    filters: z.strictObject({
      stages: z.array(stage).check(z.maxLength(STAGES.length)),
      sides: z.array(side).check(z.maxLength(SIDES.length)),
    }),
    scrollY: z.number().check(z.minimum(0), z.maximum(10_000_000)),
  });

  return {
    PositionSchema,
    RangeSchema,
    FindingViewSchema,
    ActionViewSchema,
    TreatmentViewSchema,
    SideBalanceSchema,
    DiagnosisViewSchema,
    TrendPointSchema,
    TrendSchema,
    RetroLinkSchema,
    CarriedItemViewSchema,
    AttemptViewSchema,
    SymptomAttemptsViewSchema,
    FollowThroughSchema,
    RetroViewSchema,
    EmptyReasonSchema,
    PanelStateSchema,
    HostMessageSchema,
    WebviewMessageSchema,
    PersistedStateSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;

/** The protocol's schemas, built on first use. */
const schemas = lazily(buildSchemas);

export type Position = z.infer<Schemas['PositionSchema']>;
export type RangeView = z.infer<Schemas['RangeSchema']>;
export type FindingView = z.infer<Schemas['FindingViewSchema']>;
export type ActionView = z.infer<Schemas['ActionViewSchema']>;
export type TreatmentView = z.infer<Schemas['TreatmentViewSchema']>;
export type DiagnosisView = z.infer<Schemas['DiagnosisViewSchema']>;
export type TrendPoint = z.infer<Schemas['TrendPointSchema']>;
export type Trend = z.infer<Schemas['TrendSchema']>;
export type RetroLink = z.infer<Schemas['RetroLinkSchema']>;
export type CarriedItemView = z.infer<Schemas['CarriedItemViewSchema']>;
export type AttemptView = z.infer<Schemas['AttemptViewSchema']>;
export type SymptomAttemptsView = z.infer<Schemas['SymptomAttemptsViewSchema']>;
export type FollowThrough = z.infer<Schemas['FollowThroughSchema']>;
export type RetroView = z.infer<Schemas['RetroViewSchema']>;
export type EmptyReason = z.infer<Schemas['EmptyReasonSchema']>;
export type PanelState = z.infer<Schemas['PanelStateSchema']>;
export type HostMessage = z.infer<Schemas['HostMessageSchema']>;
export type WebviewMessage = z.infer<Schemas['WebviewMessageSchema']>;
export type PersistedState = z.infer<Schemas['PersistedStateSchema']>;

export const DEFAULT_PERSISTED_STATE: PersistedState = { filters: { stages: [...STAGES], sides: [...SIDES] }, scrollY: 0 };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: describeIssues(result.error.issues) };
}

/** A short, bounded description of why a message was refused (zod/mini carries no messages of its own). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.code}`);
  if (issues.length > 3) parts.push(`… ${issues.length - 3} more`);
  return parts.join('; ');
}

export const parseHostMessage = (value: unknown): Parsed<HostMessage> => parseWith(schemas().HostMessageSchema, value);
export const parseWebviewMessage = (value: unknown): Parsed<WebviewMessage> => parseWith(schemas().WebviewMessageSchema, value);
export const parsePersistedState = (value: unknown): Parsed<PersistedState> => parseWith(schemas().PersistedStateSchema, value);

/** Cuts a string to a protocol bound (the host clips what it sends, so nothing valid is refused). */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - 1);
  // Never leave half of a surrogate pair behind.
  if (end > 0 && /[\uD800-\uDBFF]/.test(value.charAt(end - 1))) end -= 1;
  return `${value.slice(0, end)}…`;
}
