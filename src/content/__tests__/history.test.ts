import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyFromCommits, parseLog, readHistory } from '../history';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const RS = '\x1e';
const FS = '\x1f';

describe('the content history', () => {
  it('reads git log output into commits, newest first, with the files each touched', () => {
    const log = `${RS}Ben${FS}b2\n\ndocs/a.md\ndocs/b.md\n${RS}Ada${FS}a1\n\ndocs/a.md\n`;
    expect(parseLog(log)).toEqual([
      { author: 'Ben', files: ['docs/a.md', 'docs/b.md'] },
      { author: 'Ada', files: ['docs/a.md'] },
    ]);
  });

  it('names the contributors of a file once each, in order of first contribution, without bots', () => {
    const history = historyFromCommits([
      { author: 'dependabot[bot]', files: ['docs/a.md'] },
      { author: 'Ada', files: ['docs/a.md'] },
      { author: 'Ben', files: ['docs/a.md'] },
      { author: 'Ada', files: ['docs/a.md'] },
    ]);
    expect(history.contributors('docs/a.md')).toEqual(['Ada', 'Ben']);
    expect(history.contributors('docs/never-committed.md')).toEqual([]);
  });

  it('credits an edition’s page to the authors of its docs/ file up to the cut, and to later correctors, not to whoever cut it', () => {
    const history = historyFromCommits([
      { author: 'Dan', files: ['docs/a.md'] }, // after the cut: Next only
      { author: 'Cy', files: ['versioned_docs/version-1/a.md'] }, // a correction to the edition
      { author: 'Editor', files: ['versioned_docs/version-1/a.md', 'versioned_docs/version-1/b.md'] }, // the cut
      { author: 'Ben', files: ['docs/a.md'] },
      { author: 'Ada', files: ['docs/a.md'] },
    ]);
    expect(history.contributors('versioned_docs/version-1/a.md')).toEqual(['Ada', 'Ben', 'Cy']);
    expect(history.contributors('docs/a.md')).toEqual(['Ada', 'Ben', 'Dan']);
  });

  it('is unavailable outside a repository and on a shallow clone, instead of naming the wrong people', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-repo-'));
    temporary.push(outside);
    expect(readHistory(outside).unavailable).toBe('the site was built outside its repository');

    const repo = mkdtempSync(join(tmpdir(), 'repo-'));
    temporary.push(repo);
    const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'docs'));
    for (const [author, text] of [
      ['Ada Writer', 'one'],
      ['Ben Editor', 'two'],
    ]) {
      writeFileSync(join(repo, 'docs', 'a.md'), text!);
      git(repo, 'add', '.');
      git(repo, '-c', `user.name=${author}`, '-c', 'user.email=a@example.org', 'commit', '-q', '-m', text!);
    }
    const full = readHistory(repo);
    expect(full.unavailable).toBeUndefined();
    expect(full.contributors('docs/a.md')).toEqual(['Ada Writer', 'Ben Editor']);

    const shallow = join(outside, 'shallow');
    git(outside, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    expect(readHistory(shallow).unavailable).toMatch(/shallow copy/);
  });
});
