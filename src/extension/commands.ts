import * as vscode from 'vscode';
import { analyzeRetro } from '../core/analyze';
import { addActionItemEdit } from '../core/edits/actionItems';
import type { TextEdit } from '../core/edits/textEdit';
import type { SectionHistory } from '../core/healthSection/history';
import { loneSectionHistory } from '../core/retroSet';
import { DamagedSectionError, healthSectionEdit } from '../core/healthSection/section';
import { isShownInTab, type AnalysisService } from './analysisService';
import { actionItemsForEverySymptomEdit, toWorkspaceEdit } from './codeActions';
import { analysisOptionsFor } from './analysisOptions';
import { pathInFolder, type RetroSetService } from './retroSetService';
import { readSettings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

const MAX_ATTEMPTS = 3;

/** End-to-end tests only: runs once the section is computed, before it is applied (to change the document in between). */
export interface SectionWriteHooks {
  /** Runs once the team's history is read (to close the retro "while it is being read", deterministically). */
  afterHistory?: (document: vscode.TextDocument) => unknown;
  beforeApply?: (document: vscode.TextDocument) => unknown;
}

/** Resolves a command's document argument (a URI string, a Uri, or the active editor). */
export async function documentFor(target: unknown): Promise<vscode.TextDocument | undefined> {
  if (typeof target === 'string' || target instanceof vscode.Uri) {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  }
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === 'markdown' ? active : undefined;
}

/** "Add action item" from the panel: the same edit as the quick fix; false when already there. */
export async function addActionItem(target: unknown, action: unknown): Promise<boolean> {
  const document = await documentFor(target);
  if (!document || typeof action !== 'string' || action.trim() === '') return false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const version = document.version;
    const edit = addActionItemEdit(document.getText(), action.trim());
    if (!edit) return false;
    if (await applyAtVersion(document, version, edit)) return true;
    if (document.version === version) return false;
  }
  return false;
}

/**
 * "Add Action Items for Every Symptom": the best treatment of each symptom found in the retro as
 * an action item, each treatment once, as one undoable edit. False when there was nothing to add.
 */
export async function addActionItemsForEverySymptom(target: unknown, analyses: AnalysisService, catalogs: TeamCatalogs): Promise<boolean> {
  const document = await documentFor(target);
  if (!document) {
    void vscode.window.showWarningMessage('Retro Health: open a retro to add action items for its symptoms.');
    return false;
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const version = document.version;
    const analysis = analyses.analysisOf(document);
    const edit = analysis ? actionItemsForEverySymptomEdit(document.getText(), analysis.findings.map((finding) => finding.symptom), catalogs.for(document.uri).matcher.catalog) : null;
    if (!edit) {
      void vscode.window.setStatusBarMessage(analysis?.findings.length ? 'Retro Health: every treatment is already an action item' : 'Retro Health: no symptoms in this retro', 3000);
      return false;
    }
    if (await applyAtVersion(document, version, edit)) return true;
    if (document.version === version) return false;
  }
  return false;
}

/**
 * "Write Relationship Health Section": one undoable edit that inserts or refreshes the
 * section. The trend and carried-over items come from the same team's earlier retros in the
 * workspace. An edit computed against an older version of the document is never applied:
 * if the document changed meanwhile, the section is computed again. A retro whose tab was
 * closed while the history was being read is left alone.
 */
export async function writeHealthSection(target: unknown, analyses: AnalysisService, catalogs: TeamCatalogs, retroSets: RetroSetService, hooks: SectionWriteHooks = {}): Promise<boolean> {
  const document = await documentFor(target);
  if (!document) {
    void vscode.window.showWarningMessage('Retro Health: open a retro to write its relationship-health section.');
    return false;
  }
  const wasShown = isShownInTab(document.uri);
  const analysisNow = () => analyses.analysisOf(document) ?? analyzeRetro(document.getText(), analysisOptionsFor(document.uri, readSettings(document.uri, () => undefined), catalogs));
  const history = await readSectionHistory(document, retroSets);
  if (hooks.afterHistory) await hooks.afterHistory(document);
  if (document.isClosed || (wasShown && !isShownInTab(document.uri))) {
    void vscode.window.setStatusBarMessage('Retro Health: the retro was closed; its relationship-health section was not written', 5000);
    return false;
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const version = document.version;
    const analysis = analysisNow();
    let edit;
    try {
      edit = healthSectionEdit(document.getText(), { analysis, ...history });
    } catch (error) {
      if (!(error instanceof DamagedSectionError)) throw error;
      void vscode.window.showErrorMessage(`Retro Health: ${error.message}`);
      return false;
    }
    if (!edit) {
      void vscode.window.setStatusBarMessage('Retro Health: the relationship-health section is up to date', 3000);
      return true;
    }
    if (hooks.beforeApply) await hooks.beforeApply(document);
    if (await applyAtVersion(document, version, edit)) return true;
    if (document.version === version) return false; // refused for another reason than a change
    // The document changed after the section was computed: compute it again on the new text.
  }
  void vscode.window.showWarningMessage('Retro Health: the document kept changing; the section was not written. Try again.');
  return false;
}

/**
 * Applies `edit`, computed on `version` of the document, as one undoable step; false, touching
 * nothing, when the document is no longer at that version. Through the document's visible editor
 * when there is one: the workbench then checks the version and applies in one step, so it also
 * refuses an edit racing a keystroke this extension host has not heard of yet. (A workspace edit
 * is checked before an asynchronous step in the workbench, and such a keystroke slips through:
 * the section would land on stale positions.)
 */
async function applyAtVersion(document: vscode.TextDocument, version: number, edit: TextEdit): Promise<boolean> {
  if (document.version !== version) return false;
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
  if (editor) {
    const range = new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length));
    try {
      if (await editor.edit((builder) => builder.replace(range, edit.newText))) return true;
    } catch {
      // the editor closed meanwhile: a workspace edit below, if the text is still the same
    }
    if (document.version !== version) return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, edit));
}

/**
 * The section's history from the workspace's retro set — the rule `retro-health write` follows —
 * or, for a file outside the set (outside a folder, excluded, analysed on request), its own team.
 */
async function readSectionHistory(document: vscode.TextDocument, retroSets: RetroSetService): Promise<SectionHistory> {
  const path = pathInFolder(document.uri);
  const retros = path === undefined ? undefined : await retroSets.collect({ isCancelled: () => document.isClosed });
  const member = path === undefined ? undefined : retros?.set.member(path);
  if (retros && member) return retroSets.sectionHistory(retros, member);
  return loneSectionHistory(path ?? document.uri.path.split('/').pop() ?? '', document.getText());
}
