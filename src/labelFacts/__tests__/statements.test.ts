import { describe, expect, it } from 'vitest';
import { labelFactsSchema, statementsOf, type LabelFacts } from '../labelFacts';

const fact = (text: string, source = 'fda2024label', id?: string) => ({
  ...(id ? { id } : {}),
  text,
  source,
  location: 'Section 1',
  quote: 'words read in the record',
});
const population = { pregnancy: null, lactation: null, pediatric: null, geriatric: fact('Not approved in children'), hepatic: null, renal: null };

function facts(overrides: Record<string, unknown> = {}): LabelFacts {
  return labelFactsSchema.parse({
    products: [
      {
        id: 'esketamine',
        name: 'Esketamine nasal spray',
        brand: 'Spravato',
        label: 'fda2024label',
        class: fact('An NMDA receptor antagonist'),
        schedule: null,
        boxed_warning: { source: 'fda2024label', location: 'Boxed warning', quote: 'WARNING: SEDATION', items: [{ id: 'sedation', text: 'Sedation' }] },
        indications: [{ ...fact('Treatment-resistant depression', 'fda2024label', 'trd'), approved: '2019-03-05' }],
        monitoring: null,
        contraindications: null,
        rates: null,
        pharmacokinetics: null,
        populations: population,
        ...overrides,
      },
    ],
  });
}

describe('label facts as published statements', () => {
  it('lists every statement a reader sees, with approval dates, under stable ids', () => {
    const statements = statementsOf(facts());
    expect([...statements.keys()]).toEqual([
      'esketamine/class/class',
      'esketamine/boxed_warning/sedation',
      'esketamine/indications/trd',
      'esketamine/geriatric/geriatric',
    ]);
    expect(statements.get('esketamine/indications/trd')).toEqual({
      product: 'Spravato',
      topic: 'indication',
      text: 'Treatment-resistant depression (approved 2019-03-05)',
      source: 'fda2024label',
    });
    expect(statements.get('esketamine/geriatric/geriatric')?.topic).toBe('geriatric (use in specific populations)');
  });

  it('records a label read and found to carry no boxed warning as a statement, and an unverified one as none', () => {
    const none = statementsOf(facts({ boxed_warning: { none: true, source: 'fda2024label', location: 'Whole label', quote: 'no boxed warning section' } }));
    expect(none.get('esketamine/boxed_warning/none')?.text).toBe('No boxed warning');
    const unverified = statementsOf(facts({ boxed_warning: null }));
    expect([...unverified.keys()].some((key) => key.includes('boxed_warning'))).toBe(false);
  });

  it('tells a changed statement from an added one when two editions are compared', () => {
    const before = statementsOf(facts());
    const after = statementsOf(
      facts({
        boxed_warning: {
          source: 'fda2025label',
          location: 'Boxed warning',
          quote: 'WARNING: SEDATION; DISSOCIATION',
          items: [
            { id: 'sedation', text: 'Sedation' },
            { id: 'dissociation', text: 'Dissociation' },
          ],
        },
      }),
    );
    const added = [...after.keys()].filter((key) => !before.has(key));
    const changed = [...after.keys()].filter((key) => before.has(key) && before.get(key)!.source !== after.get(key)!.source);
    expect(added).toEqual(['esketamine/boxed_warning/dissociation']);
    expect(changed).toEqual(['esketamine/boxed_warning/sedation']);
  });
});
