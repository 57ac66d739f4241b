/**
 * Test helpers for commands run on a copy of the site: a copy in a
 * temporary folder that shares node_modules (for builds with a planted
 * mistake), and running a command with its output collected.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SITE_DIR } from '../content/paths';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder removed after the test file; by default under the system's temporary folder. */
export function temporaryDir(prefix = join(tmpdir(), 'ketamine-')): string {
  const dir = mkdtempSync(prefix);
  temporary.push(dir);
  return dir;
}

/** Runs a command without blocking the test worker (a long synchronous child would starve vitest's own messages). */
export function run(command: string, args: string[], cwd = SITE_DIR, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

export const bin = (name: string) => join(SITE_DIR, 'node_modules', '.bin', name);

/** A copy of the site (with its editions when asked) sharing node_modules. */
export function siteCopy(editions = false): string {
  const dir = temporaryDir(join(tmpdir(), 'ketamine-site-'));
  const entries = [
    'docs',
    'src',
    'static',
    'sidebars.ts',
    'docusaurus.config.ts',
    'package.json',
    'tsconfig.json',
    ...(editions ? ['versioned_docs', 'versioned_sidebars', 'versions.json'] : []),
  ];
  for (const entry of entries) cpSync(join(SITE_DIR, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(SITE_DIR, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
