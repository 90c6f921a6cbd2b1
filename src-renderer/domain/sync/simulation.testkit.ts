/**
 * A simulation of several installations exchanging copies of documents through an unreliable
 * courier (flash drives, WhatsApp): batches are lost, duplicated, reordered and delayed; clocks
 * are skewed by months and jump backwards; one installation writes so fast that its counter runs
 * out. It records, outside the documents, which writes each installation had really seen (the
 * ground truth the merge never gets to look at), so the test can check the merge against it.
 */
import { formatHlc, parseHlc, receiveHlc, revNode, tickHlc, type Hlc } from '../hlc';
import { authorizeFor, type Installation } from './access';
import { headsOf, mergeDocs, openConflicts, shapeOf, writeLocal, type SyncDoc } from './merge';
import { mayCarry, relayViolations } from './trust';
import { sameValue } from './paths';
import { mulberry32 } from '../../sample/generate';
import { canonical, evaluationValues, stable } from './sync.testkit';

const TABLE = 'evaluations';
const OFFICE = 'office-curug';
const DAY = 86_400_000;
const MONTH = 30 * DAY;

interface Batch {
  from: string;
  docs: SyncDoc[];
  /** Ground truth travelling with the batch: every write its sender had seen, per document. */
  seen: Map<string, Set<string>>;
}

interface WriteRecord {
  node: string;
  docId: string;
  rev: string;
  paths: string[];
  /** Every write its author had seen on that document when writing it. */
  saw: Set<string>;
  forged: boolean;
}

class Node {
  last: Hlc | null = null;
  docs = new Map<string, SyncDoc>();
  seen = new Map<string, Set<string>>();
  inbox: Batch[] = [];
  issued: string[] = [];
  skewMs: number;

  constructor(
    readonly id: string,
    readonly inst: Installation,
    rnd: () => number,
  ) {
    this.skewMs = Math.round((rnd() * 2 - 1) * 6 * MONTH);
  }

  seenOf(docId: string): Set<string> {
    let s = this.seen.get(docId);
    if (!s) this.seen.set(docId, (s = new Set()));
    return s;
  }
}

export interface SimOptions {
  seed: number;
  installations: number;
  steps: number;
  docs?: number;
}

export interface SimResult {
  nodes: Node[];
  writes: WriteRecord[];
  sentBatches: number;
  lost: number;
  duplicated: number;
  counterWraps: number;
  docIds: string[];
  problems: string[];
  conflicts: number;
  /** Packages refused whole by the relay rule (forged stamps from the Byzantine laptop among them). */
  refusedBatches: number;
  /** Forged stamps and replays the Byzantine laptop sent. */
  byzantine: { forged: number; replays: number };
  network: SimNetwork;
}

/**
 * `server`: packages travel as packets through a CouchDB-like server (issue #28) instead of a
 * courier: a push that fails leaves the packet in the sender's outbox for the next one; a pull that
 * fails or is cut off resumes from its checkpoint; a PC that lost its mirror pulls everything again
 * (each packet delivered twice). The server never loses or reorders one author's packets.
 */
export interface SimOptionsCarrier {
  carrier?: 'file' | 'server';
}

export interface SimNetwork {
  pushFailures: number;
  pullFailures: number;
  pullsCut: number;
  redelivered: number;
}

export interface SimOptionsByzantine {
  /** The last penilai laptop lies: writes stamped with other installations' ids, old packages replayed. */
  byzantine?: boolean;
}

export function runSimulation(opts: SimOptions & SimOptionsByzantine & SimOptionsCarrier): SimResult {
  const rnd = mulberry32(opts.seed);
  // The network's failures draw from their own sequence: the edits a seed makes stay the same.
  const netRnd = mulberry32(opts.seed ^ 0x5eed);
  const network: SimNetwork = { pushFailures: 0, pullFailures: 0, pullsCut: 0, redelivered: 0 };
  const server: { to: string; batch: Batch }[] = [];
  const outbox = new Map<string, { to: string; batch: Batch }[]>();
  const checkpoint = new Map<string, number>();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const roles: Installation['role'][] = ['KANTOR', 'PENILAI', 'KANTOR', 'BKD', 'PENILAI'];
  const nodes: Node[] = [];
  for (let i = 0; i < opts.installations; i++) {
    const role = roles[i]!;
    const inst = {
      id: `n${i}`, officeId: role === 'BKD' ? 'office-bkd' : OFFICE, role, nama: `inst ${i}`,
      penilaiEmployeeId: role === 'PENILAI' ? (i === 1 ? 'camat' : 'sekcam') : null,
      rev: '', createdAt: '', updatedAt: '', updatedBy: '', deleted: false,
    } as Installation;
    nodes.push(new Node(inst.id, inst, rnd));
  }
  const enrolled = new Map(nodes.map((n) => [n.id, n.inst]));
  let trueTime = Date.UTC(2026, 0, 5);
  let counterWraps = 0;
  const writes: WriteRecord[] = [];
  const docIds = Array.from({ length: opts.docs ?? 3 }, (_, i) => `ev${i}`);
  const problems: string[] = [];
  let sentBatches = 0;
  let lost = 0;
  let duplicated = 0;
  let refusedBatches = 0;
  const byzantine = { forged: 0, replays: 0 };
  const liar = opts.byzantine ? [...nodes].reverse().find((n) => n.inst.role === 'PENILAI') : undefined;
  const sentByLiar: Batch[] = [];
  // Who exchanges packages with whom: a laptop only with its office's PCs, a BKD only with offices.
  const linked = (a: Node, b: Node) => {
    const roles = new Set([a.inst.role, b.inst.role]);
    return a !== b && !(a.inst.role === 'PENILAI' && b.inst.role === 'PENILAI') && !(roles.has('PENILAI') && roles.has('BKD'));
  };

  const tick = (n: Node): string => {
    const wall = trueTime + n.skewMs;
    const before = n.last;
    n.last = tickHlc(n.last, wall, n.id);
    if (before && before.counter > n.last.counter && n.last.wallMs === before.wallMs + 1) counterWraps++;
    const rev = formatHlc(n.last);
    const prev = n.issued[n.issued.length - 1];
    if (prev !== undefined && !(rev > prev)) problems.push(`${n.id} issued ${rev} after ${prev}`);
    n.issued.push(rev);
    return rev;
  };

  const write = (n: Node, docId: string, patch: Record<string, unknown>, force: string[] = [], forged = false): SyncDoc | null => {
    const prev = n.docs.get(docId);
    const values = { ...(prev ?? {}), ...patch };
    if (prev && force.length === 0 && Object.keys(patch).every((k) => sameValue(prev[k], patch[k]))) return null;
    const rev = tick(n);
    const doc = writeLocal(TABLE, prev, values, { rev, nowIso: new Date(trueTime + n.skewMs).toISOString(), id: docId, force });
    const paths = Object.entries(doc.sv?.f ?? {}).filter(([, e]) => e.r === rev).map(([p]) => p);
    // The installation's own data layer refuses what its role may not write (forgers bypass it).
    const auth = authorizeFor(TABLE, OFFICE, prev, (i) => enrolled.get(i));
    if (!forged && !paths.every((p) => auth.path(n.id, p))) {
      n.issued.pop();
      return null;
    }
    if (!prev) paths.push('*');
    writes.push({ node: n.id, docId, rev, paths, saw: new Set(n.seenOf(docId)), forged });
    if (!forged) {
      n.docs.set(docId, doc);
      n.seenOf(docId).add(rev);
    }
    return doc;
  };

  const receive = (n: Node, batch: Batch) => {
    // The signed sender decides what the package may carry (trust.ts); one smuggled write refuses it whole.
    const sender = enrolled.get(batch.from)!;
    const smuggled = batch.docs.some((doc) =>
      relayViolations(TABLE, n.docs.get(doc.id), doc, (w) => mayCarry(sender, enrolled.get(w), n.inst), (id) => enrolled.get(id)).length > 0);
    if (smuggled) {
      refusedBatches++;
      return;
    }
    for (const doc of batch.docs) {
      const local = n.docs.get(doc.id);
      const owner = OFFICE;
      const out = mergeDocs(TABLE, local, structuredClone(doc), { authorize: authorizeFor(TABLE, owner, local, (id) => enrolled.get(id)), selfNode: n.id });
      if (out.changed) n.docs.set(doc.id, out.doc);
      const refused = new Set(out.refused.map((r) => r.head.r));
      const seen = n.seenOf(doc.id);
      for (const r of batch.seen.get(doc.id) ?? []) if (!refused.has(r)) seen.add(r);
      const h = parseHlc(doc.rev);
      if (h && !refused.has(doc.rev)) n.last = receiveHlc(n.last, h, n.id);
    }
  };

  const send = (from: Node, to: Node, reliable = false) => {
    const batch: Batch = {
      from: from.id,
      docs: [...from.docs.values()].map((d) => structuredClone(d)),
      seen: new Map([...from.seen].map(([k, v]) => [k, new Set(v)])),
    };
    sentBatches++;
    if (from === liar) sentByLiar.push(batch);
    if (opts.carrier === 'server') {
      outbox.set(from.id, [...(outbox.get(from.id) ?? []), { to: to.id, batch }]);
      push(from, reliable);
      return;
    }
    if (!reliable && rnd() < 0.15) {
      lost++;
      return;
    }
    const at = reliable ? to.inbox.length : Math.floor(rnd() * (to.inbox.length + 1));
    to.inbox.splice(at, 0, batch);
    if (!reliable && rnd() < 0.15) {
      duplicated++;
      to.inbox.push(batch);
    }
  };

  /** This PC's outbox to the server, whole or not at all (a failed push retries next time). */
  function push(from: Node, reliable: boolean) {
    if (!reliable && netRnd() < 0.2) {
      network.pushFailures++;
      return;
    }
    server.push(...(outbox.get(from.id) ?? []));
    outbox.set(from.id, []);
  }

  /** Packets meant for `n` since its checkpoint, into its inbox in the server's order. */
  function pull(n: Node, reliable: boolean) {
    if (!reliable && netRnd() < 0.05) {
      checkpoint.set(n.id, 0); // the mirror was lost: everything comes again
      network.redelivered++;
    }
    if (!reliable && netRnd() < 0.2) {
      network.pullFailures++;
      return;
    }
    let at = checkpoint.get(n.id) ?? 0;
    const end = !reliable && netRnd() < 0.2 ? at + Math.floor(netRnd() * (server.length - at)) : server.length;
    if (end < server.length) network.pullsCut++;
    for (; at < end; at++) if (server[at]!.to === n.id) n.inbox.push(server[at]!.batch);
    checkpoint.set(n.id, at);
  }

  // The office creates the documents and hands a copy to everybody (first contact, "paket lengkap").
  const kantor = nodes[0]!;
  for (const id of docIds) {
    const v = evaluationValues();
    v.penilai = { ...(v.penilai as object), employeeId: id === 'ev0' ? 'camat' : pick(['camat', 'sekcam']) };
    write(kantor, id, v);
  }
  for (const n of nodes.slice(1)) {
    send(kantor, n, true);
    if (opts.carrier === 'server') pull(n, true);
    receive(n, n.inbox.shift()!);
  }

  const hasil = (d: SyncDoc) => structuredClone(d.hasil) as Record<string, { realisasi: string; buktiDukung: string; umpanBalik: { id: string; tanggal: string; teks: string }[] }>;
  const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
  let noteSeq = 0;

  for (let step = 0; step < opts.steps; step++) {
    trueTime += Math.floor(rnd() * 3 * 3_600_000);
    const n = pick(nodes);
    const roll = rnd();
    if (roll < 0.04) {
      n.skewMs -= Math.floor(rnd() * 30 * DAY); // the PC's clock jumps back (battery, wrong date set)
      continue;
    }
    if (roll < 0.06) {
      // A burst of edits inside one millisecond: the counter runs out and the wall part moves on.
      const wall = trueTime + n.skewMs;
      n.last = { wallMs: Math.max(wall, (n.last?.wallMs ?? 0) + 1), counter: 99_990, node: n.id };
    }
    const peers = nodes.filter((x) => linked(n, x));
    if (n === liar && roll < 0.2 && peers.length > 0) {
      const to = pick(peers);
      if (rnd() < 0.3 && sentByLiar.length > 0) {
        // A replay: an old package of its own, sent again.
        to.inbox.push(pick(sentByLiar));
        byzantine.replays++;
        continue;
      }
      // A forged stamp: a value written as if another installation wrote it, after everything else.
      const id = pick(docIds);
      const d = n.docs.get(id);
      const victim = pick(nodes.filter((x) => x !== n));
      if (!d) continue;
      const rev = formatHlc({ wallMs: trueTime + n.skewMs + Math.floor(rnd() * MONTH), counter: 0, node: victim.id });
      const patch = rnd() < 0.5 ? { ratingHasil: 'DI_ATAS_EKSPEKTASI', predikat: 'SANGAT_BAIK' } : { officeId: 'office-lain' };
      const forgedDoc = writeLocal(TABLE, d, { ...d, ...patch }, { rev, nowIso: new Date(trueTime).toISOString(), id });
      const paths = Object.entries(forgedDoc.sv?.f ?? {}).filter(([, e]) => e.r === rev).map(([p]) => p);
      if (paths.length === 0) continue;
      writes.push({ node: victim.id, docId: id, rev, paths, saw: new Set(), forged: true });
      const docs = [...n.docs.values()].map((x) => (x.id === id ? forgedDoc : structuredClone(x)));
      // The rest of the package is the liar's honest copy: its ground truth travels with it.
      to.inbox.push({ from: n.id, docs, seen: new Map([...n.seen].map(([k, v]) => [k, new Set(v)])) });
      byzantine.forged++;
      continue;
    }
    if (roll < 0.3) {
      if (peers.length > 0) send(n, pick(peers));
      continue;
    }
    if (roll < 0.5) {
      if (opts.carrier === 'server') {
        // "Sinkronkan sekarang": the outbox goes, new packets come and are applied in order.
        push(n, false);
        pull(n, false);
        while (n.inbox.length > 0) receive(n, n.inbox.shift()!);
        continue;
      }
      const batch = n.inbox.splice(Math.floor(rnd() * n.inbox.length), 1)[0];
      if (batch) receive(n, batch);
      continue;
    }
    const id = pick(docIds);
    const d = n.docs.get(id);
    if (!d) continue;
    const role = n.inst.role;
    if (roll < 0.55) {
      // A forged or outdated package: a write its sender may not make, sent without applying it.
      const forgedDoc = write(n, id, role === 'KANTOR' ? { officeId: 'office-lain' } : { hasil: { ...hasil(d), r1: { ...hasil(d).r1!, realisasi: `palsu ${step}` } } }, [], true);
      if (forgedDoc && role !== 'KANTOR') {
        const to = pick(nodes.filter((x) => x !== n));
        to.inbox.push({ from: n.id, docs: [forgedDoc], seen: new Map([[id, new Set(n.seenOf(id))]]) });
      } else if (forgedDoc) {
        // An office may write its own records' officeId (mutasi): not forged after all. Apply it.
        writes.pop();
      }
      continue;
    }
    if (role === 'BKD') continue; // read-only copies
    const conflicts = openConflicts(TABLE, d);
    if (conflicts.length > 0 && rnd() < 0.3) {
      // Someone reviews the list and settles one: writes it again having seen every head.
      const c = pick(conflicts);
      write(n, id, {}, [c.path]);
      continue;
    }
    if (d.deleted) {
      if (role === 'KANTOR' && rnd() < 0.5) write(n, id, { deleted: false });
      continue;
    }
    const locked = d.status === 'FINAL';
    const r = rnd();
    if (role === 'PENILAI') {
      if (d.penilai && (d.penilai as { employeeId: string }).employeeId !== n.inst.penilaiEmployeeId) continue;
      if (locked) {
        if (r < 0.3) write(n, id, { status: 'DRAF', finalPada: '' });
      } else if (r < 0.35) write(n, id, { ratingHasil: pick(RATINGS) });
      else if (r < 0.6) write(n, id, { ratingPerilaku: pick(RATINGS) });
      else if (r < 0.8) {
        const h = hasil(d);
        const keys = Object.keys(h);
        if (keys.length === 0) continue;
        const rhk = pick(keys);
        h[rhk]!.umpanBalik.push({ id: `note-${n.id}-${noteSeq++}`, tanggal: '2026-02-01', teks: `umpan balik ${step}` });
        write(n, id, { hasil: h });
      } else write(n, id, { status: 'FINAL', finalPada: new Date(trueTime).toISOString().slice(0, 10) });
      continue;
    }
    if (locked) {
      if (r < 0.2) write(n, id, { status: 'DRAF', finalPada: '' });
      continue;
    }
    const h = hasil(d);
    const rhk = pick(Object.keys(h).length > 0 ? Object.keys(h) : ['r1']);
    if (r < 0.4) {
      h[rhk] = { ...(h[rhk] ?? { buktiDukung: '', umpanBalik: [] }), realisasi: `${Math.floor(rnd() * 400)} dokumen` } as never;
      write(n, id, { hasil: h });
    } else if (r < 0.5) {
      h[rhk] = { ...(h[rhk] ?? { realisasi: '', umpanBalik: [] }), buktiDukung: `bukti ${step}` } as never;
      write(n, id, { hasil: h });
    } else if (r < 0.58) {
      delete h[rhk];
      write(n, id, { hasil: h });
    } else if (r < 0.66) {
      const notes = h[rhk]?.umpanBalik ?? [];
      if (notes.length > 0) {
        notes.splice(Math.floor(rnd() * notes.length), 1);
        write(n, id, { hasil: h });
      }
    } else if (r < 0.78) write(n, id, { ratingHasil: pick(RATINGS) });
    else if (r < 0.86) write(n, id, { status: 'FINAL', finalPada: new Date(trueTime).toISOString().slice(0, 10) });
    else if (r < 0.92) write(n, id, { deleted: true });
    else write(n, id, { predikat: pick(['BAIK', 'SANGAT_BAIK', 'KURANG']) });
  }

  // Late batches arrive, then everybody exchanges with everybody until nothing changes.
  if (opts.carrier === 'server') for (const n of nodes) {
    push(n, true);
  }
  for (const n of nodes) {
    if (opts.carrier === 'server') pull(n, true);
    while (n.inbox.length > 0) receive(n, n.inbox.shift()!);
  }
  for (let round = 0; round < 4; round++) {
    for (const a of nodes) for (const b of nodes) if (linked(a, b)) {
      send(a, b, true);
      if (opts.carrier === 'server') pull(b, true);
      while (b.inbox.length > 0) receive(b, b.inbox.shift()!);
    }
  }

  // Checks against the ground truth.
  let conflicts = 0;
  for (const id of docIds) {
    const copies = nodes.map((n) => canonical(TABLE, n.docs.get(id)!));
    if (new Set(copies).size !== 1) problems.push(`${id}: copies differ between installations`);
    const lists = nodes.map((n) => stable(openConflicts(TABLE, n.docs.get(id)!)));
    if (new Set(lists).size !== 1) problems.push(`${id}: open conflicts differ between installations`);
    const doc = nodes[0]!.docs.get(id)!;
    conflicts += openConflicts(TABLE, doc).length;
    const heads = headsOf(doc, shapeOf(TABLE));
    const sawOf = new Map(writes.filter((w) => w.docId === id).map((w) => [w.rev, w.saw]));
    const allRevs = new Set<string>();
    for (const hs of heads.values()) for (const h of hs) allRevs.add(h.r);
    for (const w of writes.filter((x) => x.docId === id)) {
      if (w.forged) {
        if (allRevs.has(w.rev)) problems.push(`${id}: forged write ${w.rev} by ${w.node} took effect`);
        continue;
      }
      for (const p of w.paths) {
        if (p === '*') continue;
        const hs = heads.get(p);
        if (!hs) {
          problems.push(`${id}: ${p} written by ${w.rev} has vanished`);
          continue;
        }
        if (hs.some((h) => h.r === w.rev)) continue;
        // Not a head: then a head's author must really have seen it.
        if (!hs.some((h) => sawOf.get(h.r)?.has(w.rev))) problems.push(`${id}: write ${w.rev} on ${p} was lost (no head had seen it)`);
      }
    }
    for (const [p, hs] of heads) {
      for (const a of hs) for (const b of hs) {
        if (a !== b && sawOf.get(a.r)?.has(b.r)) problems.push(`${id}: ${p} shows ${b.r} in conflict with ${a.r}, whose author had seen it`);
      }
      if (hs.length > 1 && hs[0]!.r < hs[1]!.r) problems.push(`${id}: ${p} winner is not the greatest rev`);
      for (const h of hs) if (revNode(h.r) === 'n3' && nodes[3]?.inst.role === 'BKD') problems.push(`${id}: a BKD write took effect on ${p}`);
    }
  }
  return { nodes, writes, sentBatches, lost, duplicated, counterWraps, docIds, problems, conflicts, refusedBatches, byzantine, network };
}
