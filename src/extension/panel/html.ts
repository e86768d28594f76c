/**
 * The Retrospective Panel's HTML shell. Pure (no `vscode` import) so the webview tests serve
 * exactly this page. Everything dynamic is rendered by dist/webview.js with textContent; the
 * shell only carries a strict CSP, the stylesheets, the script and a loading message.
 */

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin the webview's own resources are served from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
  /** More stylesheets after `styleUri` (another view's own rules on top of the panel's). */
  extraStyleUris?: readonly string[];
  /** The page title and the message shown until the script renders (default: the panel's). */
  title?: string;
  loadingMessage?: string;
}

/** Web Crypto, not node:crypto: loading that module cost ~5 ms of every activation. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(18))));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function panelHtml(options: PanelHtmlOptions): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(options.codiconsUri)}" nonce="${attr(options.nonce)}">
<link rel="stylesheet" href="${attr(options.styleUri)}" nonce="${attr(options.nonce)}">
${(options.extraStyleUris ?? []).map((uri) => `<link rel="stylesheet" href="${attr(uri)}" nonce="${attr(options.nonce)}">\n`).join('')}<title>${text(options.title ?? 'Retrospective')}</title>
</head>
<body>
<div id="status" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
<main id="app" aria-busy="true">
<p class="panel-message" role="status"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ${text(options.loadingMessage ?? 'Loading the retrospective\u2026')}</p>
</main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
