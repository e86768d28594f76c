// zod/mini, not classic zod: the same validation core at a fraction of the bundle size (see src/shared/panelProtocol.ts).
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { SIDES, STAGES } from '../types';
import { lazily } from '../lazily';

// zod/mini sets no messages of its own; English ones keep problems readable ("Too small: expected …").
// (Imported by name: `z.locales.en` would bundle every locale.)
z.config(en());

export const TREATMENT_IDS = [
  'admit-the-problem',
  'find-root-causes',
  'behind-the-curtain',
  'keep-the-trains-running',
  'think-competitively',
  'best-practices-after-basics',
  'outside-facilitator',
] as const;

/** Word-list names as patterns write them after '@'. */
export const WORD_LIST_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The catalog's zod schemas, built on first use: built at module load they cost ~3 ms of every
 * activation, and only a team file or a test ever validates a catalog.
 */
function buildSchemas() {
  const id = z.string().check(z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens'));
  const term = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));

  const ConceptRuleSchema = z.strictObject({
    /** Every group must be present in one sentence: who, what, when… Each group lists alternative terms. */
    all: z.array(z.array(term).check(z.minLength(1))).check(z.minLength(1), z.maxLength(5)),
    /** The matched words of all groups must lie within this many words. */
    within: z._default(z.int().check(z.minimum(1), z.maximum(60)), 18),
    /** Groups must appear in the order given. */
    ordered: z._default(z.boolean(), false),
    confidence: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.8),
    /** 'span' highlights every matched word; 'first' highlights each occurrence of the first group on its own. */
    highlight: z._default(z.enum(['span', 'first']), 'span'),
    /** 'article' when the rule recognises the article's own wording in context; its hits count as phrases. */
    wording: z._default(z.enum(['article', 'paraphrase']), 'paraphrase'),
    /** Terms that mark an unrelated sense for this rule only ("red tape" on a door). */
    unless: z._default(z.array(term), []),
  });

  const SymptomSchema = z.strictObject({
    id,
    stage: z.enum(STAGES),
    side: z.enum(SIDES),
    title: z.string().check(z.minLength(3), z.maxLength(80)),
    /** What the symptom signals, in the product's words. */
    explanation: z.string().check(z.minLength(10)),
    /** The article's wording and close variants; a hit is near-certain. */
    phrases: z._default(z.array(term), []),
    /** Paraphrases recognised by meaning. */
    concepts: z._default(z.array(ConceptRuleSchema), []),
    /** Terms that mark an unrelated sense: a sentence holding one is never this symptom. */
    unless: z._default(z.array(term), []),
    treatments: z.array(id).check(z.minLength(1)),
    /** Milder symptoms this one is the later form of: on the same words only this one is reported. */
    supersedes: z._default(z.array(id), []),
  });

  const TreatmentSchema = z.strictObject({
    id: z.enum(TREATMENT_IDS),
    order: z.int().check(z.minimum(1), z.maximum(7)),
    title: z.string().check(z.minLength(3), z.maxLength(60)),
    summary: z.string().check(z.minLength(10)),
    /** Concrete steps, each fit to become a `- [ ]` action item. */
    actions: z.array(z.string().check(z.minLength(10), z.maxLength(200))).check(z.minLength(1)),
    /** Stages where this treatment applies even without a symptom that names it. */
    stages: z.array(z.enum(STAGES)),
  });

  const LexiconsSchema = z.record(z.string().check(z.regex(WORD_LIST_NAME)), z.array(term).check(z.minLength(1)));

  return { term, ConceptRuleSchema, SymptomSchema, TreatmentSchema, LexiconsSchema };
}

type CatalogSchemas = ReturnType<typeof buildSchemas>;

export const catalogSchemas: () => CatalogSchemas = lazily(buildSchemas);

export type ConceptRule = z.infer<CatalogSchemas['ConceptRuleSchema']>;
export type Symptom = z.infer<CatalogSchemas['SymptomSchema']>;
export type SymptomInput = z.input<CatalogSchemas['SymptomSchema']>;
export type Treatment = z.infer<CatalogSchemas['TreatmentSchema']>;
export type TreatmentId = (typeof TREATMENT_IDS)[number];
export type Lexicons = z.infer<CatalogSchemas['LexiconsSchema']>;

export interface Catalog {
  symptoms: Symptom[];
  treatments: Treatment[];
  lexicons: Lexicons;
}
