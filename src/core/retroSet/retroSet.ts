import { readFrontMatter } from '../markdown/frontMatter';
import { compare } from '../report/build';
import { placeRetros, type Placement } from '../report/teams';
import { membershipOf, type Membership } from './recognise';
import type { RetroWorkspace, WorkspaceFile } from './workspace';

/** A retro of the workspace: which file, why it counts, its team and date. */
export interface RetroMember {
  file: WorkspaceFile;
  text: string;
  by: Extract<Membership, { retro: true }>['by'];
  placement: Placement;
}

/** A markdown file that is not treated as a retro, and whether it looks like one. */
export interface NotARetro {
  file: WorkspaceFile;
  text: string;
  membership: Extract<Membership, { retro: false }>;
}

export interface Candidate {
  file: WorkspaceFile;
  text: string;
  matchesGlobs: boolean;
}

/** Teams are one team whatever the capitalisation (Growth-Ops, growth-ops). */
export function teamKey(team: string | null): string | null {
  return team === null ? null : team.trim().toLowerCase();
}

/**
 * The one answer to "which markdown files are retros, whose, and in what order": membership
 * (`membershipOf`), team and date (`placeRetros`, over the whole set, so a file's team never
 * depends on which other files were asked about), and each team's history.
 */
export class RetroSet {
  readonly retros: readonly RetroMember[];
  readonly others: readonly NotARetro[];
  private readonly byPath = new Map<string, RetroMember>();
  private readonly othersByPath = new Map<string, NotARetro>();

  constructor(candidates: readonly Candidate[]) {
    const sorted = [...candidates].sort((a, b) => compare(a.file.path, b.file.path));
    const members: Omit<RetroMember, 'placement'>[] = [];
    const others: NotARetro[] = [];
    for (const { file, text, matchesGlobs } of sorted) {
      const membership = membershipOf({ path: file.path, text, matchesGlobs });
      if (membership.retro) members.push({ file, text, by: membership.by });
      else others.push({ file, text, membership });
    }
    const placements = placeRetros(
      members.map(({ file, text }) => {
        const { fields } = readFrontMatter(text.replace(/^\uFEFF/, ''));
        return { file: file.inFolder ?? file.path, frontMatterTeam: fields.team?.trim() || null, frontMatterDate: fields.date };
      }),
    );
    this.retros = members.map((member, index) => ({ ...member, placement: placements[index] as Placement }));
    this.others = others;
    for (const retro of this.retros) this.byPath.set(retro.file.path, retro);
    for (const other of others) this.othersByPath.set(other.file.path, other);
  }

  member(path: string): RetroMember | undefined {
    return this.byPath.get(path);
  }

  /** The text of any markdown file the set read, retro or not. */
  textOf(path: string): string | undefined {
    return this.byPath.get(path)?.text ?? this.othersByPath.get(path)?.text;
  }

  /** The team's retros, oldest first (dated ones by date, then path; undated ones last). */
  teamRetros(team: string | null): RetroMember[] {
    const key = teamKey(team);
    if (key === null) return [];
    return this.retros.filter((retro) => teamKey(retro.placement.team) === key).sort(byDateThenPath);
  }

  /** The dated retros of the same team before this one, oldest first; none for an undated or team-less retro. */
  earlierOf(path: string): RetroMember[] {
    const target = this.byPath.get(path);
    const date = target?.placement.date;
    if (!target || !date) return [];
    return this.teamRetros(target.placement.team).filter((retro) => retro !== target && retro.placement.date !== null && retro.placement.date < date);
  }

  /** Team names as the report shows them, each once (case-insensitively), sorted. */
  teams(): string[] {
    const names = new Map<string, string>();
    for (const retro of this.retros) {
      const key = teamKey(retro.placement.team);
      if (key !== null && !names.has(key)) names.set(key, retro.placement.team as string);
    }
    return [...names.values()].sort(compare);
  }
}

/** A file's team and date on its own, outside any retro set (no siblings to learn a file-name team from). */
export function lonePlacement(path: string, text: string): Placement {
  const { fields } = readFrontMatter(text.replace(/^\uFEFF/, ''));
  return placeRetros([{ file: path, frontMatterTeam: fields.team?.trim() || null, frontMatterDate: fields.date }])[0] as Placement;
}

function byDateThenPath(a: RetroMember, b: RetroMember): number {
  return compare(a.placement.date ?? '~', b.placement.date ?? '~') || compare(a.file.path, b.file.path);
}

export interface CollectOptions {
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  /** Files read at once. */
  concurrency?: number;
}

/** A file the set could not read, and why. */
export interface UnreadFile {
  file: WorkspaceFile;
  message: string;
}

/**
 * Reads every markdown file of the workspace and builds its retro set. Undefined when
 * cancelled. Unreadable files (too large, binary, gone) are listed, never fatal.
 */
export async function collectRetroSet(workspace: RetroWorkspace, options: CollectOptions = {}): Promise<{ set: RetroSet; unread: UnreadFile[]; files: WorkspaceFile[] } | undefined> {
  const files = await workspace.markdownFiles();
  const candidates: (Candidate | undefined)[] = new Array(files.length);
  const unread: UnreadFile[] = [];
  let next = 0;
  let done = 0;
  const cancelled = () => options.isCancelled?.() === true;
  const worker = async () => {
    while (next < files.length && !cancelled()) {
      const index = next++;
      const file = files[index] as WorkspaceFile;
      const read = await workspace.read(file);
      if (read.ok) candidates[index] = { file, text: read.text, matchesGlobs: workspace.matchesRetroGlobs(file) };
      else unread.push({ file, message: read.message });
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  if (cancelled()) return undefined;
  unread.sort((a, b) => compare(a.file.path, b.file.path));
  return { set: new RetroSet(candidates.filter((candidate): candidate is Candidate => candidate !== undefined)), unread, files };
}
