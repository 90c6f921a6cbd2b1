import { afterEach, describe, expect, it } from 'vitest';
import { readPlan, setupServer } from './couchdb-setup-lib.mjs';
import { startStandIn, type StandIn } from './couchdb-standin.mjs';

const running: StandIn[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});
const plan = { tahun: [2026, 2027], bkd: ['bkd1'], kantor: [{ officeId: 'ABC-1', nama: 'Kecamatan Curug', anggota: ['k1', 'l1'] }] };

describe('npm run couchdb:siapkan (issue #28)', () => {
  it('creates databases, users, members and the rule once; a second run changes nothing', async () => {
    const s = await startStandIn();
    running.push(s);
    const first = await setupServer({ url: s.url, admin: s.admin, plan });
    expect(first.passwords.map((p) => p.name)).toEqual(['bkd1', 'k1', 'l1']);
    expect(first.done.filter((d) => d.startsWith('database'))).toHaveLength(2);
    expect(await setupServer({ url: s.url, admin: s.admin, plan })).toEqual({ done: [], passwords: [] });
    // A laptop added later: its user and membership only.
    const more = await setupServer({ url: s.url, admin: s.admin, plan: { ...plan, kantor: [{ ...plan.kantor[0]!, anggota: ['k1', 'l1', 'l2'] }] } });
    expect(more.passwords.map((p) => p.name)).toEqual(['l2']);
    expect(more.done).toEqual(['pengguna l2 dibuat', 'hak akses kl-abc-1-2026: 4 instalasi', 'hak akses kl-abc-1-2027: 4 instalasi']);
    // A member of the kecamatan reads its database; the BKD too; anyone else is refused.
    const get = (user: string, password: string) => fetch(`${s.url}/kl-abc-1-2026/_all_docs`, { headers: { authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') } }).then((r) => r.status);
    const pw = new Map(first.passwords.map((p) => [p.name, p.password]));
    expect(await get('k1', pw.get('k1')!)).toBe(200);
    expect(await get('bkd1', pw.get('bkd1')!)).toBe(200);
    expect(await get('k1', 'salah')).toBe(401);
  });

  it('says what is wrong with a plan or the admin account, in one sentence', async () => {
    expect(() => readPlan({ tahun: [], kantor: [] })).toThrow('"tahun"');
    expect(() => readPlan({ tahun: [2026], kantor: [{ officeId: 'x y', anggota: [] }] })).toThrow('officeId');
    expect(() => readPlan({ tahun: [2026], kantor: [{ officeId: 'x', anggota: ['../a'] }] })).toThrow('anggota');
    const s = await startStandIn();
    running.push(s);
    await expect(setupServer({ url: s.url, admin: { name: 'admin', password: 'salah' }, plan })).rejects.toThrow('Server menolak akun admin');
  });
});
