import { afterEach, describe, expect, it } from 'vitest';
import { carry, deliver, kecamatan, laptopOf, withBkd } from '../db/packages.testkit';
import { databaseName, PACKET_ATTACHMENT, PACKET_MIME, packetId } from '../exchange/packet';
import { netOf, Pouch, installId, officeId, serverFor, type Server } from './network.testkit';
import { networkErrorCode, syncWithServer, trustPacketSender } from './networkSync';
import type { DataStore } from '../db/store';

const servers: Server[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.standIn.close();
});

/** A kecamatan with its laptop and BKD, the laptop's key confirmed at the kantor, and their server. */
async function office() {
  const k = await kecamatan();
  const { laptop } = await laptopOf(k.kantor, k.camat.id);
  const bkd = await withBkd(k.kantor);
  // The laptop's first package came by hand once: the kantor compared its key code.
  await k.kantor.packages.receive(...spread(await deliver(laptop, k.kantor)));
  const server = await serverFor(k.kantor, [laptop], [bkd]);
  servers.push(server);
  return { ...k, laptop, bkd, server };
}

const spread = (r: Awaited<ReturnType<typeof carry>>) => [r.envelope, r.records] as const;
const names = async (s: DataStore) => (await s.employees.listAll()).map((e) => `${e.nama}|${e.jabatan}`).sort();

describe('network sync through a CouchDB-protocol server (issue #28)', () => {
  it('kantor, laptop and BKD replicate the same packages a file would carry', async () => {
    const { kantor, laptop, bkd, camat, evals, server } = await office();
    const [kNet, lNet, bNet] = [await netOf(kantor, server), await netOf(laptop, server), await netOf(bkd, server)];
    await kantor.employees.save(camat.id, { ...camat, jabatan: 'Camat Curug' });

    const sent = await syncWithServer(kNet);
    expect(sent.databases).toEqual([databaseName(await officeId(kantor), new Date().getFullYear())]);
    expect(sent.sent).toBe(2); // one package for the laptop, one for the BKD

    const atBkd = await syncWithServer(bNet);
    expect(atBkd).toMatchObject({ received: 1, applied: 1, refused: [] });
    expect(await names(bkd)).toEqual(await names(kantor));

    await laptop.evaluations.save(evals.Sekcam!, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    const atLaptop = await syncWithServer(lNet);
    expect(atLaptop).toMatchObject({ applied: 1, sent: 1, refused: [] });
    expect((await laptop.employees.get(camat.id))?.jabatan).toBe('Camat Curug');

    // The camat's rating reaches the kantor by network, and from it the BKD.
    expect(await syncWithServer(kNet)).toMatchObject({ refused: [] });
    expect((await kantor.evaluations.get(evals.Sekcam!))?.predikat).toBe('BAIK');
    await syncWithServer(bNet);
    expect((await bkd.evaluations.get(evals.Sekcam!))?.predikat).toBe('BAIK');

    // Confirmations travel too: nothing waits for anyone, and a quiet run sends nothing.
    await syncWithServer(lNet);
    await syncWithServer(kNet);
    await syncWithServer(bNet);
    await syncWithServer(kNet);
    expect((await kantor.packages.peers()).find((p) => p.installation.role === 'BKD')?.waiting).toBe(0);
    expect(await syncWithServer(kNet)).toMatchObject({ sent: 0, applied: 0 });
  });

  it('relays a record written before the last package but arrived after it (the camat rated offline)', async () => {
    const { kantor, laptop, bkd, evals, server } = await office();
    const [kNet, lNet, bNet] = [await netOf(kantor, server), await netOf(laptop, server), await netOf(bkd, server)];
    await laptop.evaluations.save(evals.Sekcam!, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    await syncWithServer(kNet); // the kantor's package to the BKD, made before the rating arrives
    await syncWithServer(lNet);
    await syncWithServer(kNet);
    await syncWithServer(bNet);
    expect((await bkd.evaluations.get(evals.Sekcam!))?.predikat).toBe('BAIK');
    // Nothing new: the next runs send nothing more to a BKD that has not answered yet.
    await syncWithServer(kNet);
    expect(await syncWithServer(kNet)).toMatchObject({ sent: 0 });
  });

  it('resumes after the server goes away mid-replication and applies nothing twice', async () => {
    const { kantor, bkd, camat, server } = await office();
    const kNet = await netOf(kantor, server);
    for (const jabatan of ['Camat A', 'Camat B', 'Camat C']) {
      await kantor.employees.save(camat.id, { ...(await kantor.employees.get(camat.id))!, jabatan });
      await syncWithServer(kNet);
    }
    // The server goes away after the first packet was pulled and checkpointed: the pull's next
    // request finds nobody (batches of one, as on a slow line).
    let changes = 0;
    const bNet = await netOf(bkd, server, {
      replicate: (source, target, opts) => Pouch.replicate(source, target, { ...opts, batch_size: 1 }),
      fetch: async (url, init) => {
        if (String(url).includes('/_changes') && ++changes === 2) await server.standIn.kill();
        // PouchDB's own fetch (node-fetch here): the bodies it hands back are what its Node adapter reads.
        return Pouch.fetch(url, init);
      },
    });
    const first = await syncWithServer(bNet).then(() => null, (e: unknown) => e);
    expect(networkErrorCode(first)).toBe('network.offline');
    await server.standIn.revive();
    const again = await syncWithServer(bNet);
    // Resumed from the checkpoint: the first packet was not pulled again.
    expect(again.received).toBe(2);
    expect(again.refused).toEqual([]);
    // Three packages from the kantor, each applied once, whichever run brought it.
    const receipts = (await bkd.db.receipts.toArray()).filter((r) => r.from.includes('Curug'));
    expect(new Set(receipts.map((r) => r.packageId)).size).toBe(receipts.length);
    expect(receipts).toHaveLength(3);
    expect((await bkd.employees.get(camat.id))?.jabatan).toBe('Camat C');
  });

  it('a packet delivered twice (a PC whose mirror was lost pulls everything again) changes nothing', async () => {
    const { kantor, bkd, server } = await office();
    await syncWithServer(await netOf(kantor, server));
    expect(await syncWithServer(await netOf(bkd, server))).toMatchObject({ applied: 1 });
    const before = await bkd.db.employees.toArray();
    const again = await syncWithServer(await netOf(bkd, server, { mirror: 'lost' }));
    expect(again).toMatchObject({ received: 1, applied: 1, created: 0, updated: 0, refused: [] });
    expect(await bkd.db.employees.toArray()).toEqual(before);
  });

  it('a PC offline for weeks catches up in one run', async () => {
    const { kantor, laptop, camat, sekcam, server } = await office();
    const kNet = await netOf(kantor, server);
    for (const [id, jabatan] of [[camat.id, 'Camat Curug'], [sekcam.id, 'Sekcam Curug'], [camat.id, 'Camat Kabupaten']] as const) {
      await kantor.employees.save(id, { ...(await kantor.employees.get(id))!, jabatan });
      await syncWithServer(kNet);
    }
    const run = await syncWithServer(await netOf(laptop, server));
    expect(run.refused).toEqual([]);
    expect(run.applied).toBe(3);
    expect((await laptop.employees.get(camat.id))?.jabatan).toBe('Camat Kabupaten');
    expect((await laptop.employees.get(sekcam.id))?.jabatan).toBe('Sekcam Curug');
  });

  it('refuses a forged packet: at the server (another author, an update) and at the receiver (signature, envelope)', async () => {
    const { kantor, laptop, bkd, camat, server } = await office();
    const db = databaseName(await officeId(kantor), new Date().getFullYear());
    const [kantorId, laptopId, bkdId] = [await installId(kantor), await installId(laptop), await installId(bkd)];
    const asLaptop = new Pouch(`${server.standIn.url}/${db}`, { skip_setup: true, auth: { username: laptopId, password: server.passwords.get(laptopId)! } });
    const legit = await carry(await kantor.packages.build(bkdId));
    const bytes = (await import('../exchange/packageFile')).writePackageFile;
    const file = (await bytes(await kantor.packages.build(bkdId))).bytes;
    const packet = (id: string, from: string, data: Uint8Array) => ({ _id: id, packageId: legit.envelope.packageId, from, to: bkdId, createdAt: legit.envelope.createdAt, _attachments: { [PACKET_ATTACHMENT]: { content_type: PACKET_MIME, data: Buffer.from(data) } } });

    // validate_doc_update: a packet in the kantor's name, pushed by the laptop's user.
    const inKantorsName = await asLaptop.put(packet(packetId(kantorId, 1, 'x'), kantorId, file)).then(() => null, (e: { status: number }) => e.status);
    expect(inKantorsName).toBe(403);
    // …and a packet, once there, is never replaced.
    const own = packet(packetId(laptopId, 1, 'y'), laptopId, file);
    const { rev } = await asLaptop.put(own);
    expect(await asLaptop.put({ ...own, _rev: rev, to: '*' }).then(() => null, (e: { status: number }) => e.status)).toBe(403);

    // The same file under the laptop's own name: the server takes it, the BKD does not (the
    // signed envelope says the kantor made it).
    await asLaptop.put(packet(packetId(laptopId, 2, 'z'), laptopId, file));
    // A file with a byte changed: refused as the same file would be.
    const edited = file.slice();
    edited[Math.floor(edited.length / 2)]! ^= 0xff;
    await asLaptop.put(packet(packetId(laptopId, 3, 'w'), laptopId, edited));
    const bNet = await netOf(bkd, server);
    const run = await syncWithServer(bNet);
    expect(run.applied).toBe(0);
    expect(run.refused.map((r) => [r.from, r.retry])).toEqual([[laptopId, false], [laptopId, false], [laptopId, false]]);
    expect(run.refused.slice(0, 2).map((r) => r.code)).toEqual(['network.packetAuthor', 'network.packetAuthor']);
    expect(run.refused[2]!.code).toMatch(/^(package|import)\./);
    // Refused for good: the next run does not try them again.
    expect((await syncWithServer(bNet)).refused).toEqual([]);
    expect(await bkd.employees.get(camat.id)).toBeUndefined();
  });

  it('a wrong password is named as such, and nothing is sent', async () => {
    const { kantor, server } = await office();
    const err = await syncWithServer(await netOf(kantor, server, { password: 'salah' })).then(() => null, (e: unknown) => e);
    expect(networkErrorCode(err)).toBe('network.wrongPassword');
  });

  it('a packet from a key nobody confirmed waits, and is applied once a person trusts it', async () => {
    const k = await kecamatan();
    const { laptop } = await laptopOf(k.kantor, k.camat.id);
    const server = await serverFor(k.kantor, [laptop]);
    servers.push(server);
    await laptop.evaluations.save(k.evals.Sekcam!, { ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    await syncWithServer(await netOf(laptop, server));
    const kNet = await netOf(k.kantor, server);
    const first = await syncWithServer(kNet);
    expect(first.refused.map((r) => [r.code, r.retry])).toEqual([['package.newKey', true]]);
    await trustPacketSender(kNet, first.refused[0]!.database, first.refused[0]!.packet);
    expect(await syncWithServer(kNet)).toMatchObject({ refused: [] });
    expect((await k.kantor.evaluations.get(k.evals.Sekcam!))?.predikat).toBe('BAIK');
  });

  it('mixed: the laptop by file, the kantor and the BKD by network, end in the same state', async () => {
    const { kantor, laptop, bkd, evals, server } = await office();
    const kantorId = await installId(kantor);
    await laptop.evaluations.save(evals.Sekcam!, { ratingHasil: 'DI_ATAS_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    const byFile = await carry(await laptop.packages.build(kantorId));
    await kantor.packages.receive(byFile.envelope, byFile.records);
    await syncWithServer(await netOf(kantor, server));
    await syncWithServer(await netOf(bkd, server));
    const id = evals.Sekcam!;
    const [l, k, b] = [await laptop.evaluations.get(id), await kantor.evaluations.get(id), await bkd.evaluations.get(id)];
    expect(k?.rev).toBe(l?.rev);
    expect(b?.rev).toBe(l?.rev);
    expect(b?.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
  });

  it.each([
    [{ status: 401, message: 'Name or password is incorrect.' }, 'network.wrongPassword'],
    [{ status: 403, message: 'You are not allowed to access this db.' }, 'network.refused'],
    [{ status: 404, message: 'Database does not exist.' }, 'network.noDatabase'],
    [{ status: 500, message: 'badarg' }, 'network.serverError'],
    [Object.assign(new TypeError('server request failed: offline'), { code: 'OFFLINE' }), 'network.offline'],
    [Object.assign(new TypeError('server request failed: certificate'), { code: 'CERT' }), 'network.certificate'],
    [Object.assign(new TypeError('server request failed: notConfigured'), { code: 'NOT_CONFIGURED' }), 'network.notConfigured'],
    [new TypeError('Failed to fetch'), 'network.offline'],
    [new TypeError("Cannot read properties of undefined (reading 'rev')"), null],
  ])('names what stopped a run: %o → %s', (err, code) => {
    expect(networkErrorCode(err)).toBe(code);
  });
});
