/** A replacement in document text (offsets exclude a BOM, as VS Code's document text does). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
}

/** The document's own line ending, so inserted lines match it ("\n" for a one-line file). */
export function lineEndingOf(text: string): '\r\n' | '\n' | '\r' {
  const match = /\r\n|\n|\r/.exec(text);
  return (match?.[0] as '\r\n' | '\n' | '\r' | undefined) ?? '\n';
}
