import * as z from 'zod';
import { SIDES, STAGES } from '../types';

export const TREATMENT_IDS = [
  'admit-the-problem',
  'find-root-causes',
  'behind-the-curtain',
  'keep-the-trains-running',
  'think-competitively',
  'best-practices-after-basics',
  'outside-facilitator',
] as const;

const id = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');
const term = z.string().trim().min(1).max(300);

export const ConceptRuleSchema = z.strictObject({
  /** Every group must be present in one sentence: who, what, when… Each group lists alternative terms. */
  all: z.array(z.array(term).min(1)).min(1).max(5),
  /** The matched words of all groups must lie within this many words. */
  within: z.number().int().min(1).max(60).default(18),
  /** Groups must appear in the order given. */
  ordered: z.boolean().default(false),
  confidence: z.number().min(0).max(1).default(0.8),
  /** 'span' highlights every matched word; 'first' highlights each occurrence of the first group on its own. */
  highlight: z.enum(['span', 'first']).default('span'),
  /** 'article' when the rule recognises the article's own wording in context; its hits count as phrases. */
  wording: z.enum(['article', 'paraphrase']).default('paraphrase'),
  /** Terms that mark an unrelated sense for this rule only ("red tape" on a door). */
  unless: z.array(term).default([]),
});

export const SymptomSchema = z.strictObject({
  id,
  stage: z.enum(STAGES),
  side: z.enum(SIDES),
  title: z.string().min(3).max(80),
  /** What the symptom signals, in the product's words. */
  explanation: z.string().min(10),
  /** The article's wording and close variants; a hit is near-certain. */
  phrases: z.array(term).default([]),
  /** Paraphrases recognised by meaning. */
  concepts: z.array(ConceptRuleSchema).default([]),
  /** Terms that mark an unrelated sense: a sentence holding one is never this symptom. */
  unless: z.array(term).default([]),
  treatments: z.array(id).min(1),
  /** Milder symptoms this one is the later form of: on the same words only this one is reported. */
  supersedes: z.array(id).default([]),
});

export const TreatmentSchema = z.strictObject({
  id: z.enum(TREATMENT_IDS),
  order: z.number().int().min(1).max(7),
  title: z.string().min(3).max(60),
  summary: z.string().min(10),
  /** Concrete steps, each fit to become a `- [ ]` action item. */
  actions: z.array(z.string().min(10).max(200)).min(1),
  /** Stages where this treatment applies even without a symptom that names it. */
  stages: z.array(z.enum(STAGES)),
});

export const LexiconsSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(term).min(1));

export type ConceptRule = z.infer<typeof ConceptRuleSchema>;
export type Symptom = z.infer<typeof SymptomSchema>;
export type SymptomInput = z.input<typeof SymptomSchema>;
export type Treatment = z.infer<typeof TreatmentSchema>;
export type TreatmentId = (typeof TREATMENT_IDS)[number];
export type Lexicons = z.infer<typeof LexiconsSchema>;

export interface Catalog {
  symptoms: Symptom[];
  treatments: Treatment[];
  lexicons: Lexicons;
}
