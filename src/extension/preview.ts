import { utf8ByteLength } from '../core/text/utf8';
import type { MarkdownIt } from 'markdown-it';
import type { Token as MarkdownToken } from 'markdown-it';
import * as vscode from 'vscode';
import { analyzeRetro } from '../core/analyze';
import { STAGE_ILLNESS, type Finding } from '../core/types';
import { isRetroDocument } from './retroDocuments';
import { analysisOptionsFor } from './analysisOptions';
import { readSettings, type Settings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

/**
 * Marks symptoms in VS Code's Markdown preview: each finding's words are wrapped in a
 * <mark> with the symptom as its tooltip. Only retros are analysed; the markup carries
 * escaped text only, and VS Code's preview sanitises HTML on top.
 */
export function retroHealthPreviewPlugin(catalogs: TeamCatalogs) {
  return (md: MarkdownIt): void => {
    md.core.ruler.push('retro_health_symptoms', (state) => {
      const uri = (state.env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument ?? documentWithText(state.src)?.uri;
      if (!uri) return;
      const settings = readSettings(uri, () => undefined);
      if (!shouldMark(uri, settings) || utf8ByteLength(state.src) > settings.maxFileSizeKB * 1024) return;
      const findings = analyzeRetro(state.src, analysisOptionsFor(uri, settings, catalogs)).findings;
      if (findings.length === 0) return;
      const byLine = new Map<number, Finding[]>();
      for (const finding of findings) byLine.set(finding.range.start.line, [...(byLine.get(finding.range.start.line) ?? []), finding]);
      for (const token of state.tokens) {
        if (token.type !== 'inline' || !token.map || !token.children) continue;
        for (let line = token.map[0]; line < token.map[1]; line++) {
          for (const finding of byLine.get(line) ?? []) token.children = markIn(token.children, finding, state.Token, md);
        }
      }
    });
  };
}

/** VS Code tokenizes with an empty env, so the document is found by its text (the active editor first). */
function documentWithText(source: string): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  const candidates = active ? [active, ...vscode.workspace.textDocuments] : vscode.workspace.textDocuments;
  const normalised = source.replace(/\r\n?/g, '\n');
  return candidates.find((document) => document.languageId === 'markdown' && document.getText().replace(/\r\n?/g, '\n') === normalised);
}

function shouldMark(uri: vscode.Uri, settings: Settings): boolean {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return settings.enable && document !== undefined && isRetroDocument(document, settings);
}

type TokenConstructor = new (type: string, tag: string, nesting: -1 | 0 | 1) => MarkdownToken;

/** Splits the text token holding the finding's first line and wraps those words in a mark. */
function markIn(children: MarkdownToken[], finding: Finding, Token: TokenConstructor, md: MarkdownIt): MarkdownToken[] {
  const needle = (finding.text.split(/\r\n|\n|\r/)[0] ?? '').trim();
  if (needle.length < 3) return children;
  const index = children.findIndex((child) => child.type === 'text' && child.content.includes(needle));
  const target = children[index];
  if (!target) return children;
  const at = target.content.indexOf(needle);
  const text = (content: string) => Object.assign(new Token('text', '', 0), { content });
  const html = (content: string) => Object.assign(new Token('html_inline', '', 0), { content });
  const title = md.utils.escapeHtml(`${finding.title} — ${finding.stage} stage (${STAGE_ILLNESS[finding.stage]})`);
  return [
    ...children.slice(0, index),
    text(target.content.slice(0, at)),
    html(`<mark class="retro-health-symptom retro-health-${finding.stage}" title="${title}">`),
    text(needle),
    html('</mark>'),
    text(target.content.slice(at + needle.length)),
    ...children.slice(index + 1),
  ];
}
