import type * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analyze';
import type { Settings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

/**
 * The options every analysis of a retro in the editor uses — diagnostics, preview, section
 * writer — so they all agree: the folder's team catalog, the confidence threshold, and the
 * symptoms switched off in the settings or the team file.
 */
export function analysisOptionsFor(uri: vscode.Uri, settings: Settings, catalogs: TeamCatalogs): AnalyzeOptions {
  const catalog = catalogs.for(uri);
  return {
    fileName: uri.path,
    matcher: catalog.matcher,
    minConfidence: settings.minConfidence,
    disabledSymptoms: [...settings.disabledSymptoms, ...catalog.disabled],
  };
}
