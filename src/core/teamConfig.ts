import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import * as z from 'zod/mini';
import { catalogSchemas, TREATMENT_IDS, WORD_LIST_NAME, type Catalog, type Lexicons, type Symptom, type Treatment } from './catalog/schema';
import { builtInCatalog, CatalogError, loadCatalog } from './catalog';
import { compileTerm, PatternError } from './matcher/pattern';
import { STAGES } from './types';
import { lazily } from './lazily';
import type { TeamVerdict } from './verdicts';

/** The file a team commits to tune Retro Health: `.retro-health.json` at the workspace root. */
export const TEAM_CONFIG_FILE = '.retro-health.json';

/** A schema with a description for the JSON schema (classic zod's `.describe()`). */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** The team file's schemas, built on first use (at module load they would cost every activation). */
function buildSchemas() {
  const { ConceptRuleSchema, SymptomSchema, LexiconsSchema } = catalogSchemas();
  const symptomId = z.string().check(z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/));
  const term = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));
  const TreatmentActionsSchema = z.strictObject({ actions: z.array(z.string().check(z.minLength(10), z.maxLength(200))).check(z.minLength(1)) });

  const VerdictSchema = z.strictObject({
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    symptom: z.nullable(symptomId),
  });

  const PhrasingsSchema = z.strictObject({
    phrases: z._default(z.array(term), []),
    concepts: z._default(z.array(ConceptRuleSchema), []),
  });

  const TeamConfigSchema = described(
    z.strictObject({
      $schema: z.optional(z.string()),
      disable: described(z._default(z.array(symptomId), []), 'Built-in or team symptom ids that are never reported.'),
      restage: described(z._default(z.record(symptomId, z.enum(STAGES)), {}), 'Move a symptom to another stage: { "red-tape": "early" }.'),
      symptoms: described(z._default(z.array(SymptomSchema), []), "The team's own symptoms, in the same shape as the built-in catalog."),
      phrasings: described(z._default(z.record(symptomId, PhrasingsSchema), {}), 'More phrases and concepts for existing symptoms.'),
      wordLists: described(z._default(LexiconsSchema, {}), 'Extra entries for word lists (@business, @it, …) or new lists.'),
      treatments: described(z._default(z.partialRecord(z.enum(TREATMENT_IDS), TreatmentActionsSchema), {}), "The team's own concrete action items for a treatment, offered first."),
      verdicts: described(z._default(z.array(VerdictSchema), []), 'Sentences the team has judged: symptom null means "not a symptom"; a symptom id means "this is that symptom". Recorded by the quick fixes.'),
    }),
    'Retro Health team configuration (.retro-health.json).',
  );

  return { term, SymptomSchema, TreatmentActionsSchema, PhrasingsSchema, VerdictSchema, TeamConfigSchema };
}

type TeamSchemas = ReturnType<typeof buildSchemas>;
const teamSchemas = lazily(buildSchemas);

export type TeamConfig = z.infer<TeamSchemas['TeamConfigSchema']>;

export interface ConfigProblem {
  /** JSON path of the offending property, e.g. ["symptoms", 0, "stage"]. */
  path: (string | number)[];
  message: string;
  /** Offsets into the config text, when known. */
  offset?: number;
  length?: number;
}

export interface TeamCatalog {
  catalog: Catalog;
  disabled: string[];
  /** The team's verdicts on sentences (see TeamVerdict). */
  verdicts: TeamVerdict[];
  problems: ConfigProblem[];
}

/**
 * Reads a team config (JSON with comments allowed) over the built-in catalog. Every problem
 * is reported with its path and position; everything valid still applies, so one typo never
 * switches the whole file off.
 */
export function loadTeamCatalog(configText: string | undefined): TeamCatalog {
  const problems: ConfigProblem[] = [];
  if (configText === undefined || configText.trim() === '') return { ...builtIn(), problems };
  const errors: ParseError[] = [];
  const tree = parseTree(configText, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    problems.push({ path: [], message: `JSON syntax: ${printParseErrorCode(error.error)}`, offset: error.offset, length: Math.max(1, error.length) });
  }
  const root = tree ? nodeValue(tree) : undefined;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    if (errors.length === 0) problems.push({ path: [], message: 'the file must hold one JSON object', offset: 0, length: configText.length });
    return { ...builtIn(), problems: locate(problems, tree) };
  }
  const config = validateSections(root as Record<string, unknown>, problems);
  return { ...merge(config, problems), problems: locate(problems, tree) };
}

function builtIn(): Omit<TeamCatalog, 'problems'> {
  return { catalog: builtInCatalog(), disabled: [], verdicts: [] };
}

/** Validates each section, and each entry of a list or map on its own, keeping the valid ones. */
function validateSections(root: Record<string, unknown>, problems: ConfigProblem[]): TeamConfig {
  const { term, SymptomSchema, TreatmentActionsSchema, PhrasingsSchema, VerdictSchema, TeamConfigSchema } = teamSchemas();
  const known = new Set(Object.keys(TeamConfigSchema.shape));
  for (const key of Object.keys(root)) if (!known.has(key)) problems.push({ path: [key], message: `unknown setting "${key}" (known: ${[...known].filter((k) => k !== '$schema').join(', ')})` });
  const config = TeamConfigSchema.parse({});
  const section = <T>(key: keyof TeamConfig, schema: z.ZodMiniType<T>): T | undefined => {
    if (!(key in root)) return undefined;
    const result = schema.safeParse(root[key]);
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push({ path: [key, ...(issue.path as (string | number)[])], message: issue.message });
    return undefined;
  };
  const shape = TeamConfigSchema.shape;
  const eachOf = <T>(key: 'symptoms' | 'verdicts', schema: z.ZodMiniType<T>): T[] => {
    const value = root[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push({ path: [key], message: 'expected a list' });
      return [];
    }
    return value.flatMap((entry, index) => {
      const result = schema.safeParse(entry);
      if (result.success) return [result.data];
      for (const issue of result.error.issues) problems.push({ path: [key, index, ...(issue.path as (string | number)[])], message: issue.message });
      return [];
    });
  };
  const eachIn = <T>(key: 'phrasings' | 'restage' | 'treatments' | 'wordLists', schema: z.ZodMiniType<T>): Record<string, T> => {
    const value = root[key];
    if (value === undefined) return {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ path: [key], message: 'expected an object' });
      return {};
    }
    const out: Record<string, T> = {};
    for (const [name, entry] of Object.entries(value)) {
      const result = schema.safeParse(entry);
      if (result.success) out[name] = result.data;
      else for (const issue of result.error.issues) problems.push({ path: [key, name, ...(issue.path as (string | number)[])], message: issue.message });
    }
    return out;
  };
  config.disable = section('disable', shape.disable) ?? [];
  config.symptoms = eachOf('symptoms', SymptomSchema);
  config.verdicts = eachOf('verdicts', VerdictSchema);
  config.phrasings = eachIn('phrasings', PhrasingsSchema);
  config.restage = eachIn('restage', z.enum(STAGES));
  config.wordLists = eachIn('wordLists', z.array(term).check(z.minLength(1)));
  config.treatments = eachIn('treatments', TreatmentActionsSchema) as TeamConfig['treatments'];
  for (const problem of problems) if (valueAt(root, problem.path) === undefined && problem.path.length > 1) problem.message = `missing required property "${String(problem.path[problem.path.length - 1])}"`;
  return config;
}

/** The raw value at a JSON path: undefined means the property is missing, whatever zod said. */
function valueAt(root: unknown, path: (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function merge(config: TeamConfig, problems: ConfigProblem[]): Omit<TeamCatalog, 'problems'> {
  // The built-in catalog is shared: copy what changes. The merged whole is validated at the end.
  const base = builtInCatalog();
  const lexicons: Lexicons = { ...base.lexicons };
  for (const [name, entries] of Object.entries(config.wordLists)) {
    if (!WORD_LIST_NAME.test(name)) {
      problems.push({ path: ['wordLists', name], message: `"${name}" is not a word-list name: lower-case letters, digits and hyphens, starting with a letter` });
      continue;
    }
    const usable = entries.filter((entry, index) => compiles(entry, lexicons, ['wordLists', name, index], problems));
    lexicons[name] = [...(lexicons[name] ?? []), ...usable];
  }
  const treatments: Treatment[] = base.treatments.map((treatment) => ({
    ...treatment,
    actions: [...(config.treatments[treatment.id]?.actions ?? []), ...treatment.actions],
  }));
  const symptoms: Symptom[] = base.symptoms.map((symptom) => ({ ...symptom }));
  const ids = new Set(symptoms.map((symptom) => symptom.id));
  const treatmentIds = new Set<string>(TREATMENT_IDS);
  config.symptoms.forEach((symptom, index) => {
    const path = ['symptoms', index];
    if (ids.has(symptom.id)) return void problems.push({ path: [...path, 'id'], message: `"${symptom.id}" already exists; extend it under "phrasings" instead` });
    const unknownTreatment = symptom.treatments.find((id) => !treatmentIds.has(id));
    if (unknownTreatment) return void problems.push({ path: [...path, 'treatments'], message: `unknown treatment "${unknownTreatment}" (known: ${TREATMENT_IDS.join(', ')})` });
    if (!patternsCompile(symptom.phrases, symptom.concepts, lexicons, path, problems)) return;
    if (symptom.phrases.length + symptom.concepts.length === 0) return void problems.push({ path, message: 'needs at least one phrase or concept' });
    ids.add(symptom.id);
    symptoms.push(symptom);
  });
  for (const [id, extra] of Object.entries(config.phrasings)) {
    const target = symptoms.find((symptom) => symptom.id === id);
    if (!target) {
      problems.push({ path: ['phrasings', id], message: `no symptom "${id}"` });
      continue;
    }
    if (!patternsCompile(extra.phrases, extra.concepts, lexicons, ['phrasings', id], problems)) continue;
    target.phrases = [...target.phrases, ...extra.phrases];
    target.concepts = [...target.concepts, ...extra.concepts];
  }
  for (const [id, stage] of Object.entries(config.restage)) {
    const target = symptoms.find((symptom) => symptom.id === id);
    if (target) target.stage = stage;
    else problems.push({ path: ['restage', id], message: `no symptom "${id}"` });
  }
  config.disable.forEach((id, index) => {
    if (!ids.has(id)) problems.push({ path: ['disable', index], message: `no symptom "${id}"` });
  });
  config.symptoms.forEach((symptom, index) => {
    if (!symptoms.includes(symptom)) return;
    const unknown = symptom.supersedes.filter((id) => !ids.has(id));
    if (unknown.length === 0) return;
    problems.push({ path: ['symptoms', index, 'supersedes'], message: `no symptom ${unknown.map((id) => `"${id}"`).join(', ')}` });
    symptom.supersedes = symptom.supersedes.filter((id) => ids.has(id));
  });
  const verdicts = config.verdicts.filter((verdict, index) => {
    if (verdict.symptom === null || ids.has(verdict.symptom)) return true;
    problems.push({ path: ['verdicts', index, 'symptom'], message: `no symptom "${verdict.symptom}"` });
    return false;
  });
  try {
    // A team file that only disables symptoms or labels sentences keeps the built-in catalog itself
    // (and so its precompiled matcher: see matcher/snapshot.ts).
    const changesCatalog = config.symptoms.length > 0 || [config.phrasings, config.restage, config.wordLists, config.treatments].some((section) => Object.keys(section).length > 0);
    return { catalog: changesCatalog ? loadCatalog({ symptoms, treatments, lexicons }) : base, disabled: config.disable, verdicts };
  } catch (error) {
    // Every check above should have caught it; if one did not, the team file still must not stop analysis.
    if (!(error instanceof CatalogError)) throw error;
    problems.push({ path: [], message: `ignored: ${error.message}` });
    return builtIn();
  }
}

function patternsCompile(
  phrases: string[],
  concepts: { all: string[][]; unless: string[] }[],
  lexicons: Lexicons,
  path: (string | number)[],
  problems: ConfigProblem[],
): boolean {
  let ok = true;
  phrases.forEach((phrase, index) => (ok = compiles(phrase, lexicons, [...path, 'phrases', index], problems) && ok));
  concepts.forEach((concept, c) => {
    concept.all.forEach((group, g) => group.forEach((entry, t) => (ok = compiles(entry, lexicons, [...path, 'concepts', c, 'all', g, t], problems) && ok)));
    concept.unless.forEach((entry, t) => (ok = compiles(entry, lexicons, [...path, 'concepts', c, 'unless', t], problems) && ok));
  });
  return ok;
}

function compiles(pattern: string, lexicons: Lexicons, path: (string | number)[], problems: ConfigProblem[]): boolean {
  try {
    compileTerm(pattern, lexicons);
    return true;
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    problems.push({ path, message: error.message });
    return false;
  }
}

/** Adds offsets to problems from the parse tree: the deepest node the path reaches. */
function locate(problems: ConfigProblem[], tree: Node | undefined): ConfigProblem[] {
  return problems.map((problem) => {
    if (problem.offset !== undefined || !tree) return problem;
    for (let length = problem.path.length; length >= 0; length--) {
      const node = findNodeAtLocation(tree, problem.path.slice(0, length));
      if (!node) continue;
      // Point at the property name for a property, at the value otherwise.
      const target = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
      return { ...problem, offset: target.offset, length: target.length };
    }
    return { ...problem, offset: 0, length: 1 };
  });
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((property) => [property.children?.[0]?.value as string, property.children?.[1] ? nodeValue(property.children[1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The JSON schema for editors, generated from the zod schema by the build. */
export function teamConfigJsonSchema(): object {
  return z.toJSONSchema(teamSchemas().TeamConfigSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });
}
