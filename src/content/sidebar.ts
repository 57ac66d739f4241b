/**
 * Orders and titles the generated sidebar by src/content/sections.ts, so a
 * section's title is written once for the sidebar, the home page and the
 * evidence map.
 */
import type { Options } from '@docusaurus/plugin-content-docs';
import { SECTIONS } from './sections';

type SidebarItemsGeneratorOption = NonNullable<Options['sidebarItemsGenerator']>;
type Items = Awaited<ReturnType<SidebarItemsGeneratorOption>>;

/** A generated category's section: from its index page, or from its folder name when it has none. */
function sectionIdOf(item: Items[number]): string | undefined {
  if (item.type !== 'category') return undefined;
  if (item.link?.type === 'doc') return item.link.id.split('/')[0];
  return SECTIONS.find((section) => section.id === item.label.toLowerCase())?.id;
}

export const sidebarItemsGenerator: SidebarItemsGeneratorOption = async ({ defaultSidebarItemsGenerator, ...args }) => {
  const items = await defaultSidebarItemsGenerator(args);
  const rank = (item: Items[number]) => {
    const index = SECTIONS.findIndex((section) => section.id === sectionIdOf(item));
    return index === -1 ? -1 : index;
  };
  return items
    .map((item) => {
      const section = SECTIONS.find((s) => s.id === sectionIdOf(item));
      return section && item.type === 'category' ? { ...item, label: section.title } : item;
    })
    .sort((a, b) => rank(a) - rank(b));
};
