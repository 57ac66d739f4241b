/**
 * Facts about the site itself, named once: the title, the disclaimer every
 * page carries, and the repository contributors send changes to.
 */
export const SITE = {
  title: 'Ketamine Therapy Evidence',
  shortTitle: 'Ketamine Evidence',
  tagline: 'What the research on ketamine therapy shows, how sure we can be, and the source behind each claim.',
  repositoryUrl: 'https://github.com/ketamine-evidence/ketamine-evidence',
  /** Where readers without a GitHub account send corrections; deployments set CORRECTIONS_EMAIL. */
  correctionsEmail: 'corrections@ketamine-evidence.example.org',
  /** The site-wide statement of interests shown on every topic page; individual disclosures are recorded per reviewer. */
  disclosures:
    'The site accepts no funding from industry, clinics or product sellers, and names no clinic, practitioner or company product line except where the record requires it.',
  disclaimer:
    'For health professionals. This site summarizes published research and official records; it is not medical advice, does not replace clinical judgment or the product labelling, and does not endorse any clinic or product. Ketamine for psychiatric indications other than esketamine’s labelled uses is off-label.',
  get disclaimerHtml(): string {
    return `<p class="footer__disclaimer"><strong>Medical disclaimer.</strong> ${this.disclaimer}</p><p>Content licensed CC BY 4.0. Built ${new Date().getUTCFullYear()}.</p>`;
  },
} as const;
