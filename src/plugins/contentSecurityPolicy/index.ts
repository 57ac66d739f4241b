/**
 * Writes the Content-Security-Policy into every HTML file of the build as
 * a meta tag, with the hashes of that file's own inline scripts. Hosts that
 * can send headers may send the same policy (see README).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPolicy } from './policy';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

export function applyContentSecurityPolicy(outDir: string): number {
  const files = htmlFiles(outDir);
  for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
  return files.length;
}
