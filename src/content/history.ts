/**
 * Who wrote each page, from the repository history: one `git log` over the
 * content folders per build, read into a map of file → contributors.
 * Names come from the commits (through .mailmap when there is one), never
 * from a file someone types them into; e-mail addresses are not kept.
 *
 * An edition's page is a copy of its docs/ file made when the edition was
 * cut, so its contributors are the people who wrote the docs/ file up to
 * that commit plus anyone who corrected the edition's copy afterwards; the
 * person who ran the cut is not an author of the text.
 *
 * A build without the full history (no git, a folder outside a repository,
 * or a shallow clone such as CI's default checkout) would name the wrong
 * people or only the last committer, so the history is then reported as
 * unavailable instead.
 */
import { spawnSync } from 'node:child_process';

export interface ContentHistory {
  /** Why contributors cannot be named; undefined when the history was read. */
  readonly unavailable?: string;
  /** Contributors of a content file (a path relative to the site folder), in order of first contribution. */
  contributors(file: string): readonly string[];
}

/** Bots commit (dependency updates, formatting) but do not write pages. */
const BOT = /\[bot\]$|^dependabot|^github-actions|^renovate/i;
const RECORD = '\x1e';
const FIELD = '\x1f';

function git(siteDir: string, args: string[]): { ok: boolean; out: string; missing: boolean } {
  const result = spawnSync('git', args, { cwd: siteDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ok: result.status === 0, out: result.stdout ?? '', missing: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' };
}

const unavailable = (reason: string): ContentHistory => ({ unavailable: reason, contributors: () => [] });

interface Commit {
  readonly author: string;
  readonly files: readonly string[];
}

/** Parses `git log --format=<RS>%aN --name-only` output, newest commit first. */
export function parseLog(output: string): Commit[] {
  return output
    .split(RECORD)
    .filter((record) => record.trim())
    .map((record) => {
      const [head = '', ...files] = record.split('\n');
      return { author: head.split(FIELD)[0]!.trim(), files: files.map((f) => f.trim()).filter(Boolean) };
    });
}

/** Contributors by file from parsed commits (newest first), with editions credited to their docs/ authors. */
export function historyFromCommits(commits: readonly Commit[]): ContentHistory {
  // Index 0 is the newest commit; a larger index is older.
  const touches = new Map<string, number[]>();
  commits.forEach((commit, index) => {
    for (const file of commit.files) touches.set(file, [...(touches.get(file) ?? []), index]);
  });
  // The commit that cut an edition is the oldest one touching its folder.
  const cutAt = new Map<string, number>();
  for (const [file, indexes] of touches) {
    const edition = /^versioned_docs\/(version-[^/]+)\//.exec(file)?.[1];
    if (edition) cutAt.set(edition, Math.max(cutAt.get(edition) ?? -1, ...indexes));
  }
  const names = (indexes: readonly number[]) => {
    const ordered = [...indexes].sort((a, b) => b - a).map((index) => commits[index]!.author);
    return [...new Set(ordered.filter((name) => name && !BOT.test(name)))];
  };
  return {
    contributors(file: string) {
      const path = file.split('\\').join('/');
      const edition = /^versioned_docs\/(version-[^/]+)\/(.+)$/.exec(path);
      if (!edition) return names(touches.get(path) ?? []);
      const cut = cutAt.get(edition[1]!) ?? Number.MAX_SAFE_INTEGER;
      const written = (touches.get(`docs/${edition[2]}`) ?? []).filter((index) => index >= cut);
      const corrected = (touches.get(path) ?? []).filter((index) => index < cut);
      return names([...written, ...corrected]);
    },
  };
}

export function readHistory(siteDir: string): ContentHistory {
  const shallow = git(siteDir, ['rev-parse', '--is-shallow-repository']);
  if (shallow.missing) return unavailable('git is not installed where the site was built');
  if (!shallow.ok) return unavailable('the site was built outside its repository');
  if (shallow.out.trim() === 'true') return unavailable('the site was built from a shallow copy of the repository, which lacks the earlier commits');
  const log = git(siteDir, ['log', '--use-mailmap', `--format=${RECORD}%aN${FIELD}%H`, '--name-only', '--relative', '--', 'docs', 'versioned_docs']);
  if (!log.ok) return unavailable('the repository history could not be read');
  return historyFromCommits(parseLog(log.out));
}
