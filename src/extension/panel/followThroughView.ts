/**
 * Turns the core's follow-through of a retro (src/core/report/followThrough.ts) into the panel's
 * view (src/shared/panelProtocol.ts), clipped to the protocol's bounds. Pure: no `vscode` import,
 * so the webview tests build their states with exactly this code.
 */
import type { RetroFollowThrough, TreatmentAttempt } from '../../core/report/followThrough';
import { clip, LIMITS, type AttemptView, type CarriedItemView, type FollowThrough, type RetroLink } from '../../shared/panelProtocol';

/** Why there is nothing to follow through, in the trend's words. */
export const UNPLACED_REASON = {
  'no-team': 'Add "team: <name>" to the front matter (or keep the team\u2019s retros in a folder named after it) to see what this retro carries over from the team\u2019s earlier ones.',
  undated: 'This retro has no date ("date:" in the front matter or a date in the file name), so it cannot be placed after the team\u2019s earlier retros.',
} as const;

/** The core names retros by the id the panel gave it (a URI); `labelOf` gives the file name shown. */
export function toFollowThroughView(result: RetroFollowThrough, labelOf: (uri: string) => string): FollowThrough {
  if (!result.placed) return { status: 'none', reason: UNPLACED_REASON[result.reason] };
  const link = (place: { file: string; date: string; line: number }): RetroLink => ({
    uri: clip(place.file, LIMITS.uri),
    label: clip(labelOf(place.file), LIMITS.name),
    date: place.date,
    line: Math.min(LIMITS.line, Math.max(1, place.line)),
  });
  const carriedOver: CarriedItemView[] = result.carriedOver.slice(0, LIMITS.carriedOver).map((item) => ({
    text: clip(item.text, LIMITS.quote),
    from: link(item),
    openDays: item.openDays,
    stale: item.stale,
    listedAgain: item.listedAgain,
    treatment: item.treatment === null ? null : clip(item.treatment.title, LIMITS.name),
  }));
  const attempt = (tried: TreatmentAttempt): AttemptView => ({
    treatment: clip(tried.treatment.title, LIMITS.name),
    text: clip(tried.text, LIMITS.quote),
    status: tried.status,
    verdict: tried.status === 'ticked' ? tried.verdict : null,
    stale: tried.status === 'open' && tried.stale,
    summary: clip(tried.summary, LIMITS.prose),
    added: link(tried.added),
    ticked: tried.status === 'ticked' && tried.ticked.file !== tried.added.file ? link(tried.ticked) : null,
  });
  return {
    status: 'ready',
    staleAfterDays: result.staleAfterDays,
    earlierRetros: result.earlierRetros,
    carriedOver,
    omittedCarriedOver: result.carriedOver.length - carriedOver.length,
    triedBefore: result.triedBefore.slice(0, LIMITS.findings).map((entry) => ({
      symptom: clip(entry.symptom, LIMITS.name),
      title: clip(entry.title, LIMITS.name),
      attempts: entry.attempts.slice(0, LIMITS.attempts).map(attempt),
      omittedAttempts: Math.max(0, entry.attempts.length - LIMITS.attempts),
    })),
  };
}
