// What both webviews need from VS Code: the API handle, saved state, and screen-reader announcements.
import type { Parsed } from '../shared/panelProtocol';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export function vsCodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}

/** The saved state if it is still valid, else the default (an old or foreign state is ignored, not trusted). */
export function restoreState<T>(api: VsCodeApi, parse: (value: unknown) => Parsed<T>, fallback: T, what: string): T {
  const saved: unknown = api.getState();
  if (saved === undefined || saved === null) return structuredClone(fallback);
  const parsed = parse(saved);
  if (parsed.ok) return parsed.value;
  console.warn(`[Retro Health] ignored an invalid saved ${what} state (${parsed.problem})`);
  return structuredClone(fallback);
}

/** Says a message in the live region; clearing first makes a repeated message be announced again. */
export function announceIn(status: HTMLElement, message: string): void {
  status.textContent = '';
  setTimeout(() => (status.textContent = message), 50);
}
