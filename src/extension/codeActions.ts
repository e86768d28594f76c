import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog';
import { actionsForEverySymptom, addActionItemEdit, addActionItemsEdit, suppressInFileEdit, suppressNextLineEdit, type TextEdit } from '../core/edits';
import { symptomOf } from './analysisService';
import type { TeamCatalogs } from './teamCatalogs';
import { RECORD_VERDICT_COMMAND, type VerdictArgs } from './verdicts';

/** How many treatments a quick fix offers as action items. */
const ACTION_ITEMS_OFFERED = 2;

/**
 * Quick fixes on a Retro Health diagnostic: add the best treatments as action items, or
 * ignore the symptom on this line or in this file. Each is one undoable WorkspaceEdit,
 * computed on the current text so it keeps the document's line endings.
 */
export class TreatmentCodeActions implements vscode.CodeActionProvider {
  /** "Fix all" (`editor.codeActionsOnSave`, Source Action…): an action item for every symptom, one undo. */
  static readonly fixAllKind = vscode.CodeActionKind.SourceFixAll.append('retroHealth');
  static readonly kinds = [vscode.CodeActionKind.QuickFix, TreatmentCodeActions.fixAllKind];

  constructor(private readonly catalogs: TeamCatalogs) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && TreatmentCodeActions.fixAllKind.intersects(context.only)) return this.fixAll(document);
    const actions: vscode.CodeAction[] = [];
    // Asked on every cursor move in any markdown file: only our own diagnostics may wake the catalog.
    if (!context.diagnostics.some((diagnostic) => symptomOf(diagnostic) !== undefined)) return actions;
    const catalog = this.catalogs.for(document.uri).matcher.catalog;
    const text = document.getText();
    for (const diagnostic of context.diagnostics) {
      const id = symptomOf(diagnostic);
      const symptom = id ? catalog.symptoms.find((s) => s.id === id) : undefined;
      if (!id || !symptom) continue;
      let preferred = true;
      for (const treatmentId of symptom.treatments.slice(0, ACTION_ITEMS_OFFERED)) {
        const item = catalog.treatments.find((t) => t.id === treatmentId)?.actions[0];
        const edit = item ? addActionItemEdit(text, item) : null;
        if (!item || !edit) continue;
        actions.push(this.action(`Add action item: ${item}`, document, edit, diagnostic, preferred));
        preferred = false;
      }
      actions.push(this.verdictAction('Not a symptom: teach Retro Health (saved to .retro-health.json)', document, diagnostic, null));
      actions.push(this.verdictAction('This is a different symptom…', document, diagnostic, undefined));
      actions.push(this.action(`Ignore "${symptom.title}" here`, document, suppressNextLineEdit(text, diagnostic.range.start.line, id), diagnostic, false));
      actions.push(this.action(`Ignore "${symptom.title}" in this file`, document, suppressInFileEdit(text, id), diagnostic, false));
    }
    return actions;
  }

  /** The fix-all source action, from the findings the editor shows for the document (none: no action). */
  private fixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    const symptoms = vscode.languages
      .getDiagnostics(document.uri)
      .sort((a, b) => a.range.start.compareTo(b.range.start))
      .map(symptomOf)
      .filter((id): id is string => id !== undefined);
    if (symptoms.length === 0) return [];
    const edit = actionItemsForEverySymptomEdit(document.getText(), symptoms, this.catalogs.for(document.uri).matcher.catalog);
    if (!edit) return [];
    const action = new vscode.CodeAction('Add action items for every symptom', TreatmentCodeActions.fixAllKind);
    action.edit = toWorkspaceEdit(document, edit);
    return [action];
  }

  /** Records the team's verdict on the finding's sentence; `symptom` undefined asks which. */
  private verdictAction(title: string, document: vscode.TextDocument, diagnostic: vscode.Diagnostic, symptom: null | undefined): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    const args: VerdictArgs = { uri: document.uri.toString(), offset: document.offsetAt(diagnostic.range.start), ...(symptom === null && { symptom }) };
    action.command = { command: RECORD_VERDICT_COMMAND, title, arguments: [args] };
    action.diagnostics = [diagnostic];
    return action;
  }

  private action(title: string, document: vscode.TextDocument, edit: TextEdit, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, edit);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    return action;
  }
}

/** One edit adding the best treatment of every symptom (ids in document order) as action items, each treatment once. */
export function actionItemsForEverySymptomEdit(text: string, symptomIds: readonly string[], catalog: Catalog): TextEdit | null {
  const findings = symptomIds.map((id) => ({ treatments: catalog.symptoms.find((symptom) => symptom.id === id)?.treatments ?? [] }));
  return addActionItemsEdit(text, actionsForEverySymptom(findings, catalog));
}

export function toWorkspaceEdit(document: vscode.TextDocument, edit: TextEdit): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  const range = new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length));
  workspaceEdit.replace(document.uri, range, edit.newText);
  return workspaceEdit;
}
