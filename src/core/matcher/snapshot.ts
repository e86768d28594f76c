/**
 * The built-in catalog's compiled matcher as data. Compiling ~900 term automata runs cold in every
 * new process (~60–95 ms, most of it before the JIT warms up); the build compiles them once and
 * writes the result beside the bundles (`dist/catalog-snapshot.txt`, see esbuild.js), which Node
 * hosts hand to the core (src/host/catalogSnapshotFile.ts) and which loads in a few ms. Plain
 * JSON with tags for what JSON lacks: Maps, Sets, typed arrays, holes, and symptoms by id; the
 * matcher writes its state and each term as lines of their own (SymptomMatcher.snapshot).
 */
import type { Symptom } from '../catalog/schema';

/** Where the built-in snapshot comes from; none (compile at first use) in the web extension, the sources and watch builds. */
let snapshotSource: (() => string | undefined) | undefined;

/** A host registers how to read the built-in catalog's snapshot; it is asked once, by the first matcher for the built-in catalog. */
export function setSnapshotSource(source: (() => string | undefined) | undefined): void {
  snapshotSource = source;
}

/** The build's id of the snapshot file it wrote beside the bundles (esbuild `define`); absent in the sources and watch builds. */
declare const __CATALOG_SNAPSHOT_ID__: string | undefined;

export function builtSnapshotId(): string | undefined {
  return typeof __CATALOG_SNAPSHOT_ID__ === 'string' ? __CATALOG_SNAPSHOT_ID__ : undefined;
}

/**
 * The snapshot in a snapshot file's text (first line: the id of the build that wrote it), when that
 * is the build expected; a file from another build, or a bundle built without one, gives undefined.
 */
export function snapshotFromFile(text: string, expectedId: string | undefined): string | undefined {
  if (expectedId === undefined) return undefined;
  const newline = text.indexOf('\n');
  return newline !== -1 && text.slice(0, newline) === expectedId ? text.slice(newline + 1) : undefined;
}

/** The built-in catalog's snapshot from the registered source, if any (a source that fails means: compile). */
export function embeddedSnapshot(): string | undefined {
  try {
    return snapshotSource?.();
  } catch {
    return undefined;
  }
}

type Tagged = { $m: [unknown, unknown][] } | { $s: unknown[] } | { $i32: number[] } | { $u8: number[] } | { $symptom: string } | { $hole: 1 };

/** Encodes a value made of plain objects, arrays, Maps, Sets, Int32/Uint8 arrays and catalog symptoms. */
export function encodeSnapshot(value: unknown, symptoms: ReadonlySet<Symptom>): string {
  const encode = (item: unknown): unknown => {
    if (item === undefined) return { $hole: 1 };
    if (item === null || typeof item !== 'object') return item;
    if (symptoms.has(item as Symptom)) return { $symptom: (item as Symptom).id };
    if (item instanceof Map) return { $m: [...item].map(([key, entry]) => [encode(key), encode(entry)]) };
    if (item instanceof Set) return { $s: [...item].map(encode) };
    if (item instanceof Int32Array) return { $i32: [...item] };
    if (item instanceof Uint8Array) return { $u8: [...item] };
    if (Array.isArray(item)) return Array.from(item, encode);
    return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, encode(entry)]));
  };
  return asciiJson(JSON.stringify(encode(value)));
}

/**
 * JSON text with every non-ASCII character escaped (\uXXXX, a surrogate pair as two), which parses
 * to the same value: one "→" in the catalog made the whole ~850 KB snapshot a two-byte string,
 * decoded from UTF-8 on the slow path (~7 ms of every CLI start) and twice the memory.
 */
function asciiJson(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function decodeSnapshot(text: string, symptomById: ReadonlyMap<string, Symptom>): unknown {
  const decode = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') return item;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) item[i] = decode(item[i]);
      return item;
    }
    const tagged = item as Tagged;
    if ('$hole' in tagged) return undefined;
    if ('$symptom' in tagged) {
      const symptom = symptomById.get(tagged.$symptom);
      if (!symptom) throw new Error(`matcher snapshot: unknown symptom ${tagged.$symptom}`);
      return symptom;
    }
    if ('$m' in tagged) return new Map(tagged.$m.map(([key, entry]) => [decode(key), decode(entry)]));
    if ('$s' in tagged) return new Set(tagged.$s.map(decode));
    if ('$i32' in tagged) return Int32Array.from(tagged.$i32);
    if ('$u8' in tagged) return Uint8Array.from(tagged.$u8);
    const object = item as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = decode(object[key]);
    return object;
  };
  return decode(JSON.parse(text));
}
