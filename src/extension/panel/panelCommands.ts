import * as vscode from 'vscode';
import { clip, LIMITS, type HostMessage, type PanelState, type WebviewMessage } from '../../shared/panelProtocol';
import type { AnalysisService } from '../analysisService';

/** What the commands need of the panel that received the message. */
export interface PanelCommandsHost {
  /** The retro the panel follows, if any. */
  document(): vscode.TextDocument | undefined;
  /** The state last sent to the webview (what the user sees and may act on). */
  lastState(): PanelState | undefined;
  /** The webview's script has (re)loaded: send it the current state now. */
  webviewReady(): void;
  /** Build and send the state again soon. */
  refresh(): void;
  post(message: HostMessage): void;
  /** Where the retro goes when shown beside the panel. */
  editorColumn(document: vscode.TextDocument): vscode.ViewColumn;
}

/**
 * What the Retrospective Panel does for each validated webview message: reveal a finding, add an
 * action item, write the relationship-health section, analyse a file anyway, open one of the
 * team's retros. The webview never picks a file: every message must name the retro the panel
 * shows (or, for `openRetro`, an earlier retro the panel links to), and an action item must be one it offers.
 */
export class PanelCommands {
  constructor(
    private readonly host: PanelCommandsHost,
    private readonly analyses: AnalysisService,
    private readonly output: vscode.OutputChannel,
  ) {}

  async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.host.webviewReady();
        return;
      case 'reveal': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (!document) return;
        const { start, end } = message.range;
        const range = document.validateRange(new vscode.Range(start.line, start.character, end.line, end.character));
        await vscode.window.showTextDocument(document, { viewColumn: this.host.editorColumn(document), selection: new vscode.Selection(range.start, range.end), preserveFocus: false, preview: false });
        return;
      }
      case 'addActionItem': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (!document) return this.answer(message.requestId, false, 'This retro is no longer the one shown; nothing was added.');
        if (!this.offers(message.documentUri, message.action)) {
          this.output.appendLine(`[panel] ignored addActionItem: "${clip(message.action, 80)}" is not a treatment offered for this retro`);
          return this.answer(message.requestId, false, 'That action item is not one of this retro\u2019s treatments.');
        }
        const added = await this.run<boolean>('retroHealth.addActionItem', message.documentUri, message.action);
        if (added.ok) this.answer(message.requestId, added.value === true, added.value === true ? `Added the action item \u201c${clip(message.action, 200)}\u201d.` : 'Nothing was added: the item is already in the action items.');
        else this.answer(message.requestId, false, `Could not add the action item: ${added.error}`);
        return;
      }
      case 'writeHealthSection': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (!document) return this.answer(message.requestId, false, 'This retro is no longer the one shown; nothing was written.');
        const written = await this.run<boolean>('retroHealth.writeHealthSection', message.documentUri);
        if (written.ok) this.answer(message.requestId, written.value === true, written.value === true ? 'The relationship-health section is written and up to date.' : 'The relationship-health section was not written.');
        else this.answer(message.requestId, false, `Could not write the relationship-health section: ${written.error}`);
        return;
      }
      case 'analyzeAnyway': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (document) this.analyses.analyzeNow(document);
        this.host.refresh();
        return;
      }
      case 'openRetro': {
        if (!this.links(message.uri)) {
          this.output.appendLine('[panel] ignored openRetro: not one of the retros the panel links to');
          return;
        }
        const uri = vscode.Uri.parse(message.uri, true);
        const shown = this.host.document();
        const column = shown ? this.host.editorColumn(shown) : vscode.ViewColumn.One;
        const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
        if (message.line !== undefined) {
          const position = editor.document.validatePosition(new vscode.Position(message.line - 1, 0));
          editor.selection = new vscode.Selection(position, position);
          editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
        return;
      }
    }
  }

  /** The followed document when `uri` names it; anything else is refused (a webview never picks a file). */
  private shownDocument(uri: string, what: string): vscode.TextDocument | undefined {
    const document = this.host.document();
    if (document && !document.isClosed && document.uri.toString() === uri) return document;
    this.output.appendLine(`[panel] ignored ${what}: the document is not the one the panel shows`);
    return undefined;
  }

  /**
   * Whether the state last sent links to `uri`: an earlier retro of the trend, or the retro a
   * carried-over item or a treatment tried before came from. All of them are members of the
   * workspace's retro set (TeamRetros read them from it), so no other file can be opened.
   */
  private links(uri: string): boolean {
    const state = this.host.lastState();
    if (state?.status !== 'ready') return false;
    const { trend, followThrough } = state.retro;
    if (trend.status === 'ready' && trend.points.some((point) => point.uri === uri && !point.current)) return true;
    if (followThrough.status !== 'ready') return false;
    return (
      followThrough.carriedOver.some((item) => item.from.uri === uri) ||
      followThrough.triedBefore.some((entry) => entry.attempts.some((attempt) => attempt.added.uri === uri || attempt.ticked?.uri === uri))
    );
  }

  private offers(documentUri: string, action: string): boolean {
    const state = this.host.lastState();
    if (state?.status !== 'ready' || state.retro.documentUri !== documentUri) return false;
    return state.retro.treatments.some((treatment) => treatment.actions.some((offered) => offered.text === action));
  }

  private async run<T>(command: string, ...args: unknown[]): Promise<{ ok: true; value: T | undefined } | { ok: false; error: string }> {
    try {
      return { ok: true, value: await vscode.commands.executeCommand<T>(command, ...args) };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`[panel] ${command} failed: ${text}`);
      return { ok: false, error: clip(text, 500) };
    }
  }

  private answer(requestId: string, ok: boolean, message: string): void {
    this.host.post({ type: 'commandResult', requestId, ok, message: clip(message, LIMITS.prose) });
  }
}
