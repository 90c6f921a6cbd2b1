import { describe, expect, it } from 'vitest';
import { databaseName, designDoc, PACKET_ATTACHMENT, packetId, parsePacketId, pullFilterSource, securityObject } from './packet';

type Ctx = { name: string | null; roles: string[] };
/** The generated rule as CouchDB runs it: a function of (newDoc, oldDoc, userCtx) that throws to refuse. */
const vdu = new Function(`return (${designDoc().validate_doc_update});`)() as (n: object, o: object | null, u: Ctx) => void;
const verdict = (n: object, o: object | null, u: Ctx) => {
  try {
    vdu(n, o, u);
    return 'ok';
  } catch (e) {
    return (e as { forbidden?: string }).forbidden ? 'forbidden' : 'error';
  }
};
const laptop: Ctx = { name: 'laptop1', roles: [] };
const pkt = (id: string, from = 'laptop1') => ({ _id: id, packageId: 'p1', from, to: 'kantor1', createdAt: '2026-12-07T00:00:00Z', _attachments: { [PACKET_ATTACHMENT]: { content_type: 'x', stub: true } } });

describe('packet contract (issue #28)', () => {
  it.each([
    ['a new packet of its own', pkt(packetId('laptop1', 1, 'p1')), null, laptop, 'ok'],
    ['a packet in another installation’s name', pkt(packetId('kantor1', 1, 'p1')), null, laptop, 'forbidden'],
    ['an id of its own whose from names another', pkt(packetId('laptop1', 1, 'p1'), 'kantor1'), null, laptop, 'forbidden'],
    ['an update of an existing packet', pkt(packetId('laptop1', 1, 'p1')), pkt(packetId('laptop1', 1, 'p1')), laptop, 'forbidden'],
    ['a deletion', { ...pkt(packetId('laptop1', 1, 'p1')), _deleted: true }, pkt(packetId('laptop1', 1, 'p1')), laptop, 'forbidden'],
    ['a packet without its file', { ...pkt(packetId('laptop1', 1, 'p1')), _attachments: {} }, null, laptop, 'forbidden'],
    ['a packet without packageId', { ...pkt(packetId('laptop1', 1, 'p1')), packageId: '' }, null, laptop, 'forbidden'],
    ['anonymous', pkt(packetId('laptop1', 1, 'p1')), null, { name: null, roles: [] }, 'forbidden'],
    ['a design document by a member', { _id: '_design/x' }, null, laptop, 'forbidden'],
    ['a design document by the server admin', { _id: '_design/x' }, null, { name: 'admin', roles: ['_admin'] }, 'ok'],
  ])('validate_doc_update: %s → %s', (_what, n, o, u, want) => {
    expect(verdict(n, o, u)).toBe(want);
  });

  it('ids sort by author then the order packets were made, and read back', () => {
    const ids = [packetId('a', 10, 'x'), packetId('a', 9, 'y'), packetId('a', 100, 'z')].sort();
    expect(ids.map((i) => parsePacketId(i)?.seq)).toEqual([9, 10, 100]);
    expect(parsePacketId(packetId('inst-1', 3, 'pkg-9'))).toEqual({ installId: 'inst-1', seq: 3, packageId: 'pkg-9' });
    expect(parsePacketId('pkt:a:0')).toBeNull();
    expect(parsePacketId('_local/x')).toBeNull();
  });

  it('pulls only packets meant for the installation or for everyone', () => {
    const filter = new Function(`return (${pullFilterSource()});`)() as (d: object, r: { query: { to: string } }) => boolean;
    const req = { query: { to: 'kantor1' } };
    expect([pkt('pkt:l:1:p'), { ...pkt('pkt:l:2:p'), to: '*' }, { ...pkt('pkt:l:3:p'), to: 'bkd1' }, { _id: '_design/x', to: 'kantor1' }].map((d) => filter(d, req))).toEqual([true, true, false, false]);
  });

  it('database names are valid CouchDB names, one per office and year; members are listed once', () => {
    expect(databaseName('9F1C-AB', 2026)).toBe('kl-9f1c-ab-2026');
    expect(databaseName('9F1C-AB', 2026)).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
    expect(securityObject(['b', 'a', 'b']).members.names).toEqual(['a', 'b']);
  });
});
