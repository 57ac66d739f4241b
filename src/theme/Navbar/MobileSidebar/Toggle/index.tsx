/**
 * Wraps the phone menu button with a plain link to the contents page. The
 * menu button needs JavaScript; until the page has hydrated (or on a phone
 * with JavaScript off) the link stands in its place, with the same icon and
 * size, so the navigation is always one tap from the top of the page and
 * nothing moves when the button takes over (see `.navbar__contents-link`
 * in src/css/custom.css).
 */
import Link from '@docusaurus/Link';
import type { WrapperProps } from '@docusaurus/types';
import Toggle from '@theme-original/Navbar/MobileSidebar/Toggle';
import type ToggleType from '@theme/Navbar/MobileSidebar/Toggle';
import IconMenu from '@theme/Icon/Menu';
import type { ReactNode } from 'react';
import { useDocPath } from '@site/src/components/useDocPath';

type Props = WrapperProps<typeof ToggleType>;

export default function ToggleWrapper(props: Props): ReactNode {
  const contents = useDocPath('');
  return (
    <>
      <Link to={contents} className="navbar__contents-link" aria-label="Contents: all pages">
        <IconMenu />
      </Link>
      <Toggle {...props} />
    </>
  );
}
