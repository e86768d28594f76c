import { stemmer } from 'stemmer';
import { RecentCache } from '../recentCache';
/** What recognising a treatment's action item needs to know of a treatment (a catalog Treatment is one). */
export interface TreatmentText {
  id: string;
  title: string;
  actions: readonly string[];
}

/** A checklist item read as one of a treatment's actions. */
export interface TreatmentAction {
  treatment: string;
  title: string;
  /** Index into the treatment's actions. */
  action: number;
}

/**
 * A checklist item reads as a treatment's action when their content words overlap this much
 * (Dice coefficient on stemmed words, filler words left out) and share at least MIN_SHARED_WORDS:
 * "Held the joint requirements walkthrough with Dana, the business owner, before the build
 * started" is "Hold a joint requirements walkthrough with the business owner before build starts"
 * (7 shared of 9 and 8: 0.82). Teams rewrite the catalog's long sentences, hence the lower bar…
 */
export const TREATMENT_ACTION_OVERLAP = 0.6;
/**
 * …than for two wordings of one of the team's own items, where one changed noun is another
 * item: "Fix the flaky export test" is not "Fix the flaky settlement test" (0.75), while
 * "Booked the walkthrough of approval rules with finance" is "Book a walkthrough of the approval
 * rules with finance (Dana)" (0.91).
 */
export const SAME_ITEM_OVERLAP = 0.8;
export const MIN_SHARED_WORDS = 3;

/** Words that carry no meaning of their own in an action item. */
const STOP_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from into onto as is are was were be been being it its this that these those ' +
    'we our us you your they their them he she his her i my me do does did done so than then too very just also all each every ' +
    'before after about over under again still not no'
  ).split(' '),
);

/** Items recur from retro to retro (a report reads each several times): their words are remembered. */
const wordCache = new RecentCache<string, ReadonlySet<string>>(4096);
/** Stemming is the costly part, and a team's items share most of their words. */
const stemCache = new RecentCache<string, string>(20_000);

/** The stemmed content words of an item: case, punctuation, inflection and filler words do not matter. */
export function contentWords(text: string): ReadonlySet<string> {
  let words = wordCache.get(text);
  if (words) return words;
  words = new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [])
      .map((word) => word.replace(/['’].*$/, ''))
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
      .map(porterStem),
  );
  wordCache.set(text, words);
  return words;
}

/** stemmer(word), remembered (the model's stemOf also folds spellings: a different stem). */
function porterStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) stemCache.set(word, (stem = stemmer(word)));
  return stem;
}

/** Dice coefficient of two word sets, and how many words they share. */
export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { overlap: number; shared: number } {
  if (a.size === 0 || b.size === 0) return { overlap: 0, shared: 0 };
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return { overlap: (2 * shared) / (a.size + b.size), shared };
}

/** The rule for a reworded item of the team's own: nearly the same content words (see SAME_ITEM_OVERLAP). */
export function readsAsSameItem(a: string, b: string): boolean {
  const words = contentWords(a);
  const other = contentWords(b);
  return sharesEnoughForSameItem(wordOverlap(words, other).shared, words.size, other.size);
}

/** The same rule from counts: `shared` of the words of two items of `sizeA` and `sizeB` content words. */
export function sharesEnoughForSameItem(shared: number, sizeA: number, sizeB: number): boolean {
  return shared >= MIN_SHARED_WORDS && (2 * shared) / (sizeA + sizeB) >= SAME_ITEM_OVERLAP;
}

/**
 * Which treatment action a checklist item is, or null. The health section writes an action
 * followed by its treatment's title in brackets — "Demo working software … (Look behind the
 * curtain, both ways)" — so a bracketed title names the treatment outright (the best-matching of
 * its actions, the first when none reads like the item). Otherwise the item must read as one
 * action (TREATMENT_ACTION_OVERLAP and MIN_SHARED_WORDS against the action's text), as the quick fixes
 * and "fix all" write them and as a team rewords them; the closest action wins, ties in catalog order.
 */
export function treatmentActionOf(text: string, treatments: readonly TreatmentText[]): TreatmentAction | null {
  const tagged = /\(([^()]+)\)\s*[.;]?\s*$/.exec(text);
  const tag = tagged ? normaliseTitle(tagged[1] as string) : null;
  const named = tag === null ? undefined : treatments.find((treatment) => normaliseTitle(treatment.title) === tag);
  if (named && tagged) return closestActionOf(named, contentWords(text.slice(0, tagged.index)));
  return readsAsAction(contentWords(text), actionIndexOf(treatments));
}

/** The named treatment's action closest to the words (the first on a tie, also when none shares a word). */
function closestActionOf(treatment: TreatmentText, words: ReadonlySet<string>): TreatmentAction {
  let best = { action: 0, overlap: -1 };
  treatment.actions.forEach((action, index) => {
    const { overlap } = wordOverlap(words, contentWords(action));
    if (overlap > best.overlap) best = { action: index, overlap };
  });
  return { treatment: treatment.id, title: treatment.title, action: best.action };
}

interface IndexedAction {
  treatment: TreatmentText;
  action: number;
  words: ReadonlySet<string>;
}

/** Every action of a treatment list, in catalog order, and the actions each content word occurs in. */
interface ActionIndex {
  actions: IndexedAction[];
  byWord: Map<string, number[]>;
}

/** Built once per treatment list: a report reads thousands of items against the same catalog. */
const actionIndexes = new WeakMap<readonly TreatmentText[], ActionIndex>();

function actionIndexOf(treatments: readonly TreatmentText[]): ActionIndex {
  let index = actionIndexes.get(treatments);
  if (index) return index;
  index = { actions: [], byWord: new Map() };
  for (const treatment of treatments) {
    treatment.actions.forEach((text, action) => {
      const id = (index as ActionIndex).actions.push({ treatment, action, words: contentWords(text) }) - 1;
      for (const word of contentWords(text)) {
        const list = (index as ActionIndex).byWord.get(word);
        if (list) list.push(id);
        else (index as ActionIndex).byWord.set(word, [id]);
      }
    });
  }
  actionIndexes.set(treatments, index);
  return index;
}

/**
 * The action the words read as: enough shared words and overlap (TREATMENT_ACTION_OVERLAP,
 * MIN_SHARED_WORDS), the closest winning, ties in catalog order. Only actions sharing a word are looked at.
 */
function readsAsAction(words: ReadonlySet<string>, index: ActionIndex): TreatmentAction | null {
  const shared = new Map<number, number>();
  for (const word of words) for (const id of index.byWord.get(word) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  let best: { id: number; overlap: number } | null = null;
  for (const [id, count] of shared) {
    if (count < MIN_SHARED_WORDS) continue;
    const overlap = (2 * count) / (words.size + (index.actions[id] as IndexedAction).words.size);
    if (overlap < TREATMENT_ACTION_OVERLAP) continue;
    if (best === null || overlap > best.overlap || (overlap === best.overlap && id < best.id)) best = { id, overlap };
  }
  if (best === null) return null;
  const { treatment, action } = index.actions[best.id] as IndexedAction;
  return { treatment: treatment.id, title: treatment.title, action };
}

function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}
