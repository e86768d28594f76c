import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { lazily } from '../core/lazily';
import { TEAM_CONFIG_FILE } from '../core/teamConfig';
import { addVerdictEdit } from '../core/edits/verdictEdit';
import { sentenceAt, type TeamVerdict } from '../core/verdicts';
import type { TeamCatalogs } from './teamCatalogs';

export const RECORD_VERDICT_COMMAND = 'retroHealth.labelSentence';

/** What a quick fix passes: the sentence's document and offset, and the verdict if already chosen. Built on first use, not at activation. */
const verdictArgsSchema = lazily(() =>
  z.object({
    uri: z.string(),
    offset: z.number().check(z.int(), z.nonnegative()),
    symptom: z.optional(z.nullable(z.string())),
  }),
);
export type VerdictArgs = z.infer<ReturnType<typeof verdictArgsSchema>>;

/**
 * Records the team's verdict on the sentence at the cursor (or at a quick fix's finding) in the
 * folder's `.retro-health.json`, through one undoable WorkspaceEdit, then saves it so the CLI
 * agrees. Without a chosen verdict it asks: "Not a symptom" or one of the symptoms.
 */
export async function recordVerdict(raw: unknown, catalogs: TeamCatalogs): Promise<TeamVerdict | undefined> {
  const parsed = raw === undefined ? undefined : verdictArgsSchema().safeParse(raw);
  if (parsed && !parsed.success) {
    void vscode.window.showErrorMessage(`Retro Health: cannot label a sentence from these arguments (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const args = parsed?.data;
  const document = args ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Retro Health: put the cursor in a sentence of a retro to label it.');
    return undefined;
  }
  const offset = args?.offset ?? document.offsetAt((editor as vscode.TextEditor).selection.active);
  const sentence = sentenceAt(document.getText(), offset);
  if (!sentence) {
    void vscode.window.showWarningMessage('Retro Health: there is no sentence of prose here to label (code, front matter and HTML are not analysed).');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) {
    void vscode.window.showWarningMessage(`Retro Health: verdicts are kept in a workspace folder's ${TEAM_CONFIG_FILE}; open the retro's folder first.`);
    return undefined;
  }
  const symptom = args?.symptom !== undefined ? args.symptom : await pickVerdict(sentence.text, catalogs.for(document.uri).matcher.catalog.symptoms);
  if (symptom === undefined) return undefined;
  const verdict: TeamVerdict = { text: sentence.text, symptom };
  const configUri = vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE);
  const exists = await vscode.workspace.fs.stat(configUri).then(
    () => true,
    () => false,
  );
  const config = exists ? await vscode.workspace.openTextDocument(configUri) : undefined;
  const edit = addVerdictEdit(config?.getText() ?? '', verdict);
  const workspaceEdit = new vscode.WorkspaceEdit();
  if (!config) {
    workspaceEdit.createFile(configUri, { ignoreIfExists: true });
    workspaceEdit.insert(configUri, new vscode.Position(0, 0), edit.newText);
  } else {
    workspaceEdit.replace(configUri, new vscode.Range(config.positionAt(edit.offset), config.positionAt(edit.offset + edit.length)), edit.newText);
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(`Retro Health: could not edit ${TEAM_CONFIG_FILE}; nothing was recorded.`);
    return undefined;
  }
  await (await vscode.workspace.openTextDocument(configUri)).save();
  const label = symptom === null ? 'not a symptom' : `“${symptom}”`;
  void vscode.window.setStatusBarMessage(`Retro Health: recorded in ${TEAM_CONFIG_FILE}: ${label}.`, 5000);
  return verdict;
}

async function pickVerdict(sentence: string, symptoms: readonly { id: string; title: string; stage: string }[]): Promise<string | null | undefined> {
  type Item = vscode.QuickPickItem & { symptom: string | null };
  const items: Item[] = [
    { label: '$(circle-slash) Not a symptom', description: 'never flag this sentence for this team', symptom: null },
    { label: 'This is a symptom:', kind: vscode.QuickPickItemKind.Separator, symptom: null },
    ...symptoms.map((symptom) => ({ label: symptom.title, description: `${symptom.stage} · ${symptom.id}`, symptom: symptom.id })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Retro Health: label this sentence for your team', placeHolder: sentence.length > 90 ? `${sentence.slice(0, 87)}…` : sentence, matchOnDescription: true });
  return picked ? picked.symptom : undefined;
}
