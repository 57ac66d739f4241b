/**
 * Adds the site's content elements to the components Markdown renders
 * with. The content index emits `evidencelabel` and `sortabletable` nodes
 * (lower case: the `.md` pipeline re-parses HTML, which lower-cases
 * element names); this map turns them into components, the way Docusaurus
 * maps `admonition`. `sup` registers citation anchors for the back-links.
 */
import MDXComponents from '@theme-original/MDXComponents';
import CitationMark from '@site/src/components/CitationMark';
import EvidenceLabel from '@site/src/components/EvidenceLabel';
import SortableTable from '@site/src/components/SortableTable';

export default {
  ...MDXComponents,
  evidencelabel: EvidenceLabel,
  sortabletable: SortableTable,
  sup: CitationMark,
};
