import { describe, expect, it } from 'vitest';
import { DataStore } from './store';

describe('trusted roots for electronic signatures (#31)', () => {
  it('empty by default; added once however often; removed by fingerprint', async () => {
    const s = await DataStore.open(`tte-roots-${crypto.randomUUID()}`);
    expect(await s.tteRoots.list()).toEqual([]);
    const root = { name: 'Root CA BSrE', der: 'AAAA', fingerprint: 'ab12', notAfter: '2030-01-01T00:00:00.000Z' };
    await s.tteRoots.add(root);
    await s.tteRoots.add(root);
    expect((await s.tteRoots.list()).map((r) => r.name)).toEqual(['Root CA BSrE']);
    await s.tteRoots.remove('ab12');
    expect(await s.tteRoots.list()).toEqual([]);
  });
});
