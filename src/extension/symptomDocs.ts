import * as vscode from 'vscode';
import { STAGE_ILLNESS } from '../core/types';
import type { TeamCatalogs } from './teamCatalogs';

/** Read-only pages behind the diagnostic code links: `retro-health:/symptoms/<id>.md`. */
export class SymptomDocs implements vscode.TextDocumentContentProvider {
  constructor(private readonly catalogs: TeamCatalogs) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = /\/symptoms\/([a-z0-9-]+)\.md$/.exec(uri.path)?.[1];
    const catalog = this.catalogs.for(folderOf(uri)).matcher.catalog;
    const symptom = catalog.symptoms.find((s) => s.id === id);
    if (!symptom) return `# Unknown symptom\n\nNo symptom "${id ?? uri.path}" in the catalog.\n`;
    const lines = [
      `# ${symptom.title}`,
      '',
      `\`${symptom.id}\` · stage **${symptom.stage}** (${STAGE_ILLNESS[symptom.stage]}) · voiced by **${symptom.side}**`,
      '',
      symptom.explanation,
      '',
      '## Treatments',
      '',
    ];
    for (const treatmentId of symptom.treatments) {
      const treatment = catalog.treatments.find((t) => t.id === treatmentId);
      if (!treatment) continue;
      lines.push(`### ${treatment.title}`, '', treatment.summary, '', ...treatment.actions.map((action) => `- [ ] ${action}`), '');
    }
    lines.push('## Hide a false positive', '', `\`<!-- retro-health-disable-next-line ${symptom.id} -->\` above the line, or \`<!-- retro-health-disable ${symptom.id} -->\` for the whole file.`, '');
    return lines.join('\n');
  }
}

/** The workspace folder named in the page's query (its team file applies), else the first folder. */
function folderOf(page: vscode.Uri): vscode.Uri {
  const named = new URLSearchParams(page.query).get('folder');
  const folders = vscode.workspace.workspaceFolders ?? [];
  // Only a folder of this workspace: a crafted link must not make the provider read a team file elsewhere.
  const folder = folders.find((candidate) => candidate.uri.toString() === named) ?? folders[0];
  return folder?.uri ?? page;
}
