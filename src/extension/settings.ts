import * as vscode from 'vscode';
import * as z from 'zod';
import { DEFAULT_MIN_CONFIDENCE } from '../core/analyze';
import { STAGES, type Stage } from '../core/types';

const SeveritySetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);
export type SeveritySetting = z.infer<typeof SeveritySetting>;

export const DEFAULT_RETRO_GLOBS = ['**/*{retro,Retro,RETRO}*.{md,markdown}', '**/{retros,retrospectives,Retros,Retrospectives}/**/*.{md,markdown}'];

const SettingsSchema = z.object({
  enable: z.boolean().catch(true),
  files: z.array(z.string().min(1)).catch(DEFAULT_RETRO_GLOBS),
  severity: z
    .object({
      early: SeveritySetting.catch('information'),
      middle: SeveritySetting.catch('warning'),
      advanced: SeveritySetting.catch('warning'),
      end: SeveritySetting.catch('error'),
    })
    .catch({ early: 'information', middle: 'warning', advanced: 'warning', end: 'error' }),
  disabledSymptoms: z.array(z.string()).catch([]),
  maxFileSizeKB: z.number().int().min(1).max(100 * 1024).catch(1024),
  minConfidence: z.number().min(0).max(1).catch(DEFAULT_MIN_CONFIDENCE),
  showHints: z.boolean().catch(false),
});

export type Settings = z.infer<typeof SettingsSchema>;

/**
 * Reads `retroHealth.*` for a document. An invalid value falls back to its default (zod's
 * `catch`) and is reported once, so a typo in settings.json never switches the tool off.
 */
export function readSettings(scope: vscode.ConfigurationScope | undefined, report: (message: string) => void): Settings {
  const config = vscode.workspace.getConfiguration('retroHealth', scope);
  const raw = {
    enable: config.get('enable'),
    files: config.get('files'),
    severity: Object.fromEntries(STAGES.map((stage) => [stage, config.get(`severity.${stage}`)])),
    disabledSymptoms: config.get('disabledSymptoms'),
    maxFileSizeKB: config.get('maxFileSizeKB'),
    minConfidence: config.get('minConfidence'),
    showHints: config.get('showHints'),
  };
  const parsed = SettingsSchema.parse(raw);
  for (const stage of STAGES) {
    const value = raw.severity[stage];
    if (value !== undefined && !SeveritySetting.safeParse(value).success) report(`retroHealth.severity.${stage}: "${String(value)}" is not one of error, warning, information, hint, off; using "${parsed.severity[stage]}".`);
  }
  for (const key of ['enable', 'files', 'disabledSymptoms', 'maxFileSizeKB', 'minConfidence', 'showHints'] as const) {
    if (raw[key] !== undefined && JSON.stringify(raw[key]) !== JSON.stringify(parsed[key])) report(`retroHealth.${key}: invalid value ${JSON.stringify(raw[key])}; using ${JSON.stringify(parsed[key])}.`);
  }
  return parsed;
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
