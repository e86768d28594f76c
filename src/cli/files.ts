import { readdirSync, statSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { posix } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export interface FileProblem {
  file: string;
  message: string;
}

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** Expands the command line's files, directories (searched for markdown) and globs, in a stable order. */
export function discoverFiles(inputs: readonly string[]): { files: string[]; problems: FileProblem[] } {
  const files = new Set<string>();
  const problems: FileProblem[] = [];
  for (const raw of inputs) {
    const input = raw.replace(/\\/g, '/');
    const stats = statOrNull(input);
    if (stats?.isDirectory()) {
      for (const file of walkMarkdown(input)) files.add(file);
    } else if (stats) {
      files.add(input);
    } else if (isDynamicPattern(input)) {
      const matches = globSync(input, { ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false }).sort();
      if (matches.length === 0) problems.push({ file: input, message: 'no files match this pattern' });
      for (const match of matches) files.add(match);
    } else {
      problems.push({ file: input, message: 'no such file or directory' });
    }
  }
  return { files: [...files], problems };
}

function walkMarkdown(directory: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = posix.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) found.push(...walkMarkdown(path));
    } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const BINARY_SNIFF_BYTES = 8192;

/** One decoder for every file: a whole-buffer decode() keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a text file, refusing (quickly, before reading it all) what is too large, binary or not UTF-8. */
export function readTextFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, message: 'is a directory' };
    if (stats.size > maxBytes) {
      return { ok: false, message: `too large to analyse (${formatSize(stats.size)}; the limit is ${formatSize(maxBytes)}, see --max-file-size-kb)` };
    }
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const count = readSync(fd, buffer, read, stats.size - read, read);
      if (count === 0) break;
      read += count;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, message: 'looks like a binary file (it contains NUL bytes), not markdown' };
    try {
      return { ok: true, text: UTF8.decode(bytes) };
    } catch {
      return { ok: false, message: `is not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
    }
  } finally {
    closeSync(fd);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Offset of the first byte that starts an invalid or truncated UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    // Overlong forms and surrogates are the remaining invalid cases.
    const second = bytes[i + 1] as number;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
