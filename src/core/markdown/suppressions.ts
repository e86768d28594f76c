import type { LineIndex } from './positions';

/** `<!-- retro-health-disable ID… -->` for the file, `<!-- retro-health-disable-next-line ID… -->` for one line. */
export interface Suppressions {
  /** Symptom ids disabled in the whole file; '*' means all. */
  file: Set<string>;
  /** 0-based line -> symptom ids disabled on it ('*' for all). */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /<!--\s*retro-health-disable(-next-line)?((?:\s+[\w-]+)*)\s*-->/g;

export function readSuppressions(lines: LineIndex, ignoredLines: Set<number>): Suppressions {
  const suppressions: Suppressions = { file: new Set(), lines: new Map() };
  if (!lines.text.includes('retro-health-disable')) return suppressions;
  for (let line = 0; line < lines.lineCount; line++) {
    if (ignoredLines.has(line)) continue;
    const content = lines.lineText(line);
    if (!content.includes('retro-health-disable')) continue;
    // A directive shown in inline code is documentation, not a directive.
    for (const match of withoutCodeSpans(content).matchAll(DIRECTIVE)) {
      const ids = (match[2] ?? '').trim().split(/\s+/).filter(Boolean);
      const target = match[1] ? suppressionsFor(suppressions.lines, line + 1) : suppressions.file;
      for (const id of ids.length ? ids : ['*']) target.add(id);
    }
  }
  return suppressions;
}

function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}

function suppressionsFor(byLine: Map<number, Set<string>>, line: number): Set<string> {
  let ids = byLine.get(line);
  if (!ids) byLine.set(line, (ids = new Set()));
  return ids;
}

export function isSuppressed(suppressions: Suppressions, symptom: string, line: number): boolean {
  const lineIds = suppressions.lines.get(line);
  return (
    suppressions.file.has('*') ||
    suppressions.file.has(symptom) ||
    (lineIds !== undefined && (lineIds.has('*') || lineIds.has(symptom)))
  );
}
