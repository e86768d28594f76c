/// <reference lib="dom" />
/**
 * The panel's follow-through cards: "Carried over" (the open items this retro inherits from the
 * team's earlier retros) and "Tried before" (per symptom, the treatments tried against it and what
 * happened). Every piece of retro text goes in as a text node (see dom.ts).
 */
import { h, icon, type Child } from './dom';
import type { AttemptView, CarriedItemView, FollowThrough, RetroLink } from '../shared/panelProtocol';

export interface FollowThroughActions {
  openRetro(uri: string, line?: number): void;
}

const VERDICT_ICON: Record<NonNullable<AttemptView['verdict']>, string> = { faded: 'pass', persisted: 'error', 'too-early': 'watch', 'nothing-to-compare': 'circle-slash' };

/** "Carried over": the open checklist items from the team's earlier retros, oldest first. */
export function renderCarriedOver(followThrough: FollowThrough, actions: FollowThroughActions): HTMLElement {
  const section = card('carried-over', 'history', 'Carried over');
  if (!isReady(followThrough, section)) return section;
  if (followThrough.carriedOver.length === 0) {
    section.append(h('p', { class: 'muted' }, followThrough.earlierRetros === 0 ? 'This is the team\u2019s first dated retro: nothing to carry over.' : 'Nothing carried over: every checklist item of the team\u2019s earlier retros is ticked.'));
    return section;
  }
  const stale = followThrough.carriedOver.filter((item) => item.stale).length;
  section.append(
    h(
      'p',
      { class: 'muted' },
      `${plural(followThrough.carriedOver.length + followThrough.omittedCarriedOver, 'open item')} from the team\u2019s earlier retros`,
      stale ? `, ${stale} of them open more than ${plural(followThrough.staleAfterDays, 'day')} (stale)` : '',
      '.',
    ),
    h('ul', { class: 'carried-list' }, ...followThrough.carriedOver.map((item, index) => carriedItem(item, index, followThrough.staleAfterDays, actions))),
  );
  if (followThrough.omittedCarriedOver > 0) section.append(h('p', { class: 'muted' }, `${followThrough.omittedCarriedOver} more not listed.`));
  return section;
}

function carriedItem(item: CarriedItemView, index: number, staleAfterDays: number, actions: FollowThroughActions): HTMLLIElement {
  return h(
    'li',
    { class: `carried-item${item.stale ? ' is-stale' : ''}`, attrs: { 'data-stale': String(item.stale) } },
    h('p', { class: 'carried-text' }, h('bdi', {}, item.text)),
    h(
      'p',
      { class: 'carried-meta muted' },
      item.openDays === null ? 'open' : `open ${plural(item.openDays, 'day')}`,
      item.stale ? ' ' : '',
      item.stale ? staleBadge(staleAfterDays) : null,
      ' \u00b7 first listed in ',
      retroButton(item.from, `carried-${index}`, actions),
      item.listedAgain ? ' \u00b7 listed again here' : '',
      item.treatment ? ' \u00b7 ' : '',
      item.treatment ? h('span', { class: 'carried-treatment' }, item.treatment) : null,
    ),
  );
}

/** "Tried before": for each symptom of this retro, the treatments the team tried against it in earlier retros. */
export function renderTriedBefore(followThrough: FollowThrough, actions: FollowThroughActions): HTMLElement {
  const section = card('tried-before', 'beaker', 'Tried before');
  if (!isReady(followThrough, section)) return section;
  if (followThrough.triedBefore.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No symptoms in this retro, so nothing to look back on.'));
    return section;
  }
  section.append(
    h('ul', { class: 'tried-list' }, ...followThrough.triedBefore.map((entry, symptomIndex) =>
      h(
        'li',
        { class: 'tried-symptom', attrs: { 'data-symptom': entry.symptom } },
        h('h3', {}, entry.title),
        entry.attempts.length === 0
          ? h('p', { class: 'muted' }, 'Nothing tried against it in the team\u2019s earlier retros.')
          : h('ul', { class: 'attempt-list' }, ...entry.attempts.map((attempt, index) => attemptItem(attempt, `tried-${symptomIndex}-${index}`, actions))),
        entry.omittedAttempts > 0 ? h('p', { class: 'muted' }, `${entry.omittedAttempts} more not listed.`) : null,
      ),
    )),
  );
  return section;
}

/** One treatment tried: its summary already says "stale" in words, so no badge. */
function attemptItem(attempt: AttemptView, key: string, actions: FollowThroughActions): HTMLLIElement {
  const outcome = attempt.verdict ?? (attempt.stale ? 'stale' : 'open');
  const where: Child[] = ['added in ', retroButton(attempt.added, `${key}-added`, actions)];
  if (attempt.ticked) where.push(', ticked in ', retroButton(attempt.ticked, `${key}-ticked`, actions));
  return h(
    'li',
    { class: `attempt outcome-${outcome}`, attrs: { 'data-status': attempt.status, 'data-outcome': outcome } },
    h('p', { class: 'attempt-head' }, h('strong', {}, attempt.treatment), ': ', h('q', { class: 'attempt-text' }, h('bdi', {}, attempt.text))),
    h(
      'p',
      { class: 'attempt-summary' },
      icon(attempt.verdict ? VERDICT_ICON[attempt.verdict] : attempt.stale ? 'warning' : 'circle-large-outline'),
      ' ',
      attempt.summary,
    ),
    h('p', { class: 'muted attempt-where' }, ...where),
  );
}

function card(name: string, iconName: string, title: string): HTMLElement {
  return h('section', { class: `card ${name}`, attrs: { 'aria-labelledby': `${name}-heading` } }, h('h2', { attrs: { id: `${name}-heading` } }, icon(iconName), ` ${title}`));
}

/** Appends the waiting, unavailable or failed message; true when there is something to show. */
function isReady(followThrough: FollowThrough, section: HTMLElement): followThrough is Extract<FollowThrough, { status: 'ready' }> {
  switch (followThrough.status) {
    case 'loading':
      section.setAttribute('aria-busy', 'true');
      section.append(h('p', { class: 'muted' }, icon('loading', 'codicon-modifier-spin'), ' Reading the team\u2019s earlier retros\u2026'));
      return false;
    case 'none':
      section.append(h('p', { class: 'muted' }, icon('info'), ' ', followThrough.reason));
      return false;
    case 'error':
      section.append(h('p', { class: 'error-text', attrs: { role: 'alert' } }, icon('error'), ' ', followThrough.message));
      return false;
    case 'ready':
      return true;
  }
}

function retroButton(link: RetroLink, key: string, actions: FollowThroughActions): HTMLButtonElement {
  return h(
    'button',
    { class: 'link', attrs: { type: 'button', 'data-focus-key': key, title: `Open this retro at line ${link.line}` }, on: { click: () => actions.openRetro(link.uri, link.line) } },
    h('bdi', {}, link.label),
    ` (${link.date})`,
  );
}

function staleBadge(staleAfterDays: number): HTMLElement {
  return h('span', { class: 'stale-badge', attrs: { title: `Open for more than ${plural(staleAfterDays, 'day')}` } }, icon('warning'), ' stale');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
