import * as vscode from 'vscode';
import { teamOf } from '../core/healthSection/history';
import { readFrontMatter } from '../core/markdown/frontMatter';
import type { Settings } from './settings';

/** A markdown file is a retro when it matches `retroHealth.files` or its front matter says `retro: true`. */
export function isRetroDocument(document: vscode.TextDocument, settings: Settings): boolean {
  if (document.languageId !== 'markdown') return false;
  if (settings.files.some((pattern) => vscode.languages.match({ language: 'markdown', pattern }, document) > 0)) return true;
  // Only the first lines are read: front matter is at the top, and this runs for every markdown file.
  const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 60), 0));
  return /^(true|yes|on)$/i.test(readFrontMatter(head).fields.retro ?? '');
}

/** A retro's team as the workspace report gives it, from its path inside the workspace folder. */
export function teamOfRetro(uri: vscode.Uri, frontMatterTeam: string | null): string | null {
  return teamOf(vscode.workspace.asRelativePath(uri, false), frontMatterTeam);
}
