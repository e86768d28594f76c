import { readFrontMatter } from '../markdown/frontMatter';
import { lineEndingOf, type TextEdit } from './textEdit';

const RETRO_FIELD = /^retro[ \t]*:.*$/im;

/**
 * Makes a markdown file a retro by its front matter: `retro: true` replaces an existing `retro:`
 * line, else joins the existing front matter as its first field, else a new front matter block
 * opens the file. Offsets exclude a BOM, line endings follow the document.
 */
export function retroFlagEdit(source: string): TextEdit {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const eol = lineEndingOf(text);
  const frontMatter = readFrontMatter(text);
  if (frontMatter.lineCount === 0) return { offset: 0, length: 0, newText: `---${eol}retro: true${eol}---${eol}` };
  const block = text.slice(0, frontMatter.endOffset);
  const existing = RETRO_FIELD.exec(block);
  if (existing) return { offset: existing.index, length: existing[0].replace(/\r$/, '').length, newText: 'retro: true' };
  const afterFence = block.indexOf('\n') + 1;
  return { offset: afterFence, length: 0, newText: `retro: true${eol}` };
}
