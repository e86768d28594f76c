import type { Position } from '../types';

/**
 * Offsets of the first character of every line. Like VS Code (and markdown-it), a line ends
 * at "\r\n", "\n" or a lone "\r".
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Most texts have no \r: indexOf finds each \n natively (a keystroke re-indexes the whole retro).
  if (text.indexOf('\r') === -1) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i += 1;
      starts.push(i + 1);
    }
  }
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
    const start = this.lineStarts[low] as number;
    // An offset inside the line break belongs at the end of the line, as in VS Code.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - start };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[position.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return end;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line];
    return start === undefined ? '' : this.text.slice(start, this.lineEnd(line));
  }
}
