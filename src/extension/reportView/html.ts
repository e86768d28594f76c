/**
 * The report webview's HTML shell: the panel's (same CSP with a nonce, codicons, the panel's
 * stylesheet) with the report's own stylesheet and script. Pure, so the webview tests serve exactly this page.
 */
import { panelHtml } from '../panel/html';

export interface ReportHtmlOptions {
  cspSource: string;
  nonce: string;
  /** Resolves a path under the extension (`dist/report.js`) to what the webview may load. */
  resource(path: string): string;
}

export const REPORT_SCRIPT = 'dist/report.js';
export const REPORT_STYLES = ['media/panel.css', 'media/report.css'] as const;
export const CODICONS_CSS = 'media/codicons/codicon.css';

export function reportHtml({ cspSource, nonce, resource }: ReportHtmlOptions): string {
  return panelHtml({
    cspSource,
    nonce,
    scriptUri: resource(REPORT_SCRIPT),
    styleUri: resource(REPORT_STYLES[0]),
    extraStyleUris: REPORT_STYLES.slice(1).map(resource),
    codiconsUri: resource(CODICONS_CSS),
    title: 'Workspace Health Report',
    loadingMessage: 'Reading retros\u2026',
  });
}
