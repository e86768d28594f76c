// Sizes of what ships: the bundles in dist/ and the VSIX, with a check that they are what they claim to be.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';

export interface BundleSize {
  label: string;
  file: string;
  bytes: number | null;
  gzipBytes: number | null;
  /** Why the figure is missing or not the one to judge, when it is. */
  note: string | null;
  /** Whether the figure can be judged against a target (present, production build, fresh). */
  judgeable: boolean;
}

/** A minified production bundle from esbuild.js has no source map; a development build links one. */
function isDevelopmentBuild(text: string): boolean {
  return /\/\/# sourceMappingURL=\S+\s*$/.test(text.slice(-300));
}

export function bundleSize(root: string, label: string, file: string, ifMissing: string): BundleSize {
  const path = join(root, file);
  if (!existsSync(path)) return { label, file, bytes: null, gzipBytes: null, note: ifMissing, judgeable: false };
  const data = readFileSync(path);
  const dev = isDevelopmentBuild(data.toString('latin1'));
  return {
    label,
    file,
    bytes: data.length,
    gzipBytes: gzipSync(data, { level: 9 }).length,
    note: dev ? 'development build (not minified): run npm run build:production' : null,
    judgeable: !dev,
  };
}

interface ZipEntry {
  name: string;
  size: number;
  crc: number;
}

/** The entries of a zip's central directory (enough of the format for a VSIX; no zip64). */
export function zipEntries(data: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const crc = data.readUInt32LE(offset + 16);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    entries.push({ name: data.toString('utf8', offset + 46, offset + 46 + nameLength), size, crc });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The VSIX, if built, and whether the bundles inside it are the ones in dist/ now. */
export function vsixSize(root: string, file: string): BundleSize {
  const label = 'VSIX';
  const path = join(root, file);
  if (!existsSync(path)) return { label, file, bytes: null, gzipBytes: null, note: `not built: run npm run package (writes ${file})`, judgeable: false };
  const data = readFileSync(path);
  let note: string | null = null;
  try {
    const entries = zipEntries(data);
    const stale = ['dist/extension.js', 'dist/core.js', 'dist/web/extension.js', 'dist/cli.js', 'dist/webview.js'].filter((bundle) => {
      const inside = entries.find((entry) => entry.name === `extension/${bundle}`);
      const local = join(root, bundle);
      if (!existsSync(local)) return false;
      if (!inside) return true;
      const bytes = readFileSync(local);
      return inside.size !== bytes.length || inside.crc !== crc32(bytes) >>> 0;
    });
    if (stale.length > 0) note = `built ${statSync(path).mtime.toISOString().slice(0, 16).replace('T', ' ')} from other bundles than dist/ now (${stale.join(', ')}): rebuild with npm run package`;
    else note = `${entries.length} files`;
  } catch (error) {
    note = `unreadable: ${(error as Error).message}`;
  }
  // Judge it even when stale (it is the file that would be published), but say so.
  return { label, file, bytes: data.length, gzipBytes: null, note, judgeable: true };
}
