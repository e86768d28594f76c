// Plain-text tables for the bench report: padded columns, numbers right-aligned.

export type Align = 'left' | 'right';

/** Terminal width of a string: counts code points, so `×`, `≥` and `—` take one column. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string {
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] as number, align[column] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((size) => '─'.repeat(size)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Bytes as B, KB or MB, whichever reads best. */
export function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? kb(bytes) : mb(bytes);
}
