import { dateFromFileName, parseIsoDate } from '../markdown/frontMatter';
import type { DateSource, TeamSource } from './types';

/** What team and date inference needs to know about one retro. */
export interface PlacementInput {
  file: string;
  frontMatterTeam: string | null;
  frontMatterDate: string | undefined;
}

export interface Placement {
  team: string | null;
  teamSource: TeamSource;
  /** YYYY-MM-DD, or YYYY-MM / YYYY from a dated folder. */
  date: string | null;
  dateSource: DateSource | null;
}

/** Words that describe the meeting, not the team: dropped from file names before they can name one. */
const MEETING_WORDS = new Set([
  'retro', 'retros', 'retrospective', 'retrospectives', 'sprint', 'sprints', 'pi', 'iteration', 'iterations', 'iter',
  'team', 'squad', 'notes', 'meeting',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Folders that hold retros without naming a team; the team is looked for further up. */
const GENERIC_FOLDER = /^(retros?|retrospectives?|docs?|documentation|notes|meetings?|teams?|sprints?|archive)$/i;
/** Folders that only file retros by period: 2026, 2026-03, 2026-03-14, 03 (under 2026/), 2026-Q1. */
const PERIOD_FOLDER = /^(\d{4}([-_.]\d{1,2}){0,2}|\d{1,2}|\d{4}[-_ ]?[qQhH]\d)$/;

/**
 * The team a file name speaks of, once the date, meeting words and numbers are gone
 * (`2026-03-14-payments-sprint-42.md` → payments); null when nothing is left.
 */
export function teamFromFileName(file: string): string | null {
  const base = (file.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  const words = base
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .split(/[-_.\s]+/)
    .filter((word) => word !== '' && !isMeetingWord(word));
  return words.length ? words.join('-') : null;
}

function isMeetingWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (MEETING_WORDS.has(lower) || /^\d+$/.test(lower)) return true;
  // A numbered word (s42, pi3, q1, sprint42, v2) is a meeting or period number.
  if (/\d/.test(lower)) {
    const letters = lower.replace(/\d+/g, '');
    return letters.length <= 2 || MEETING_WORDS.has(letters);
  }
  return false;
}

/** The folders of a path, innermost first. */
function foldersOf(file: string): string[] {
  return file.split('/').slice(0, -1).filter((folder) => folder !== '' && folder !== '.').reverse();
}

/** The nearest folder that names a team, skipping period folders and generic ones (retros/, docs/…). */
export function teamFromFolder(file: string): string | null {
  for (const folder of foldersOf(file)) {
    if (folder === '..' || PERIOD_FOLDER.test(folder) || parseIsoDate(folder) !== null || GENERIC_FOLDER.test(folder)) continue;
    return folder;
  }
  return null;
}

/** The period a dated folder files a retro under: 2026-03-14/, 2026-03/, 2026/03/, 2026/ (innermost wins). */
export function dateFromFolders(file: string): string | null {
  const folders = foldersOf(file);
  for (let index = 0; index < folders.length; index++) {
    const folder = folders[index] as string;
    const parent = folders[index + 1];
    const day = parseIsoDate(folder);
    if (day) return day;
    const month = /^(\d{4})-(\d{2})$/.exec(folder);
    if (month && validMonth(month[2] as string)) return folder;
    if (/^\d{2}$/.test(folder) && parent !== undefined && /^\d{4}$/.test(parent) && validMonth(folder)) return `${parent}-${folder}`;
    if (/^\d{4}$/.test(folder)) return folder;
  }
  return null;
}

function validMonth(month: string): boolean {
  const value = Number(month);
  return value >= 1 && value <= 12;
}

/**
 * Team and date for every retro. Team: front matter `team`; else the name left in the file
 * name, but only where no folder names a team (the files sit at the root, or in generic or
 * dated folders: retros/, docs/, 2026-03/) and the files of that folder carry several
 * distinct names, so a team folder's `…-kickoff.md` and a lone `…-planning.md` are not
 * taken for teams; else the nearest folder that names one. Date: front matter, else a date
 * in the file name, else a dated folder.
 */
export function placeRetros(inputs: readonly PlacementInput[]): Placement[] {
  const namesByFolder = new Map<string, Set<string>>();
  const fileNames = inputs.map((input) => {
    const name = teamFromFileName(input.file);
    const folder = input.file.slice(0, Math.max(0, input.file.lastIndexOf('/')));
    let names = namesByFolder.get(folder);
    if (!names) namesByFolder.set(folder, (names = new Set()));
    if (name !== null) names.add(name.toLowerCase());
    return { name, folder };
  });
  return inputs.map((input, index) => {
    const { name, folder } = fileNames[index] as { name: string | null; folder: string };
    let team: string | null = input.frontMatterTeam?.trim() || null;
    let teamSource: TeamSource = 'front-matter';
    const fromFolder = team === null ? teamFromFolder(input.file) : null;
    if (team === null && fromFolder === null && name !== null && (namesByFolder.get(folder)?.size ?? 0) >= 2) {
      team = name;
      teamSource = 'file-name';
    }
    if (team === null) {
      team = fromFolder;
      teamSource = team === null ? 'none' : 'folder';
    }
    const fromFrontMatter = parseIsoDate(input.frontMatterDate);
    const fromFileName = fromFrontMatter ? null : dateFromFileName(input.file);
    const fromFolders = fromFrontMatter || fromFileName ? null : dateFromFolders(input.file);
    const date = fromFrontMatter ?? fromFileName ?? fromFolders;
    const dateSource: DateSource | null = fromFrontMatter ? 'front-matter' : fromFileName ? 'file-name' : fromFolders ? 'folder' : null;
    return { team, teamSource, date, dateSource };
  });
}
