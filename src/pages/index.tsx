/**
 * Home page: in one screen, what the site is, how evidence is labelled and
 * where to start. The scale and the sections come from the same
 * definitions the pages use.
 */
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import EvidenceLabel from '../components/EvidenceLabel';
import { SECTIONS } from '../content/sections';
import { SITE } from '../content/site';
import { GRADE_LEVELS, LABEL_KINDS } from '../evidence/levels';
import { useDocPath } from '../components/useDocPath';
import { useActiveVersion, useLatestVersion } from '@docusaurus/plugin-content-docs/client';
import styles from './index.module.css';

const START_HERE = [
  { doc: 'conditions/treatment-resistant-depression', label: 'Does it work for treatment-resistant depression?' },
  { doc: 'risks/contraindications-and-precautions', label: 'Who should not receive it?' },
  { doc: 'regulation/united-states', label: 'What is approved, and what is off-label?' },
  { doc: 'routes/pharmacokinetics', label: 'How do the routes differ?' },
];

export default function Home(): ReactNode {
  const docs = useDocPath('');
  const to = (doc: string) => `${docs}${doc}`;
  // A section added after an edition was cut (e.g. populations) has no pages in that edition: list only sections it has.
  const active = useActiveVersion(undefined);
  const latest = useLatestVersion(undefined);
  const present = new Set((active ?? latest).docs.map((doc) => doc.id.split('/')[0]));
  return (
    <Layout title="Home" description={SITE.tagline}>
      <main className={styles.main}>
        <header className={styles.hero}>
          <h1 className={styles.title}>{SITE.title}</h1>
          <p className={styles.lead}>
            Research summaries on ketamine and esketamine for clinicians and training programs. Every claim links to its source, and every page states how
            certain the evidence is.
          </p>
        </header>

        <div className={styles.columns}>
          <section aria-labelledby="start-here">
            <h2 id="start-here">Start with a question</h2>
            <ul className={styles.questions}>
              {START_HERE.map((item) => (
                <li key={item.doc}>
                  <Link to={to(item.doc)}>{item.label}</Link>
                </li>
              ))}
            </ul>
            <h2 id="sections">Browse by topic</h2>
            <ul className={styles.sections} aria-labelledby="sections">
              {SECTIONS.filter((s) => s.id !== 'methods' && present.has(s.id)).map((section) => (
                <li key={section.id}>
                  <Link to={to(section.id)}>{section.title}</Link>
                  <span> {section.summary}</span>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="how-labelled" className={styles.scale}>
            <h2 id="how-labelled">How evidence is labelled</h2>
            <p>
              Each page carries a label under its title saying how sure we can be of its answer. Questions of effect are graded with GRADE (
              {LABEL_KINDS.grade.name}); pages that describe a mechanism or pharmacology, or document official records, carry the label that fits them. Focus or
              hover a label for its definition.
            </p>
            <ul className={styles.levels}>
              {GRADE_LEVELS.map((level) => (
                <li key={level.id}>
                  <EvidenceLabel level={level.id} />
                  <span className={styles.implication}>{level.implication}</span>
                </li>
              ))}
            </ul>
            <p>
              <Link to={to('methods/how-we-grade-evidence')}>How we grade evidence</Link> ·{' '}
              <Link to={to('reference/evidence-map')}>Evidence map of every page</Link>
            </p>
          </section>
        </div>
      </main>
    </Layout>
  );
}
