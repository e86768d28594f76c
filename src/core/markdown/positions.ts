import type { Position } from '../types';

/** Offsets of the first character of every line; a line ends at '\n' (a preceding '\r' stays on the line). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export class LineIndex {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    this.lineStarts = computeLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line and UTF-16 column of an offset, exactly as VS Code's TextDocument.positionAt. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] as number) };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[position.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  /** Offset just past the line's content, before its '\r\n' or '\n'. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 && next !== undefined) end -= 1;
    return end;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line];
    return start === undefined ? '' : this.text.slice(start, this.lineEnd(line));
  }
}
