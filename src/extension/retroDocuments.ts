import * as vscode from 'vscode';
import { membershipOf, type Membership } from '../core/retroSet';
import { isExcluded, matchesRetroGlobs, pathInFolder } from './retroSetService';
import type { Settings } from './settings';

/** Why a markdown document is, or is not, a retro: the retro set's rule, plus the user's excludes. */
export type DocumentMembership = Membership | { retro: false; by: 'excluded'; looksLikeRetro: boolean };

/**
 * A markdown document is a retro by the workspace's one rule (`membershipOf`): front matter
 * `retro: true`, the `retroHealth.files` globs, or retro headings in a file named like a retro.
 * A file the user excluded (files.exclude, search.exclude) stays out, as in the workspace report.
 */
export function membershipOfDocument(document: vscode.TextDocument, settings: Settings): DocumentMembership {
  if (document.languageId !== 'markdown') return { retro: false, by: 'content', looksLikeRetro: false };
  const path = pathInFolder(document.uri) ?? document.uri.path.split('/').pop() ?? '';
  const membership = membershipOf({ path, text: document.getText(), matchesGlobs: matchesRetroGlobs(document.uri, settings.files) });
  if (membership.retro && isExcluded(document.uri)) return { retro: false, by: 'excluded', looksLikeRetro: true };
  return membership;
}

export function isRetroDocument(document: vscode.TextDocument, settings: Settings): boolean {
  return membershipOfDocument(document, settings).retro;
}
