import type * as z from 'zod/mini';
import { BUILT_IN_LEXICONS } from './lexicons';
import { catalogSchemas, type Catalog, type ConceptRule, type Symptom, type SymptomInput } from './schema';
import { BUILT_IN_SYMPTOMS } from './symptoms';
import { BUILT_IN_TREATMENTS } from './treatments';

export * from './schema';

export class CatalogError extends Error {}

/**
 * Validates raw catalog data. A broken entry fails loudly, naming its id and the reason,
 * because a silently dropped symptom is a silent loss of detection.
 */
export function loadCatalog(raw: { symptoms: unknown[]; treatments: unknown[]; lexicons: unknown }): Catalog {
  const { TreatmentSchema, SymptomSchema, LexiconsSchema } = catalogSchemas();
  const treatments = raw.treatments.map((entry, index) => parseEntry(TreatmentSchema, entry, 'treatment', index));
  const symptoms = raw.symptoms.map((entry, index) => parseEntry(SymptomSchema, entry, 'symptom', index));
  const lexicons = parseEntry(LexiconsSchema, raw.lexicons, 'word lists', 0);
  const treatmentIds = new Set(treatments.map((treatment) => treatment.id));
  const seen = new Set<string>();
  for (const symptom of symptoms) {
    if (seen.has(symptom.id)) throw new CatalogError(`symptom "${symptom.id}": duplicate id`);
    seen.add(symptom.id);
    if (symptom.phrases.length + symptom.concepts.length === 0) throw new CatalogError(`symptom "${symptom.id}": needs at least one phrase or concept`);
    const unknown = symptom.treatments.find((id) => !treatmentIds.has(id as never));
    if (unknown) throw new CatalogError(`symptom "${symptom.id}": unknown treatment "${unknown}"`);
  }
  for (const symptom of symptoms) {
    const missing = symptom.supersedes.find((id) => !seen.has(id));
    if (missing) throw new CatalogError(`symptom "${symptom.id}": supersedes unknown symptom "${missing}"`);
  }
  return { symptoms, treatments, lexicons };
}

function parseEntry<T>(schema: z.ZodMiniType<T>, entry: unknown, kind: string, index: number): T {
  const result = schema.safeParse(entry);
  if (result.success) return result.data;
  const id = typeof entry === 'object' && entry && 'id' in entry ? String((entry as { id: unknown }).id) : `#${index + 1}`;
  const reason = result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`).join('; ');
  throw new CatalogError(`${kind} "${id}": ${reason}`);
}

let builtIn: Catalog | undefined;

/**
 * The built-in catalog with the schema's defaults filled in. It is not run through zod here:
 * validating it took about 10 ms of every start-up (CLI run, extension activation), and a unit
 * test checks that it equals `loadCatalog` of the same data, so a broken entry still fails loudly.
 * Read-only: it is shared, and team catalogs copy what they change.
 */
export function builtInCatalog(): Catalog {
  builtIn ??= {
    symptoms: BUILT_IN_SYMPTOMS.map(symptomWithDefaults),
    treatments: BUILT_IN_TREATMENTS.map((treatment) => ({ ...treatment, actions: [...treatment.actions], stages: [...treatment.stages] })),
    lexicons: Object.fromEntries(Object.entries(BUILT_IN_LEXICONS).map(([name, entries]) => [name, [...entries]])),
  };
  return builtIn;
}

/** What SymptomSchema's parse adds to valid input: its defaults (keys in schema order, fresh arrays). */
function symptomWithDefaults(symptom: SymptomInput): Symptom {
  return {
    id: symptom.id,
    stage: symptom.stage,
    side: symptom.side,
    title: symptom.title,
    explanation: symptom.explanation,
    phrases: [...(symptom.phrases ?? [])],
    concepts: (symptom.concepts ?? []).map(conceptWithDefaults),
    unless: [...(symptom.unless ?? [])],
    treatments: [...symptom.treatments],
    supersedes: [...(symptom.supersedes ?? [])],
  };
}

function conceptWithDefaults(concept: NonNullable<SymptomInput['concepts']>[number]): ConceptRule {
  return {
    all: concept.all.map((group) => [...group]),
    within: concept.within ?? 18,
    ordered: concept.ordered ?? false,
    confidence: concept.confidence ?? 0.8,
    highlight: concept.highlight ?? 'span',
    wording: concept.wording ?? 'paraphrase',
    unless: [...(concept.unless ?? [])],
  };
}
