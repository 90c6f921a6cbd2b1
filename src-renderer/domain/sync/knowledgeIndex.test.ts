import { describe, expect, it } from 'vitest';
import { afterNode, knowledgeKeys, nodeRange, splitKey, withKnowledgeIndex, withoutKnowledgeIndex } from './knowledgeIndex';

const rev = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-00000-${node}`;
const A1 = rev(1_700_000_000_000, 'iA');
const B1 = rev(1_700_000_000_500, 'iB');

describe('knowledge keys', () => {
  it.each([
    ['from the syncKey', { syncKey: `${A1} ${B1}` }, [`iA ${A1}`, `iB ${B1}`]],
    ['derived when there is no syncKey', { id: 'x', rev: A1 }, [`iA ${A1}`]],
    ['none for a record without revs', { id: 'x' }, []],
  ])('%s', (_name, doc, keys) => expect(knowledgeKeys(doc)).toEqual(keys));

  it('are set only when they differ, and never travel', () => {
    const doc = { id: 'x', syncKey: A1 };
    const indexed = withKnowledgeIndex(doc);
    expect(indexed).toEqual({ id: 'x', syncKey: A1, kn: [`iA ${A1}`] });
    expect(withKnowledgeIndex(indexed)).toBe(indexed);
    expect(withoutKnowledgeIndex(indexed)).toEqual(doc);
  });
});

describe('index ranges', () => {
  const keys = [`iA ${A1}`, `iA ${rev(1_800_000_000_000, 'iA')}`, `iA2 ${rev(1, 'iA2')}`, `iB ${B1}`].sort();
  const within = (r: ReturnType<typeof nodeRange>) => keys.filter((k) => (r.includeLower ? k >= r.lower : k > r.lower) && k <= r.upper);
  it.each([
    ['every key of a node, not of a node whose id it begins', nodeRange('iA'), [`iA ${A1}`, `iA ${rev(1_800_000_000_000, 'iA')}`]],
    ['only revs above the one confirmed', nodeRange('iA', A1), [`iA ${rev(1_800_000_000_000, 'iA')}`]],
    ['nothing above the newest', nodeRange('iB', B1), []],
  ])('%s', (_name, range, expected) => expect(within(range)).toEqual(expected));

  it('the next node begins above afterNode, and a key splits into node and rev', () => {
    expect(keys.filter((k) => k > afterNode('iA'))[0]).toBe(`iA2 ${rev(1, 'iA2')}`);
    expect(splitKey(`iB ${B1}`)).toEqual(['iB', B1]);
  });
});
