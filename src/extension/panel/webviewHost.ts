import * as vscode from 'vscode';

export interface HostedPanelEvents {
  onMessage(message: unknown): void;
  /** A hidden webview is torn down; it says "ready" again when shown. */
  onHidden(): void;
  onDisposed(): void;
}

/** Only the bundle and media may be loaded into our webviews. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * The wiring both webview hosts share: icon, message, visibility and dispose listeners that
 * only act while `isCurrent()` (a restored or replaced panel never talks to a stale host).
 */
export function hostPanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, isCurrent: () => boolean, events: HostedPanelEvents): void {
  panel.iconPath = {
    light: vscode.Uri.joinPath(extensionUri, 'media', 'panel-light.svg'),
    dark: vscode.Uri.joinPath(extensionUri, 'media', 'panel-dark.svg'),
  };
  const listeners: vscode.Disposable[] = [
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isCurrent()) events.onMessage(message);
    }),
    panel.onDidChangeViewState(() => {
      if (isCurrent() && !panel.visible) events.onHidden();
    }),
  ];
  listeners.push(
    panel.onDidDispose(() => {
      for (const listener of listeners) listener.dispose();
      if (isCurrent()) events.onDisposed();
    }),
  );
}
