import * as vscode from 'vscode';
import { addActionItemEdit, suppressInFileEdit, suppressNextLineEdit, type TextEdit } from '../core/edits';
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
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly catalogs: TeamCatalogs) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
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

export function toWorkspaceEdit(document: vscode.TextDocument, edit: TextEdit): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  const range = new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length));
  workspaceEdit.replace(document.uri, range, edit.newText);
  return workspaceEdit;
}
