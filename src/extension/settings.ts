import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { DEFAULT_MIN_CONFIDENCE } from '../core/analyze';
import { STAGES, type Stage } from '../core/types';
import { lazily } from '../core/lazily';
import { DEFAULT_MAX_FILE_SIZE_KB, DEFAULT_RETRO_GLOBS } from '../core/defaults';
import { DEFAULT_STALE_AFTER_DAYS } from '../core/report/types';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITIES)[number];


export interface Settings {
  enable: boolean;
  files: string[];
  severity: Record<Stage, SeveritySetting>;
  disabledSymptoms: string[];
  maxFileSizeKB: number;
  minConfidence: number;
  showHints: boolean;
  /** The workspace report's follow-ups open longer are stale. */
  staleAfterDays: number;
}

const DEFAULT_SEVERITY: Settings['severity'] = { early: 'information', middle: 'warning', advanced: 'warning', end: 'error' };
/** Built on first read, not at module load: activation does not read settings. */
function buildSchemas() {
  return {
    Severity: z.enum(SEVERITIES),
    Flag: z.boolean(),
    Globs: z.array(z.string().check(z.minLength(1))),
    Ids: z.array(z.string()),
    FileSizeKB: z.int().check(z.minimum(1), z.maximum(100 * 1024)),
    Confidence: z.number().check(z.minimum(0), z.maximum(1)),
    Days: z.int().check(z.minimum(1), z.maximum(100_000)),
  };
}
const schemas = lazily(buildSchemas);

/**
 * Reads `retroHealth.*` for a document. An invalid value falls back to its default and is
 * reported once, so a typo in settings.json never switches the tool off. (Not zod's `catch`:
 * in zod/mini it would keep all of zod's utilities in the bundle.)
 */
export function readSettings(scope: vscode.ConfigurationScope | undefined, report: (message: string) => void): Settings {
  const config = vscode.workspace.getConfiguration('retroHealth', scope);
  const { Severity, Flag, Globs, Ids, FileSizeKB, Confidence, Days } = schemas();
  const read = <T>(key: string, schema: z.ZodMiniType<T>, fallback: T, problem: (value: unknown) => string): T => {
    const value = config.get(key);
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    if (value !== undefined) report(`retroHealth.${key}: ${problem(value)}.`);
    return fallback;
  };
  const valid = <T>(key: string, schema: z.ZodMiniType<T>, fallback: T): T =>
    read(key, schema, fallback, (value) => `invalid value ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}`);
  const severity = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      read(`severity.${stage}`, Severity, DEFAULT_SEVERITY[stage], (value) => `"${String(value)}" is not one of error, warning, information, hint, off; using "${DEFAULT_SEVERITY[stage]}"`),
    ]),
  ) as Settings['severity'];
  const enable = valid('enable', Flag, true);
  const files = valid('files', Globs, [...DEFAULT_RETRO_GLOBS]);
  return {
    enable,
    files,
    severity,
    disabledSymptoms: valid('disabledSymptoms', Ids, []),
    maxFileSizeKB: valid('maxFileSizeKB', FileSizeKB, DEFAULT_MAX_FILE_SIZE_KB),
    minConfidence: valid('minConfidence', Confidence, DEFAULT_MIN_CONFIDENCE),
    showHints: valid('showHints', Flag, false),
    staleAfterDays: valid('staleAfterDays', Days, DEFAULT_STALE_AFTER_DAYS),
  };
}

export function toSeverity(setting: SeveritySetting): vscode.DiagnosticSeverity | undefined {
  switch (setting) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
    case 'off':
      return undefined;
  }
}

export function severityFor(settings: Settings, stage: Stage): vscode.DiagnosticSeverity | undefined {
  return toSeverity(settings.severity[stage]);
}
