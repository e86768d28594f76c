import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Keeps what users read in step with what the manifest contributes: the README's Commands
 * and Settings tables, the localized strings in package.nls.json, the icon, the categories
 * and the changelog.
 */

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface Property {
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}
interface Manifest {
  version: string;
  icon?: string;
  categories?: string[];
  contributes: { commands: Command[]; configuration: { title?: string; properties: Record<string, Property> } };
}

const ROOT = resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(resolve(ROOT, file), 'utf8');
const manifestText = read('package.json');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const readme = read('README.md');

/** "%key%" -> its string in package.nls.json; any other string as it is. */
function localized(value: string | undefined): string | undefined {
  const key = /^%(.+)%$/.exec(value ?? '')?.[1];
  return key === undefined ? value : nls[key];
}

/** The first table after the heading `title` (any level): its body rows as cells. */
export function tableAfter(markdown: string, title: string): string[][] {
  const lines = markdown.split(/\r?\n/);
  const heading = lines.findIndex((line) => new RegExp(`^#{1,6}\\s+${title}\\s*$`).test(line));
  assert.ok(heading >= 0, `README has no "${title}" heading`);
  let start = heading + 1;
  while (start < lines.length && !lines[start]!.startsWith('|')) {
    assert.ok(!/^#{1,6}\s/.test(lines[start]!), `no table under the README's "${title}" heading`);
    start++;
  }
  const rows: string[][] = [];
  for (let i = start; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(splitRow(lines[i]!));
  assert.ok(rows.length >= 2 && rows[1]!.every((cell) => /^:?-+:?$/.test(cell)), `the "${title}" table has no header row`);
  return rows.slice(2);
}

/** Cells of `| a | b \| c |`, trimmed; `\|` is a pipe inside a cell. */
export function splitRow(line: string): string[] {
  const cells = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** The contents of `code` spans in a cell. */
function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/**
 * How a default must appear in its Settings row: each value as JSON in a code span, so
 * strings keep their quotes and `1024`, `true`, `[]` are literal. The exception is a
 * non-empty array default (the long glob lists of `retroHealth.files`): written whole it
 * would be unreadable in a table, so each element appears as its own JSON code span, in order.
 */
export function expectedDefaultSpans(value: unknown): string[] {
  if (Array.isArray(value) && value.length > 0) return value.map((item) => JSON.stringify(item));
  return [JSON.stringify(value)];
}

export function showsDefault(cell: string, value: unknown): boolean {
  const spans = codeSpans(cell);
  const expected = expectedDefaultSpans(value);
  return spans.length === expected.length && expected.every((span, i) => spans[i] === span);
}

/** Width and height from a PNG's IHDR chunk, or undefined when it is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('the manifest and the README', () => {
  describe('Commands table', () => {
    const rows = tableAfter(readme, 'Commands');
    const byId = new Map(rows.map((row) => [codeSpans(row[1] ?? '')[0], row]));

    it('lists every contributed command', () => {
      const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !byId.has(id));
      assert.deepEqual(missing, [], 'commands contributed in package.json but missing from the README Commands table');
    });

    it('lists no command the manifest does not contribute', () => {
      const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
      const extra = [...byId.keys()].filter((id) => id === undefined || !contributed.has(id));
      assert.deepEqual(extra, [], 'README Commands rows without a contributed command (the id goes in the second column as `code`)');
      assert.equal(rows.length, byId.size, 'a command is listed twice');
    });

    it('shows each command as the palette does ("Category: Title") and says what it does', () => {
      for (const command of manifest.contributes.commands) {
        const row = byId.get(command.command);
        if (!row) continue; // reported above
        const title = localized(command.title);
        const category = localized(command.category);
        const shown = category ? `${category}: ${title}` : title;
        assert.equal(row[0]?.replace(/[*_`]/g, ''), shown, `the README title of ${command.command}`);
        assert.ok((row[2] ?? '').length > 10, `the README says what ${command.command} does`);
      }
    });
  });

  describe('Settings table', () => {
    const rows = tableAfter(readme, 'Settings');
    const byName = new Map(rows.map((row) => [codeSpans(row[0] ?? '')[0], row]));
    const properties = manifest.contributes.configuration.properties;

    it('lists every configuration property', () => {
      const missing = Object.keys(properties).filter((name) => !byName.has(name));
      assert.deepEqual(missing, [], 'settings contributed in package.json but missing from the README Settings table');
    });

    it('lists no setting the manifest does not contribute', () => {
      const extra = [...byName.keys()].filter((name) => name === undefined || !(name in properties));
      assert.deepEqual(extra, [], 'README Settings rows without a contributed setting');
      assert.equal(rows.length, byName.size, 'a setting is listed twice');
    });

    it('shows each default as in package.json', () => {
      for (const [name, property] of Object.entries(properties)) {
        const row = byName.get(name);
        if (!row) continue; // reported above
        assert.ok('default' in property, `${name} has a default in package.json`);
        assert.ok(showsDefault(row[1] ?? '', property.default), `README default of ${name} is "${row[1]}", expected ${expectedDefaultSpans(property.default).map((s) => `\`${s}\``).join(', ')}`);
      }
    });
  });
});

describe('the localized manifest strings', () => {
  const keys = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]!);

  it('are all in package.nls.json', () => {
    assert.ok(keys.length > 0, 'package.json uses no %key% strings');
    assert.deepEqual(keys.filter((key) => typeof nls[key] !== 'string' || nls[key] === ''), []);
  });

  it('leave no key of package.nls.json unused', () => {
    const used = new Set(keys);
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('cover every user-facing string of the manifest', () => {
    const literal: string[] = [];
    const check = (where: string, value: string | undefined): void => {
      if (value !== undefined && !/^%.+%$/.test(value)) literal.push(where);
    };
    const raw = manifest as unknown as { displayName?: string; description?: string };
    check('displayName', raw.displayName);
    check('description', raw.description);
    for (const command of manifest.contributes.commands) {
      check(`${command.command} title`, command.title);
      check(`${command.command} category`, command.category);
    }
    check('configuration title', manifest.contributes.configuration.title);
    for (const [name, property] of Object.entries(manifest.contributes.configuration.properties)) {
      check(`${name} description`, property.description);
      check(`${name} markdownDescription`, property.markdownDescription);
    }
    assert.deepEqual(literal, [], 'user-facing strings written in package.json instead of package.nls.json');
  });
});

describe('the marketplace listing', () => {
  it('has a 128×128 PNG icon', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const size = pngSize(readFileSync(resolve(ROOT, manifest.icon)));
    assert.deepEqual(size, { width: 128, height: 128 });
  });

  it('is in the Linters and Visualization categories', () => {
    for (const category of ['Linters', 'Visualization']) assert.ok(manifest.categories?.includes(category), `categories include ${category}`);
  });

  it('has a CHANGELOG entry for the current version', () => {
    const escaped = manifest.version.replace(/\./g, '\\.');
    assert.match(read('CHANGELOG.md'), new RegExp(`^##\\s+\\[?v?${escaped}\\]?(\\s|$)`, 'm'), `CHANGELOG.md has no "## ${manifest.version}" entry`);
  });
});

describe('the README table helpers', () => {
  it('find defaults only as exact JSON code spans', () => {
    assert.ok(showsDefault('`1024`', 1024));
    assert.ok(!showsDefault('`1023`', 1024));
    assert.ok(showsDefault('`"warning"`', 'warning'));
    assert.ok(!showsDefault('warning', 'warning'));
    assert.ok(showsDefault('`[]`', []));
    assert.ok(showsDefault('`"a"`, `"b"`', ['a', 'b']));
    assert.ok(!showsDefault('`"a"`', ['a', 'b']));
    assert.ok(!showsDefault('`"b"`, `"a"`', ['a', 'b']));
  });

  it('split rows on unescaped pipes and read IHDR sizes', () => {
    assert.deepEqual(splitRow('| `a\\|b` | c |'), ['`a|b`', 'c']);
    assert.equal(pngSize(Buffer.from('not a png at all, not a png at all')), undefined);
  });

  it('fail when the heading or table is missing', () => {
    assert.throws(() => tableAfter('# Other\n\n| a |\n|---|\n| b |\n', 'Commands'));
    assert.throws(() => tableAfter('### Commands\n\ntext\n\n### Next\n\n| a |\n|---|\n', 'Commands'));
    assert.deepEqual(tableAfter('### Commands\n\n| a | b |\n|---|---|\n| `x` | y |\n', 'Commands'), [['`x`', 'y']]);
  });
});
