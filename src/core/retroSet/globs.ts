import picomatch from 'picomatch/posix';

/** Longer patterns are refused: a glob compiles to a regular expression, and a monster one could crawl. */
const MAX_PATTERN_LENGTH = 400;

/**
 * A matcher for workspace-relative paths (forward slashes), with VS Code's glob flavour: `**`,
 * `{a,b}`, dot files matched, case-sensitive. Patterns that are too long or do not compile are
 * left out (settings validation reports them).
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const key = patterns.join('\n');
  let matcher = compiled.get(key);
  if (!matcher) {
    // Settings rarely change: a handful of pattern lists are compiled once each.
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, (matcher = compile(patterns)));
  }
  return matcher;
}

const compiled = new Map<string, (path: string) => boolean>();
const MAX_COMPILED = 64;

function compile(patterns: readonly string[]): (path: string) => boolean {
  const usable = patterns.filter((pattern) => pattern.length > 0 && pattern.length <= MAX_PATTERN_LENGTH);
  const matchers = usable.flatMap((pattern) => {
    try {
      return [picomatch(pattern, { dot: true })];
    } catch {
      return [];
    }
  });
  return (path) => matchers.some((matches) => matches(path));
}

/**
 * VS Code's exclude rule: a path is excluded when a pattern matches it or one of its folders
 * (`**\/node_modules` excludes everything under any node_modules).
 */
export function excludeMatcher(patterns: readonly string[]): (path: string) => boolean {
  const matches = globMatcher(patterns);
  return (path) => {
    const parts = path.split('/');
    for (let end = 1; end <= parts.length; end++) if (matches(parts.slice(0, end).join('/'))) return true;
    return false;
  };
}
