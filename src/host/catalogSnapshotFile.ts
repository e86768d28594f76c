// Node hosts (the CLI and the extension's core bundle) read the built-in catalog's compiled snapshot
// that the build writes beside the bundles (esbuild.js), instead of compiling ~900 automata cold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSnapshotId, setSnapshotSource, snapshotFromFile } from '../core/matcher/snapshot';

export const CATALOG_SNAPSHOT_FILE = 'catalog-snapshot.txt';

/** The snapshot in the file when the build expected wrote it; a missing file, another build's, or none expected: undefined (the catalog is compiled). */
export function readCatalogSnapshot(file: string, expectedId: string | undefined): string | undefined {
  if (expectedId === undefined) return undefined;
  try {
    return snapshotFromFile(readFileSync(file, 'utf8'), expectedId);
  } catch {
    return undefined;
  }
}

/** Registers dist/catalog-snapshot.txt beside this bundle as the core's built-in snapshot, read once on first use. */
export function useShippedCatalogSnapshot(): void {
  let read: { snapshot: string | undefined } | undefined;
  setSnapshotSource(() => (read ??= { snapshot: readCatalogSnapshot(join(__dirname, CATALOG_SNAPSHOT_FILE), builtSnapshotId()) }).snapshot);
}
