/**
 * Stands in for `entities` in the bundles. markdown-it decodes character references only in
 * link destinations, titles and fence info strings, and the reader uses none of those: it reads
 * block structure and reference labels (which are never decoded). The real decoder builds large
 * tables when loaded (~3 ms of every start, tens of KB); this one decodes numeric references and
 * the five XML entities and leaves any other reference as written.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeHTMLStrict(text: string): string {
  const numeric = /^&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));$/.exec(text);
  if (numeric) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  }
  const named = /^&([a-z]+);$/.exec(text);
  return (named && NAMED[named[1] as string]) ?? text;
}
