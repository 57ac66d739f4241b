/**
 * The address of a docs page in the edition being read (or the newest
 * edition outside the docs), for links written in components rather than
 * in Markdown. Docs addresses always carry the edition, so a hard-coded
 * `/docs/…` path would be a redirect, not a page.
 */
import { useActiveVersion, useLatestVersion } from '@docusaurus/plugin-content-docs/client';

export function useDocPath(docPath: string): string {
  const active = useActiveVersion(undefined);
  const latest = useLatestVersion(undefined);
  const version = active ?? latest;
  return `${version.path.replace(/\/$/, '')}/${docPath}`;
}
