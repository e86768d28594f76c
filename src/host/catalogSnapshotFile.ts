// Node hosts (the CLI and the extension's core bundle) read the built-in catalog's compiled snapshot
// that the build writes beside the bundles (esbuild.js), instead of compiling ~900 automata cold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setSnapshotSource } from '../core/matcher/snapshot';

export const CATALOG_SNAPSHOT_FILE = 'catalog-snapshot.txt';

/** The build's id of the snapshot it wrote with this bundle (esbuild `define`); undefined in the sources and watch builds. */
declare const __CATALOG_SNAPSHOT_ID__: string | undefined;

/**
 * The file's first line is the id of the build that wrote it; the rest is the snapshot. A file from
 * another build (or none, or a bundle built without one) is not used: the catalog is compiled.
 */
export function readCatalogSnapshot(file: string, expectedId: string | undefined): string | undefined {
  if (expectedId === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  return newline !== -1 && text.slice(0, newline) === expectedId ? text.slice(newline + 1) : undefined;
}

/** Registers dist/catalog-snapshot.txt beside this bundle as the core's built-in snapshot, read once on first use. */
export function useShippedCatalogSnapshot(): void {
  const expectedId = typeof __CATALOG_SNAPSHOT_ID__ === 'string' ? __CATALOG_SNAPSHOT_ID__ : undefined;
  let read: { snapshot: string | undefined } | undefined;
  setSnapshotSource(() => (read ??= { snapshot: readCatalogSnapshot(join(__dirname, CATALOG_SNAPSHOT_FILE), expectedId) }).snapshot);
}
