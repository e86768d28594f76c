import * as vscode from 'vscode';
import { retroFlagEdit } from '../core/edits/retroFlag';
import { toWorkspaceEdit } from './codeActions';
import { documentFor } from './commands';
import { pathInFolder } from './retroSetService';
import { readSettings } from './settings';

export const TREAT_AS_RETRO_COMMAND = 'retroHealth.treatAsRetro';

type Choice = vscode.QuickPickItem & { apply: () => Thenable<boolean> };

/**
 * "Treat as Retro": the user chooses how a markdown file becomes a retro — `retro: true` in its
 * front matter (this file only, one undoable edit), or a glob for its folder added to the
 * workspace folder's `retroHealth.files`. `how` ('front-matter' | 'glob') skips the question.
 */
export async function treatAsRetro(target: unknown, how?: unknown): Promise<boolean> {
  const document = await documentFor(target);
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Retro Health: open a markdown file to treat it as a retro.');
    return false;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const path = pathInFolder(document.uri);
  const directory = path?.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
  const glob = directory ? `${directory}/**/*.{md,markdown}` : path;
  const choices: Choice[] = [
    {
      label: 'Add "retro: true" to its front matter',
      detail: 'This file only; travels with the file, for the CLI too.',
      apply: () => vscode.workspace.applyEdit(toWorkspaceEdit(document, retroFlagEdit(document.getText()))),
    },
  ];
  if (folder && glob) {
    choices.push({
      label: `Add "${glob}" to retroHealth.files`,
      detail: `Every markdown file ${directory ? `under ${directory}/` : 'with this name'} is a retro (settings of the workspace folder ${folder.name}).`,
      apply: async () => {
        const files = readSettings(document.uri, () => undefined).files;
        await vscode.workspace.getConfiguration('retroHealth', folder.uri).update('files', [...files, glob], vscode.ConfigurationTarget.WorkspaceFolder);
        return true;
      },
    });
  }
  const picked = how === 'front-matter' ? choices[0] : how === 'glob' ? choices[1] : await vscode.window.showQuickPick(choices, { title: 'Treat as retro', placeHolder: 'How should Retro Health know this file is a retro?' });
  return picked ? picked.apply() : false;
}
