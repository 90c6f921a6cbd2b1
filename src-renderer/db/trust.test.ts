import { describe, expect, it } from 'vitest';
import { chainEntries, GENESIS } from '../domain/auditChain';
import { formatHlc } from '../domain/hlc';
import type { SyncDoc } from '../domain/sync/merge';
import { type Envelope } from '../exchange/package';
import type { ExchangeRecord } from '../exchange/records';
import { generateSigningKey, signText } from '../exchange/signature';
import { carry, deliver, kecamatan, laptopOf, open, refused, withBkd } from './packages.testkit';
import type { AuditEntry } from './schema';
import type { DataStore } from './store';

/** A package rewritten as a forger who knows the format would: records edited, every hash recomputed, signed by `signer`. */
async function forge(pkg: { envelope: Envelope; records: ExchangeRecord[] }, edit: (recs: ExchangeRecord[]) => void, signer?: DataStore | 'stranger') {
  const records = structuredClone(pkg.records);
  edit(records);
  const { hash: _h, sig: _s, rows: _r, key: _k, readable: _d, ...draft } = pkg.envelope;
  let sign;
  if (signer === 'stranger' || !signer) {
    const key = await generateSigningKey();
    sign = { key: { alg: key.alg, pub: key.pub }, sign: (t: string) => signText(key, t) };
  } else sign = await signer.trust.signer();
  return carry({ envelope: { ...draft, packageId: crypto.randomUUID() }, records, signer: sign });
}

async function idOf(s: DataStore): Promise<string> {
  return (await s.settings.getInstallation())!.id;
}

/** A rev of `node` one minute after everything else: what a forger writes to win. */
const later = (node: string) => formatHlc({ wallMs: Date.now() + 60_000, counter: 0, node });

/** An employee's jabatan written as if `node` wrote it, after everything else. */
function stampJabatan(recs: ExchangeRecord[], employeeId: string, node: string, jabatan: string): void {
  const doc = recs.find((r) => r.table === 'employees' && r.doc.id === employeeId)!.doc as SyncDoc;
  const rev = later(node);
  doc.jabatan = jabatan;
  doc.rev = rev;
  doc.sv = { b: doc.sv?.b ?? rev, f: { ...(doc.sv?.f ?? {}), jabatan: { r: rev } } };
}

describe('trusted sync: signed packages and relay rules (issue #25)', () => {
  it('refuses a laptop package whose record names the kantor as writer, with fingerprints and hash recomputed', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const kantorId = await idOf(kantor);
    const honest = await deliver(laptop, kantor);
    await kantor.packages.receive(honest.envelope, honest.records);
    // The laptop owner signs with his own (real) key, but stamps the write with the kantor's id.
    const forged = await forge(await carry(await laptop.packages.build(kantorId, { full: true })), (recs) => stampJabatan(recs, camat.id, kantorId, 'Bupati Tangerang'), laptop);
    const err = await refused(kantor.packages.receive(forged.envelope, forged.records), 'package.relayRefused');
    expect(err.params).toMatchObject({ table: 'employees', id: camat.id, path: 'jabatan', writer: 'komputer ini' });
    expect((await kantor.employees.get(camat.id))?.jabatan).toBe('Camat');
    expect((await kantor.settings.getInstallation())!.id).toBe(kantorId);
  });

  it('refuses a package re-signed with a key the receiver does not know, and one edited after signing', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const real = await carry(await kantor.packages.build(await idOf(laptop)));
    const restamped = await forge(real, (recs) => {
      for (const r of recs) if (r.table === 'employees') r.doc.jabatan = 'Bupati';
    }, 'stranger');
    const err = await refused(laptop.packages.receive(restamped.envelope, restamped.records), 'package.keyMismatch');
    expect(err.params.from).toBe('Kecamatan Curug, PC admin');
    // The hash recomputed in memory but the signature left as it was: the signature no longer fits.
    const tampered = { ...real.envelope, hash: restamped.envelope.hash };
    await refused(laptop.packages.receive(tampered, restamped.records), 'package.badSignature');
    expect((await laptop.employees.listAll()).some((e) => e.jabatan === 'Bupati')).toBe(false);
  });

  it('refuses an introduction that claims to be a KANTOR of the receiver’s own office', async () => {
    const { kantor } = await kecamatan();
    const bkd = await withBkd(kantor);
    const intro = await carry(await bkd.packages.introduction());
    // The forger claims to be another PC of Kecamatan Curug, role KANTOR, signed with his own key.
    const local = (await kantor.settings.getProfile())!.office.id;
    const forged = await forge(intro, (recs) => {
      const inst = recs.find((r) => r.table === 'installations')!;
      inst.doc.role = 'KANTOR';
      inst.doc.officeId = local;
    }, 'stranger');
    await refused(kantor.packages.acceptIntroduction(forged.envelope, forged.records), 'package.intro.ownOffice');
    expect((await kantor.sync.installations()).filter((i) => i.role === 'KANTOR')).toHaveLength(1);
  });

  it('refuses an introduction whose enrolment is not a record every installation could read, and stores nothing of it', async () => {
    const { kantor } = await kecamatan();
    const bkd = await open('bkd');
    await bkd.settings.setupOffice({ namaInstansi: 'Pemkab Tangerang', namaKantor: 'BKD', alamat: '', tempat: 'Tigaraksa', kertas: 'A4', namaAdmin: 'Admin' }, new Date(), { role: 'BKD' });
    const intro = await carry(await bkd.packages.introduction());
    // Signed with the key it introduces, as an introduction is: the forger knows the format, not the rules.
    const forged = await forge(intro, (recs) => {
      recs.find((r) => r.table === 'installations')!.doc.nama = { html: '<img src=x>' };
    }, 'stranger');
    const err = await refused(kantor.packages.acceptIntroduction(forged.envelope, forged.records), 'exchange.badField');
    expect(err.params).toMatchObject({ table: 'installations', field: 'nama' });
    expect((await kantor.sync.installations()).some((i) => i.role === 'BKD')).toBe(false);
  });

  it('a restored PC announces its new key: accepted once a person confirms the code; unannounced, refused; its old id retired', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const oldId = await idOf(kantor);
    const { bytes } = await kantor.backups.create();
    const newId = await kantor.backups.restore(await kantor.backups.inspect(bytes));
    expect(newId).not.toBe(oldId);
    const pkg = await carry(await kantor.packages.build(await idOf(laptop)));
    expect(pkg.envelope.predecessor).toBe(oldId);
    await refused(laptop.packages.receive(pkg.envelope, pkg.records), 'package.newKey');
    await laptop.packages.trustSender(pkg.envelope);
    await laptop.packages.receive(pkg.envelope, pkg.records);
    // Unannounced: the same new identity claimed by a package that does not name its predecessor.
    const unannounced = await forge({ ...pkg, envelope: { ...pkg.envelope, from: { ...pkg.envelope.from, installId: 'iasingbaru0000' }, predecessor: null } }, () => {}, 'stranger');
    await refused(laptop.packages.receive(unannounced.envelope, unannounced.records), 'package.unknownSender');
    // The old identity is retired here: a package under it (the old profile, its old key) is refused.
    const old = await laptop.trust.peer(oldId);
    expect(old?.retiredAt).toBeTruthy();
  });

  it('a copied kantor profile: both copies edit one field and send to the BKD, which reports the fork and keeps both values', async () => {
    const { kantor, camat } = await kecamatan();
    const bkd = await withBkd(kantor);
    const first = await deliver(kantor, bkd);
    await bkd.packages.receive(first.envelope, first.records);
    // The technician copies the profile folder (key included) to a second PC, and both stay in use.
    const copy = await open('salinan');
    const tables = await Promise.all(kantor.db.tables.map(async (t) => [t.name, await t.toArray()] as const));
    await copy.db.transaction('rw', copy.db.tables, async () => {
      for (const [name, rows] of tables) await copy.db.table(name).bulkPut(rows);
    });
    await kantor.employees.save(camat.id, { ...(await kantor.employees.get(camat.id))!, jabatan: 'Camat Curug (asli)' });
    await copy.employees.save(camat.id, { ...(await copy.employees.get(camat.id))!, jabatan: 'Camat Curug (salinan)' });
    const a = await deliver(kantor, bkd);
    expect((await bkd.packages.receive(a.envelope, a.records)).fork).toBeUndefined();
    const b = await deliver(copy, bkd);
    const report = await bkd.packages.receive(b.envelope, b.records);
    expect(report.fork?.nama).toBe('Kecamatan Curug, PC admin');
    const conflicts = await bkd.sync.conflictsOf('employees', camat.id);
    const heads = conflicts.find((c) => c.path === 'jabatan')?.heads.map((h) => h.value).sort();
    expect(heads).toEqual(['Camat Curug (asli)', 'Camat Curug (salinan)']);
    expect((await bkd.trust.forks()).found.map((f) => f.nama)).toEqual(['Kecamatan Curug, PC admin']);
  });

  it('a restored kantor takes nothing written in its old name from a laptop (a laptop carries only its own writes)', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const kantorId = await idOf(kantor);
    const { bytes } = await kantor.backups.create();
    await kantor.backups.restore(await kantor.backups.inspect(bytes));
    const pkg = await carry(await kantor.packages.build(await idOf(laptop)));
    await laptop.packages.trustSender(pkg.envelope);
    await laptop.packages.receive(pkg.envelope, pkg.records);
    const back = await carry(await laptop.packages.build(await idOf(kantor), { full: true }));
    const relayed = await forge(back, (recs) => stampJabatan(recs, camat.id, kantorId, 'Camat lama'), laptop);
    await kantor.packages.trustSender(back.envelope).catch(() => undefined);
    await refused(kantor.packages.receive(relayed.envelope, relayed.records), 'package.relayRefused');
    expect((await kantor.employees.get(camat.id))?.jabatan).toBe('Camat');
  });
});

describe('anchors outside the PC and records against their audited versions', () => {
  it('catches an audit chain recomputed whole through the head the laptop holds of it', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    // The laptop's package carries the kantor's chain head as the laptop saw it (from the pairing package).
    const back = await deliver(laptop, kantor);
    expect(back.envelope.anchor?.seq).toBeGreaterThan(0);
    await kantor.packages.receive(back.envelope, back.records);
    expect((await kantor.verifyAudit()).ok).toBe(true);
    // Page script rewrites history: an entry changed, the whole chain recomputed, the head moved.
    const entries = (await kantor.db.auditLog.orderBy('seq').toArray()) as AuditEntry[];
    entries[2] = { ...entries[2]!, actor: 'orang lain' };
    const { linked, head } = chainEntries(GENESIS, entries);
    await kantor.db.auditLog.bulkPut(linked);
    await kantor.db.settings.put({ key: 'auditChain', ...head });
    const check = await kantor.verifyAudit();
    expect(check).toMatchObject({ ok: false, broken: { kind: 'anchor', nama: 'Kecamatan Curug, laptop Camat' } });
    // Wiped to nothing: the anchor still says how long it was.
    await kantor.db.auditLog.clear();
    await kantor.db.settings.delete('auditChain');
    expect((await kantor.verifyAudit()).ok).toBe(false);
  });

  it('reports a record edited directly in IndexedDB, naming it', async () => {
    const { kantor, camat } = await kecamatan();
    expect((await kantor.verifyAudit()).ok).toBe(true);
    const stored = (await kantor.db.employees.get(camat.id))!;
    await kantor.db.employees.put({ ...stored, jabatan: 'Bupati' });
    expect(await kantor.verifyAudit()).toMatchObject({ ok: false, broken: { kind: 'record', table: 'employees', id: camat.id, label: 'Camat' } });
  });
});
