import { readRetro } from '../markdown/reader';
import { lineEndingOf, type TextEdit } from './textEdit';

/** Inserts `<!-- retro-health-disable-next-line ID -->` above the line, with its indentation. */
export function suppressNextLineEdit(source: string, line: number, symptom: string): TextEdit {
  const { text, lines } = readRetro(source);
  const eol = lineEndingOf(text);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { offset: lines.lineStarts[line] ?? text.length, length: 0, newText: `${indent}<!-- retro-health-disable-next-line ${symptom} -->${eol}` };
}

/** Inserts `<!-- retro-health-disable ID -->` at the top of the document, after any front matter. */
export function suppressInFileEdit(source: string, symptom: string): TextEdit {
  const document = readRetro(source);
  const eol = lineEndingOf(document.text);
  const offset = document.frontMatter.lineCount > 0 ? (document.lines.lineStarts[document.frontMatter.lineCount] ?? document.text.length) : 0;
  const atEnd = offset >= document.text.length && document.frontMatter.lineCount > 0 && !/(\r\n|\n|\r)$/.test(document.text);
  return { offset, length: 0, newText: `${atEnd ? eol : ''}<!-- retro-health-disable ${symptom} -->${eol}` };
}
