import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/schema';
import { whyFlagged } from '../core/explain';
import { STAGE_ILLNESS, type Finding } from '../core/types';
import type { AnalysisService } from './analysisService';
import type { TeamCatalogs } from './teamCatalogs';

const VOICE = { business: 'the business side', it: 'the IT side', both: 'either side' } as const;

/** Hover on a finding: its stage, who usually says it, what it signals, the top treatments. */
export class SymptomHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: AnalysisService,
    private readonly catalogs: TeamCatalogs,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.analyses.analysisOf(document);
    if (!analysis) return undefined;
    const offset = document.offsetAt(position);
    const finding = analysis.findings.find((f) => f.startOffset <= offset && offset <= f.endOffset);
    if (!finding) return undefined;
    const { start, end } = finding.range;
    return new vscode.Hover(describeFinding(finding, this.catalogs.for(document.uri).matcher.catalog), new vscode.Range(start.line, start.character, end.line, end.character));
  }
}

export function describeFinding(finding: Finding, catalog: Catalog): vscode.MarkdownString {
  const symptom = catalog.symptoms.find((s) => s.id === finding.symptom);
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.appendMarkdown(`**Retro Health · ${escape(finding.title)}**\n\n`);
  markdown.appendMarkdown(`Stage: **${finding.stage}** (${STAGE_ILLNESS[finding.stage]}) · usually said by ${VOICE[finding.side]} · confidence ${Math.round(finding.confidence * 100)}%\n\n`);
  if (symptom) markdown.appendMarkdown(`${escape(symptom.explanation)}\n\n`);
  const why = whyFlagged(finding);
  if (why) markdown.appendMarkdown(`${escape(why)}\n\n`);
  const treatments = finding.treatments
    .slice(0, 3)
    .map((id) => catalog.treatments.find((t) => t.id === id))
    .filter((t) => t !== undefined);
  if (treatments.length) {
    markdown.appendMarkdown('Treatments:\n');
    treatments.forEach((treatment, index) => markdown.appendMarkdown(`${index + 1}. **${escape(treatment.title)}**: ${escape(treatment.actions[0] ?? treatment.summary)}\n`));
  }
  return markdown;
}

/** Retro text and catalog text are shown as text, never interpreted as markdown or HTML. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (char) => `\\${char}`);
}
