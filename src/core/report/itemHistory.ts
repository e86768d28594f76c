import type { ChecklistItem } from './checklist';
import { contentWords, sharesEnoughForSameItem, treatmentActionOf, type TreatmentAction, type TreatmentText } from './treatmentItems';
import type { FollowUpSource } from './types';

/** One retro of a team, as the checklist walk sees it. */
export interface RetroChecklist {
  file: string;
  /** null: an undated retro (its ticks count, its place in time is unknown). */
  date: string | null;
  items: readonly ChecklistItem[];
}

/** Where an item was written: the retro (its index among the team's dated retros, -1 when undated) and the 1-based line. */
export interface ItemPlace {
  retro: number;
  file: string;
  date: string | null;
  line: number;
}

/** One checklist item followed across a team's retros, from the retro that first lists it open (or ticked) to its tick. */
export interface ItemLifecycle {
  /** As first written. */
  text: string;
  source: FollowUpSource;
  added: ItemPlace;
  /** The first retro that lists it ticked; null while open. */
  ticked: ItemPlace | null;
  /** Later retros that list it still open, oldest first. */
  stillOpenIn: string[];
  /** The treatment action it reads as (under any of its wordings), or null. */
  treatment: TreatmentAction | null;
}

interface Tracked extends ItemLifecycle {
  keys: Set<string>;
  /** As last written: a reworded item is compared with its newest wording. */
  lastText: string;
}

/**
 * Follows every checklist item through a team's retros, oldest dated first, then the undated
 * ones (only their ticks). An item in a later retro is the same item as an earlier one when,
 * tried in this order over the whole retro (so an exact match is never taken by a looser one):
 * 1. its normalised text is one the item was written with (`itemKey`);
 * 2. both read as the same treatment action (`treatmentActionOf`);
 * 3. its content words clearly overlap the latest wording of an item still open (`readsAsSameItem`).
 * Open earlier items are preferred to ticked ones. An open item matching a ticked
 * one starts a new lifecycle (it came back); a ticked item no earlier one matches was added and
 * ticked in the same retro. Each earlier item matches at most one item per retro.
 */
export function itemLifecycles(dated: readonly RetroChecklist[], undated: readonly RetroChecklist[], treatments: readonly TreatmentText[]): ItemLifecycle[] {
  const tracked: Tracked[] = [];
  // Indexes, so a long history is not compared item by item with everything before it.
  const byKey = new Map<string, Tracked[]>();
  const byAction = new Map<string, Tracked[]>();
  const openByWord = new Map<string, Set<Tracked>>();
  const actionKey = (action: TreatmentAction | null) => (action === null ? null : `${action.treatment}#${action.action}`);
  const index = <K>(map: Map<K, Tracked[]>, key: K | null, item: Tracked) => {
    if (key === null) return;
    const list = map.get(key);
    if (list) {
      if (!list.includes(item)) list.push(item);
    } else map.set(key, [item]);
  };
  const indexWords = (item: Tracked, add: boolean) => {
    for (const word of contentWords(item.lastText)) {
      let set = openByWord.get(word);
      if (!set) openByWord.set(word, (set = new Set()));
      if (add) set.add(item);
      else set.delete(item);
    }
  };
  const firstOpen = (list: readonly Tracked[] | undefined, claimed: ReadonlySet<Tracked>) => {
    const free = (list ?? []).filter((earlier) => !claimed.has(earlier));
    return free.find((earlier) => earlier.ticked === null) ?? free[0];
  };
  // readsAsSameItem over the open items sharing a word, first met first, with the shared words counted from the index.
  const similarOpen = (text: string, claimed: ReadonlySet<Tracked>) => {
    const words = contentWords(text);
    const shared = new Map<Tracked, number>();
    for (const word of words) for (const earlier of openByWord.get(word) ?? []) if (!claimed.has(earlier)) shared.set(earlier, (shared.get(earlier) ?? 0) + 1);
    for (const [earlier, count] of shared) if (sharesEnoughForSameItem(count, words.size, contentWords(earlier.lastText).size)) return earlier;
    return undefined;
  };

  const walk = (retro: RetroChecklist, retroIndex: number) => {
    const actions = new Map(retro.items.map((item) => [item, treatmentActionOf(item.text, treatments)]));
    const claimed = new Set<Tracked>();
    const matched = new Map<ChecklistItem, Tracked>();
    const rules: ((item: ChecklistItem) => Tracked | undefined)[] = [
      (item) => firstOpen(byKey.get(item.key), claimed),
      (item) => {
        const key = actionKey(actions.get(item) ?? null);
        return key === null ? undefined : firstOpen(byAction.get(key), claimed);
      },
      (item) => similarOpen(item.text, claimed),
    ];
    for (const rule of rules) {
      for (const item of retro.items) {
        if (matched.has(item)) continue;
        const found = rule(item);
        if (found) {
          claimed.add(found);
          matched.set(item, found);
        }
      }
    }
    for (const item of retro.items) {
      const earlier = matched.get(item);
      const place: ItemPlace = { retro: retroIndex, file: retro.file, date: retro.date, line: item.line + 1 };
      if (retroIndex === -1) {
        if (earlier && earlier.ticked === null && item.done) close(earlier, place);
        continue;
      }
      if (earlier && (earlier.ticked === null || item.done)) {
        // The same item again: still open, ticked now, or a tick listed once more.
        if (earlier.ticked === null) indexWords(earlier, false);
        earlier.keys.add(item.key);
        earlier.lastText = item.text;
        earlier.treatment ??= actions.get(item) ?? null;
        index(byKey, item.key, earlier);
        index(byAction, actionKey(earlier.treatment), earlier);
        if (earlier.ticked === null && item.done) earlier.ticked = place;
        else if (earlier.ticked === null) earlier.stillOpenIn.push(retro.file);
        if (earlier.ticked === null) indexWords(earlier, true);
        continue;
      }
      const added: Tracked = {
        text: item.text,
        source: item.source,
        added: place,
        ticked: item.done ? place : null,
        stillOpenIn: [],
        treatment: actions.get(item) ?? null,
        keys: new Set([item.key]),
        lastText: item.text,
      };
      tracked.push(added);
      index(byKey, item.key, added);
      index(byAction, actionKey(added.treatment), added);
      if (added.ticked === null) indexWords(added, true);
    }
  };
  const close = (item: Tracked, place: ItemPlace) => {
    indexWords(item, false);
    item.ticked = place;
  };
  dated.forEach((retro, retroIndex) => walk(retro, retroIndex));
  undated.forEach((retro) => walk(retro, -1));
  return tracked.map(({ text, source, added, ticked, stillOpenIn, treatment }) => ({ text, source, added, ticked, stillOpenIn, treatment }));
}
