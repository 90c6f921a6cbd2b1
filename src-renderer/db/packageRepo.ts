import { revNode, revPlausibility, revWallMs } from '../domain/hlc';
import { laptopScope, ownerOf, travelsTo, type Installation } from '../domain/sync/access';
import { recordYear, YEAR_TABLES, yearOfPeriodId } from '../domain/archive';
import { docKnowledge, openConflicts as conflictsOf, type SyncDoc } from '../domain/sync/merge';
import { afterNode, KNOWLEDGE_INDEX, nodeRange, splitKey } from '../domain/sync/knowledgeIndex';
import { type Envelope, type EnvelopeDraft, type InstallRef, MIN_READER_VERSION, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../exchange/package';
import { checkRecords, type CheckedRecord, enrolmentOf, type ExchangeRecord } from '../exchange/records';
import { keyCodeOf, sameKey, type Signer, verifyText } from '../exchange/signature';
import { findFork, introductionAllowed, type Party } from '../domain/sync/trust';
import { appendAudit } from './audit';
import type { TrustRepo } from './trustRepo';
import type { RevClock } from './clock';
import { forEachPage } from './pages';
import { RepoError } from './errors';
import { readInstall, readLocal } from './identity';
import { type KinerjaDb, type PeerState, SYNCED_TABLES, type SyncedTableName } from './schema';
import type { SettingsRepo } from './settingsRepo';
import { batchDigest, ExchangeRefused, type ApplyReport, type Carrier, type SyncRepo } from './syncRepo';

/** A package before it becomes a file: its envelope (rows, hash and signature come with the file), records and signer. */
export interface OutgoingPackage {
  envelope: EnvelopeDraft;
  records: ExchangeRecord[];
  signer: Signer;
}

export interface PeerView {
  installation: Installation;
  officeName: string;
  state: PeerState | null;
  /** Records it has not confirmed yet (what the next package would carry). */
  waiting: number;
  /** Of those, the ones written after the last package to it was made (all when none was): a package is due. */
  due: number;
}

/** How big one package file may get before the package is sent in parts. */
export interface PartLimits {
  records: number;
  /** Characters of the records' JSON. */
  chars: number;
}

/**
 * One file as SheetJS writes it in memory failed between 73,000 and 104,000 records ("Invalid array
 * length", issue #33); parts stay well below that, and below 60 MB of JSON (attachments).
 */
export const PART_LIMITS: PartLimits = { records: 40_000, chars: 60 * 1024 * 1024 };
/** A group of more parts than this is not a package this app made. */
export const MAX_PARTS = 1_000;

/** A record chosen for a package before it is read whole: where it is, and its size as JSON. */
export interface PlannedRecord {
  table: SyncedTableName;
  id: string;
  chars: number;
}

/** No limit: `build` makes one file whatever its size. */
const ONE_FILE: PartLimits = { records: Number.POSITIVE_INFINITY, chars: Number.POSITIVE_INFINITY };
/** Records read at a time while a package is planned. */
const PLAN_PAGE = 5_000;
/** performance.measure name of the records read for one peer on the Sinkronisasi screen. */
export const PEERS_READ_MEASURE = 'kl:peers:records';

/** Items cut into consecutive slices within the limits (at least one item per slice). */
function splitSized<T>(items: readonly T[], sizeOf: (item: T) => number, limits: PartLimits): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (cur.length > 0 && (cur.length >= limits.records || chars + size > limits.chars)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(item);
    chars += size;
  }
  if (cur.length > 0 || out.length === 0) out.push(cur);
  return out;
}

/** Records cut into consecutive slices within the limits. */
function splitRecords(records: readonly ExchangeRecord[], limits: PartLimits): ExchangeRecord[][] {
  return splitSized(records, (r) => JSON.stringify(r.doc).length, limits);
}

/** Planned records cut the same way, by the sizes the plan measured. */
function splitPlanned(keys: readonly PlannedRecord[], limits: PartLimits): PlannedRecord[][] {
  return splitSized(keys, (k) => k.chars, limits);
}

function covered(k: Record<string, string>, confirmed: Record<string, string>): boolean {
  for (const n of Object.keys(k)) if (!(confirmed[n]! >= k[n]!)) return false;
  return true;
}

/** Raises `holds` to `rev` for the rev's installation. */
function hold(holds: Record<string, string>, rev: string): void {
  const node = revNode(rev);
  if (!(holds[node]! >= rev)) holds[node] = rev;
}

/** What "Buat paket" was asked for: a full package ("Paket lengkap"), of one year when `year` is set (not to a laptop). */
export interface BuildOptions {
  full?: boolean;
  year?: number;
}

/** A package's records, checked before any of them is read as a domain type (an enrolment, an office). */
function checkedOrRefused(records: readonly ExchangeRecord[]): CheckedRecord[] {
  const checked = checkRecords(records);
  if (!checked.ok) throw new ExchangeRefused(checked.problem);
  return checked.records;
}

/** The sender's own enrolment among a package's records: who it says it is. */
function senderEnrolment(records: readonly CheckedRecord[], envelope: Envelope): Installation | undefined {
  for (const rec of records) {
    const inst = enrolmentOf(rec);
    if (inst?.id === envelope.from.installId) return inst;
  }
  return undefined;
}

/**
 * Packages between installations: which records go to whom (incrementally: what the peer has not
 * confirmed), receiving one (preview, then apply), and enrolment (pairing) packages.
 */
export class PackageRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly settings: SettingsRepo,
    private readonly sync: SyncRepo,
    private readonly clock: RevClock,
    private readonly appVersion: string,
    private readonly trust: TrustRepo,
  ) {}

  private async self(): Promise<{ ref: InstallRef; inst: Installation | null; role: Installation['role'] }> {
    const local = await readLocal(this.db);
    if (!local) throw new RepoError('notSetUp');
    const install = await readInstall(this.db, local);
    const inst = (await this.db.installations.get(install.installId)) ?? null;
    const office = await this.db.offices.get(local.officeId);
    return {
      ref: { installId: install.installId, officeId: local.officeId, officeName: office?.namaKantor ?? '', installName: inst?.nama ?? '' },
      inst,
      role: install.role ?? 'KANTOR',
    };
  }

  /** Who this installation is, as a package names it (the network sync's user and database). */
  async whoAmI(): Promise<{ ref: InstallRef; role: Installation['role'] }> {
    const { ref, role } = await this.self();
    return { ref, role };
  }

  private async refOf(installId: string): Promise<InstallRef> {
    const inst = await this.db.installations.get(installId);
    const office = inst ? await this.db.offices.get(inst.officeId) : undefined;
    return { installId, officeId: inst?.officeId ?? '', officeName: office?.namaKantor ?? '', installName: inst?.nama ?? '' };
  }

  /** Every record this installation may send to `peer` (a penilai laptop: its appraisees only). */
  private async allDocs(): Promise<Map<SyncedTableName, SyncDoc[]>> {
    const all = new Map<SyncedTableName, SyncDoc[]>();
    for (const t of SYNCED_TABLES) all.set(t, (await this.db.table(t).toArray()) as SyncDoc[]);
    return all;
  }

  private async scopedDocs(peer: Installation | null, read?: Map<SyncedTableName, SyncDoc[]>): Promise<{ table: SyncedTableName; doc: SyncDoc }[]> {
    const all = read ?? (await this.allDocs());
    if (peer?.role !== 'PENILAI') return SYNCED_TABLES.flatMap((t) => all.get(t)!.map((doc) => ({ table: t, doc })));
    return laptopScope(peer.penilaiEmployeeId, (t) => all.get(t as SyncedTableName) ?? []) as { table: SyncedTableName; doc: SyncDoc }[];
  }

  /** The installations and offices this one exchanges with, and what waits for each. */
  async peers(): Promise<PeerView[]> {
    const { ref } = await this.self();
    const out: PeerView[] = [];
    // Laptops' scopes depend on record contents: every record is read once for all of them. Any
    // other peer is owed what it has not confirmed, found from the syncKey index (issue #33).
    let all: Map<SyncedTableName, SyncDoc[]> | null = null;
    // One user-timing entry per peer, of this call only (never an ever-growing list).
    performance.clearMeasures(PEERS_READ_MEASURE);
    for (const { inst, state } of await this.partnersOf(ref)) {
      const confirmed = state?.confirmed ?? {};
      const held = inst.role === 'PENILAI' && state?.held ? new Set(state.held) : null;
      const meant = ({ table, doc }: { table: SyncedTableName; doc: SyncDoc }) => inst.role === 'PENILAI' || travelsTo(ownerOf(table, doc), ref.officeId, inst.officeId);
      const t = performance.now();
      const candidates = inst.role === 'PENILAI' ? await this.scopedDocs(inst, (all ??= await this.allDocs())) : await this.unconfirmed(confirmed);
      // The growth bench reads these: which part of the screen's wait is reading records.
      performance.measure(PEERS_READ_MEASURE, { start: t });
      const waiting = candidates.filter((r) => meant(r) && (!covered(docKnowledge(r.doc), confirmed) || (held && !held.has(`${r.table}:${r.doc.id}`))));
      const sentMs = state?.lastSent ? Date.parse(state.lastSent.at) : -Infinity;
      const due = waiting.filter((r) => revWallMs(r.doc.rev) > sentMs).length;
      out.push({ installation: inst, officeName: (await this.db.offices.get(inst.officeId))?.namaKantor ?? '', state, waiting: waiting.length, due });
    }
    return out.sort((a, b) => a.officeName.localeCompare(b.officeName) || a.installation.nama.localeCompare(b.installation.nama));
  }

  /** The installations this one exchanges packages with, without counting what waits for each. */
  async partners(): Promise<Installation[]> {
    return (await this.partnersOf((await this.self()).ref)).map((p) => p.inst);
  }

  private async partnersOf(ref: InstallRef): Promise<{ inst: Installation; state: PeerState | null }[]> {
    const out: { inst: Installation; state: PeerState | null }[] = [];
    for (const inst of await this.sync.installations()) {
      if (inst.id === ref.installId) continue;
      const state = (await this.db.peers.get(inst.id)) ?? null;
      // This office's other installations, and those of other offices it was introduced to
      // (a BKD knows of a kecamatan's laptops from its records, but never exchanges with them).
      if (inst.officeId !== ref.officeId && !state) continue;
      out.push({ inst, state });
    }
    return out;
  }

  /**
   * The installations whose writes `table` holds, each with its newest rev here, from the knowledge
   * index (domain/sync/knowledgeIndex.ts): two key reads per installation, however many records.
   */
  private async newestPerNode(table: SyncedTableName): Promise<Map<string, string>> {
    const index = this.db.table(table).where(KNOWLEDGE_INDEX);
    const out = new Map<string, string>();
    let next = (await this.db.table(table).orderBy(KNOWLEDGE_INDEX).limit(1).keys())[0] as string | undefined;
    while (next !== undefined) {
      const [node] = splitKey(next);
      const { lower, upper } = nodeRange(node);
      const newest = (await index.between(lower, upper, true, true).reverse().limit(1).keys())[0] as string;
      out.set(node, splitKey(newest)[1]);
      next = (await this.db.table(table).where(KNOWLEDGE_INDEX).above(afterNode(node)).limit(1).keys())[0] as string | undefined;
    }
    return out;
  }

  /** Newest rev per installation over every record here: what this installation holds. */
  private async holdings(): Promise<Record<string, string>> {
    const holds: Record<string, string> = {};
    for (const t of SYNCED_TABLES) for (const rev of (await this.newestPerNode(t)).values()) hold(holds, rev);
    return holds;
  }

  private async envelope(kind: Envelope['kind'], to: InstallRef, full: boolean, records: readonly ExchangeRecord[], extra: Partial<Envelope> = {}): Promise<EnvelopeDraft> {
    const { ref } = await this.self();
    const holds = extra.holds ?? (await this.holdings());
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.table] = (counts[r.table] ?? 0) + 1;
    // Open conflicts among the records sent (what the Ringkasan sheet describes).
    const openConflicts = records.reduce((n, r) => n + conflictsOf(r.table, r.doc as SyncDoc).length, 0);
    const packageId = crypto.randomUUID();
    const createdAt = new Date().toISOString();
    const local = await readLocal(this.db);
    const former = local ? ((await readInstall(this.db, local)).rekeyedFrom ?? []) : [];
    const peer = to.installId ? await this.trust.peer(to.installId) : undefined;
    return {
      format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, minAppVersion: MIN_READER_VERSION, appVersion: this.appVersion,
      schemaVersion: this.db.verno, kind, packageId, createdAt,
      from: ref, to, holds, full, counts, openConflicts,
      chain: await this.trust.nextLink(packageId, createdAt),
      anchor: peer?.audit ?? null,
      predecessor: former[former.length - 1] ?? null,
      forks: (await this.trust.forks()).since,
      incomplete: await this.incompleteGroups(),
      ...extra,
    };
  }

  /** The package with this installation's signer: the file is signed as it is written. */
  private async outgoing(envelope: EnvelopeDraft, records: ExchangeRecord[]): Promise<OutgoingPackage> {
    return { envelope, records, signer: await this.trust.signer() };
  }

  /**
   * Records some of whose writes `confirmed` does not cover, found from the knowledge index: per
   * installation, the keys above the rev the peer confirmed of it. Only those records are read, so
   * a package of this week's changes costs the same after five years of history (issue #33).
   */
  private async unconfirmed(confirmed: Record<string, string>): Promise<{ table: SyncedTableName; doc: SyncDoc }[]> {
    const docs: { table: SyncedTableName; doc: SyncDoc }[] = [];
    for (const t of SYNCED_TABLES) await this.pages(t, await this.unconfirmedIds(t, confirmed), (read) => read.forEach((doc) => docs.push({ table: t, doc })));
    return docs;
  }

  /** "Buat paket": what `peerId` has not confirmed yet, or everything ("Paket lengkap"), in one file. */
  async build(peerId: string, opts: BuildOptions = {}): Promise<OutgoingPackage> {
    const one = (await this.partsOf(peerId, opts, ONE_FILE).next()).value;
    if (!one) throw new RepoError('package.unknownPeer');
    return one;
  }

  /**
   * The same package as files of at most `limits` each (issue #33): one file when it fits, else
   * parts that share a group, each a whole signed package of its own, applying in any order.
   */
  async buildParts(peerId: string, opts: BuildOptions = {}, limits: PartLimits = PART_LIMITS): Promise<OutgoingPackage[]> {
    const out: OutgoingPackage[] = [];
    for await (const pkg of this.partsOf(peerId, opts, limits)) out.push(pkg);
    return out;
  }

  /**
   * The package's files one at a time (issue #33). Records are chosen a page at a time keeping only
   * their ids and sizes; each part then reads its own records, so memory holds one part whatever the
   * size of the whole (a package that fits one file is read once). A laptop's scope is small and
   * computed whole.
   */
  async *partsOf(peerId: string, opts: BuildOptions = {}, limits: PartLimits = PART_LIMITS): AsyncGenerator<OutgoingPackage> {
    const peer = await this.db.installations.get(peerId);
    if (!peer) throw new RepoError('package.unknownPeer');
    if (peer.role === 'PENILAI') {
      const sel = await this.selection(peer, opts);
      const slices = splitRecords(sel.records, limits);
      const group = crypto.randomUUID();
      const holds = slices.length > 1 ? (sel.extra.holds ?? (await this.holdings())) : undefined;
      for (const [i, records] of slices.entries()) {
        const extra = slices.length > 1 ? { ...sel.extra, holds, part: { group, n: i + 1, of: slices.length } } : sel.extra;
        yield await this.outgoing(await this.envelope('data', sel.to, !!opts.full, records, extra), records);
      }
      return;
    }
    const plan = await this.plan(peer, opts, limits);
    const slices = splitPlanned(plan.keys, limits);
    const group = crypto.randomUUID();
    for (const [i, keys] of slices.entries()) {
      const records = plan.kept ?? (await this.load(keys));
      const extra = { ...plan.extra, holds: plan.holds, ...(slices.length > 1 ? { part: { group, n: i + 1, of: slices.length } } : {}) };
      yield await this.outgoing(await this.envelope('data', plan.to, !!opts.full, records, extra), records);
    }
  }

  /**
   * What a package to an office installation or a BKD holds, chosen a page of records at a time:
   * every record meant for it (full), or what it has not confirmed (the knowledge index), one year's
   * when asked. Records are kept only while they fit one file (`kept`); beyond, only ids and sizes.
   */
  private async plan(peer: Installation, opts: BuildOptions, limits: PartLimits): Promise<{ to: InstallRef; extra: Partial<Envelope>; holds: Record<string, string>; keys: PlannedRecord[]; kept: ExchangeRecord[] | null }> {
    const { confirmed, ref, to, extra } = await this.start(peer, opts);
    // "Paket lengkap tahun 2026": the other years' SKPs and evaluations stay here.
    const year = opts.full && opts.year !== undefined ? opts.year : undefined;
    if (year !== undefined) extra.year = year;
    const holds: Record<string, string> = {};
    const keys: PlannedRecord[] = [];
    let kept: ExchangeRecord[] | null = [];
    let chars = 0;
    const evaluationYear = new Map<string, number | null>();
    for (const t of SYNCED_TABLES) {
      // One read of the index per installation serves both what this PC holds and what the peer lacks.
      const newest = await this.newestPerNode(t);
      for (const rev of newest.values()) hold(holds, rev);
      const ids = opts.full ? null : await this.unconfirmedIds(t, confirmed, newest);
      await this.pages(t, ids, (docs) => {
        for (const doc of docs) {
          if (t === 'evaluations') evaluationYear.set(doc.id, yearOfPeriodId(doc.periodId));
          if (!travelsTo(ownerOf(t, doc), ref.officeId, peer.officeId) || covered(docKnowledge(doc), confirmed)) continue;
          if (year !== undefined && (YEAR_TABLES as readonly string[]).includes(t) && recordYear(t, doc, (id) => evaluationYear.get(id)) !== year) continue;
          const size = JSON.stringify(doc).length;
          keys.push({ table: t, id: doc.id, chars: size });
          chars += size;
          if (kept && (keys.length > limits.records || chars > limits.chars)) kept = null;
          kept?.push({ table: t, schemaVersion: this.db.verno, doc });
        }
      });
    }
    return { to, extra, holds, keys, kept };
  }

  /** Records whose writes `confirmed` does not cover in one table, from the knowledge index (ids only). */
  private async unconfirmedIds(t: SyncedTableName, confirmed: Record<string, string>, perNode?: Map<string, string>): Promise<string[]> {
    const ids = new Set<string>();
    for (const [node, newest] of perNode ?? (await this.newestPerNode(t))) {
      const seen = confirmed[node];
      if (seen !== undefined && seen >= newest) continue;
      const { lower, upper, includeLower } = nodeRange(node, seen);
      for (const id of (await this.db.table(t).where(KNOWLEDGE_INDEX).between(lower, upper, includeLower, true).primaryKeys()) as string[]) ids.add(id);
    }
    return [...ids];
  }

  /** A table's records `ids` (or all of them), a page at a time. */
  private async pages(t: SyncedTableName, ids: readonly string[] | null, visit: (docs: SyncDoc[]) => void): Promise<void> {
    const table = this.db.table(t);
    if (ids) {
      for (let i = 0; i < ids.length; i += PLAN_PAGE) visit(((await table.bulkGet(ids.slice(i, i + PLAN_PAGE))) as (SyncDoc | undefined)[]).filter((d): d is SyncDoc => !!d));
      return;
    }
    await forEachPage<SyncDoc>(table, PLAN_PAGE, visit);
  }

  /** One part's records, read by table (a record deleted since the plan is left out). */
  private async load(keys: readonly PlannedRecord[]): Promise<ExchangeRecord[]> {
    const out: ExchangeRecord[] = [];
    for (const t of SYNCED_TABLES) {
      const ids = keys.filter((k) => k.table === t).map((k) => k.id);
      if (ids.length === 0) continue;
      for (const doc of (await this.db.table(t).bulkGet(ids)) as (SyncDoc | undefined)[]) if (doc) out.push({ table: t, schemaVersion: this.db.verno, doc });
    }
    return out;
  }

  /**
   * What every package to `peer` starts from: what it confirmed (nothing, for a full package), its
   * address, and, from a penilai laptop, everything the laptop holds — what entered its scope later
   * (below the office's vector) is then still sent to it.
   */
  private async start(peer: Installation, opts: BuildOptions): Promise<{ state: PeerState | undefined; confirmed: Record<string, string>; ref: InstallRef; to: InstallRef; extra: Partial<Envelope> }> {
    const state = await this.db.peers.get(peer.id);
    const { role, ref } = await this.self();
    const extra: Partial<Envelope> = role === 'PENILAI' ? { held: await this.heldIds() } : {};
    return { state, confirmed: opts.full ? {} : (state?.confirmed ?? {}), ref, to: await this.refOf(peer.id), extra };
  }

  /** What goes to a penilai laptop (its scope, computed from record contents, with what it said it holds), and what its envelope adds. */
  private async selection(peer: Installation, opts: BuildOptions): Promise<{ to: InstallRef; records: ExchangeRecord[]; extra: Partial<Envelope> }> {
    const { state, confirmed, to, extra } = await this.start(peer, opts);
    const scope = await this.scopedDocs(peer);
    const held = state?.held ? new Set(state.held) : null;
    const records = scope
      .filter(({ table, doc }) => !covered(docKnowledge(doc), confirmed) || (held && !held.has(`${table}:${doc.id}`)))
      .map(({ table, doc }): ExchangeRecord => ({ table, schemaVersion: this.db.verno, doc }));
    extra.scope = scope.map(({ table, doc }) => `${table}:${doc.id}`);
    return { to, records, extra };
  }

  /** Every record held here, as `table:id` (keys only). */
  private async heldIds(): Promise<string[]> {
    const out: string[] = [];
    for (const t of SYNCED_TABLES) for (const id of (await this.db.table(t).toCollection().primaryKeys()) as string[]) out.push(`${t}:${id}`);
    return out;
  }

  /** After the file was saved: remembered for the Sinkronisasi screen. */
  async markSent(peerId: string, envelope: Pick<Envelope, 'packageId' | 'full'>, records: number): Promise<void> {
    const prev = (await this.db.peers.get(peerId)) ?? { id: peerId, confirmed: {} };
    await this.db.peers.put({ ...prev, lastSent: { at: new Date().toISOString(), packageId: envelope.packageId, records, full: envelope.full } });
  }

  /**
   * "Daftarkan laptop pejabat penilai" (or a back-up PC): enrols it and returns its pairing package,
   * which tells it who it is and carries its records (a laptop: the appraisees of its penilai).
   */
  async enrol(fields: Pick<Installation, 'role' | 'nama' | 'penilaiEmployeeId'>): Promise<{ installation: Installation; pkg: OutgoingPackage }> {
    const { ref, role } = await this.self();
    if (role !== 'KANTOR') throw new RepoError('package.onlyKantorEnrols');
    const installation = await this.sync.enrol({ ...fields, officeId: ref.officeId });
    const records = (await this.scopedDocs(installation)).map(({ table, doc }): ExchangeRecord => ({ table, schemaVersion: this.db.verno, doc }));
    // Until its first package says otherwise, the new installation holds what its pairing package
    // carries: nothing of that waits to be sent (Sinkronisasi does not claim 17 records wait).
    const confirmed: Record<string, string> = {};
    for (const r of records) for (const rev of Object.values(docKnowledge(r.doc as SyncDoc))) hold(confirmed, rev);
    const prev = (await this.db.peers.get(installation.id)) ?? { id: installation.id, confirmed: {} };
    await this.db.peers.put({ ...prev, confirmed, ...(installation.role === 'PENILAI' ? { held: records.map((r) => `${r.table}:${r.doc.id as string}`) } : {}) });
    const to: InstallRef = { installId: installation.id, officeId: ref.officeId, officeName: ref.officeName, installName: installation.nama };
    const enrol = { installId: installation.id, officeId: ref.officeId, role: installation.role, penilaiEmployeeId: installation.penilaiEmployeeId, nama: installation.nama };
    return { installation, pkg: await this.outgoing(await this.envelope('pendaftaran', to, true, records, { enrol }), records) };
  }

  /**
   * "Paket perkenalan": introduces this installation (its enrolment and office) to another office's
   * installation, a kecamatan to its BKD and back, so their packages are accepted.
   */
  async introduction(): Promise<OutgoingPackage> {
    const { ref } = await this.self();
    const records: ExchangeRecord[] = [];
    const inst = await this.db.installations.get(ref.installId);
    const office = await this.db.offices.get(ref.officeId);
    if (inst) records.push({ table: 'installations', schemaVersion: this.db.verno, doc: inst as unknown as Record<string, unknown> });
    if (office) records.push({ table: 'offices', schemaVersion: this.db.verno, doc: office as unknown as Record<string, unknown> });
    const to: InstallRef = { installId: '', officeId: '', officeName: '', installName: '' };
    return this.outgoing(await this.envelope('pendaftaran', to, false, records), records);
  }

  /**
   * Every installation known here as the trust rules see it: enrolments, with retirements and
   * successors that a person confirmed (a restored PC announces its new key).
   */
  private async parties(): Promise<Map<string, Party>> {
    const out = new Map<string, Party>();
    for (const i of await this.db.installations.toArray()) if (!i.deleted) out.set(i.id, { id: i.id, officeId: i.officeId, role: i.role, nama: i.nama });
    for (const p of await this.db.peers.toArray()) {
      const base = out.get(p.id) ?? (p.successorOf ? out.get(p.successorOf) : undefined);
      if (!base) continue;
      out.set(p.id, { ...base, id: p.id, ...(p.retiredAt ? { retiredAt: p.retiredAt } : {}) });
    }
    return out;
  }

  private label(ref: InstallRef): string {
    return [ref.officeName, ref.installName].filter(Boolean).join(', ') || ref.installId;
  }

  /**
   * The checks of a received data package that come before any record: for whom, from whom (the
   * key a person confirmed, the signature), when. Returns what the sender may carry.
   */
  private async check(envelope: Envelope): Promise<Carrier> {
    const { ref, role } = await this.self();
    if (envelope.kind !== 'data') throw new RepoError('package.isPairing');
    if (envelope.to.installId !== ref.installId) {
      throw new RepoError('package.notForUs', { to: [envelope.to.officeName, envelope.to.installName].filter(Boolean).join(', ') || envelope.to.installId });
    }
    const from = this.label(envelope.from);
    const peer = await this.trust.peer(envelope.from.installId);
    const parties = await this.parties();
    const sender = parties.get(envelope.from.installId);
    if (!peer?.key) {
      // A key never seen: only from an installation enrolled here, or one announcing itself as the
      // successor of an installation whose key is trusted (a restored PC) — and only once a person
      // compared the codes.
      const pred = envelope.predecessor ? await this.trust.peer(envelope.predecessor) : undefined;
      if ((sender && !sender.retiredAt) || pred?.key) throw new RepoError('package.newKey', { from, code: await keyCodeOf(envelope.key) });
      throw new RepoError('package.unknownSender', { from });
    }
    if (!sameKey(peer.key, envelope.key)) throw new RepoError('package.keyMismatch', { from });
    if (!(await verifyText(peer.key, envelope.hash, envelope.sig))) throw new RepoError('package.badSignature', { from });
    if (peer.retiredAt) throw new RepoError('package.retiredSender', { from });
    if (!sender) throw new RepoError('package.unknownSender', { from });
    const localMs = this.clock.localMs();
    const far = Object.values(envelope.holds).find((r) => revPlausibility(r, localMs) === 'tooFarAhead');
    if (far) throw new RepoError('package.clockFarAhead', { from: envelope.from.installName || envelope.from.officeName, date: new Date(Number(far.slice(0, 15))).toISOString().slice(0, 10) });
    const local = await readLocal(this.db);
    const former = local ? ((await readInstall(this.db, local)).rekeyedFrom ?? []) : [];
    const forks = { ...(await this.trust.forks()).since };
    // Identities the sender found on two PCs (a BKD tells its offices) are concurrent here too.
    for (const [id, ms] of Object.entries(envelope.forks ?? {})) if (typeof ms === 'number') forks[id] = Math.min(forks[id] ?? Infinity, ms);
    const receiver: Party = { id: ref.installId, officeId: ref.officeId, role };
    return { sender, receiver, parties, former, forks };
  }

  /** A fork between this package's chain and the links seen before from its sender, or null. */
  private async forkOf(envelope: Envelope): Promise<{ sinceMs: number } | null> {
    const peer = await this.trust.peer(envelope.from.installId);
    const fork = findFork(peer?.links ?? [], envelope.chain.links);
    if (!fork) return null;
    const clash = (peer?.links ?? []).find((l) => l.seq === fork.seq);
    return { sinceMs: Date.parse(fork.since?.at ?? clash?.at ?? envelope.createdAt) };
  }

  /** Checks, plus the fork this package reveals (its sender's writes then stay apart from the other copy's). */
  private async carrierFor(envelope: Envelope): Promise<{ carrier: Carrier; fork: { sinceMs: number } | null }> {
    const carrier = await this.check(envelope);
    const fork = await this.forkOf(envelope);
    if (fork) carrier.forks[envelope.from.installId] = Math.min(carrier.forks[envelope.from.installId] ?? Infinity, fork.sinceMs);
    return { carrier, fork };
  }

  /** A package from this laptop's office with its scope: what left the scope goes (see Envelope.scope). */
  private scopeOf(envelope: Envelope, carrier: Carrier): { scope?: { ids: readonly string[]; covered: Record<string, string> } } {
    // Only a laptop's own office decides what it holds.
    const { sender, receiver } = carrier;
    const ours = receiver.role === 'PENILAI' && sender.role === 'KANTOR' && sender.officeId === receiver.officeId;
    return ours && Array.isArray(envelope.scope) ? { scope: { ids: envelope.scope.filter((x): x is string => typeof x === 'string'), covered: envelope.holds } } : {};
  }

  private source(envelope: Envelope) {
    return { packageId: envelope.packageId, installId: envelope.from.installId, officeId: envelope.from.officeId, label: this.label(envelope.from) };
  }

  /** "Kode cocok": a person compared the key's code on both screens; packages signed with it are taken. */
  async trustSender(envelope: Envelope): Promise<void> {
    const sender = (await this.parties()).get(envelope.from.installId);
    const pred = envelope.predecessor ? await this.trust.peer(envelope.predecessor) : undefined;
    if (!(sender && !sender.retiredAt) && !pred?.key) throw new RepoError('package.unknownSender', { from: this.label(envelope.from) });
    const existing = await this.trust.peer(envelope.from.installId);
    if (existing?.key && !sameKey(existing.key, envelope.key)) throw new RepoError('package.keyMismatch', { from: this.label(envelope.from) });
    await this.trust.trustKey(envelope.from.installId, envelope.key, sender ? null : envelope.predecessor);
  }

  /** "Terima paket", first step: what applying it would do (nothing is written). */
  async preview(envelope: Envelope, records: ExchangeRecord[]): Promise<ApplyReport> {
    const { carrier, fork } = await this.carrierFor(envelope);
    const report = await this.sync.applyBatch({ source: this.source(envelope), records }, { dryRun: true, carrier, ...this.scopeOf(envelope, carrier) });
    return fork ? { ...report, fork: { nama: this.label(envelope.from) } } : report;
  }

  /** Groups of parts received here with some part still missing. */
  private async incompleteGroups(): Promise<string[]> {
    const seen = new Map<string, { of: number; n: Set<number> }>();
    await this.db.receipts.where('part.group').above('').each((r) => {
      const g = seen.get(r.part!.group) ?? { of: r.part!.of, n: new Set<number>() };
      g.n.add(r.part!.n);
      seen.set(r.part!.group, g);
    });
    return [...seen].filter(([, g]) => g.n.size < g.of).map(([group]) => group);
  }

  /** A part of a package sent in parts: remembered on its receipt; which parts of its group are still missing here. */
  private async notePart(envelope: Envelope, receiptId: string): Promise<ApplyReport['part'] | null> {
    const p = envelope.part;
    if (!p || typeof p.group !== 'string' || !Number.isInteger(p.n) || !Number.isInteger(p.of) || p.of < 1 || p.of > MAX_PARTS) return null;
    await this.db.receipts.update(receiptId, { part: { group: p.group, n: p.n, of: p.of } });
    const here = new Set((await this.db.receipts.where('part.group').equals(p.group).toArray()).map((r) => r.part!.n));
    const missing = Array.from({ length: p.of }, (_, i) => i + 1).filter((n) => !here.has(n));
    return { n: p.n, of: p.of, missing };
  }

  /** "Terapkan": applies it all in one transaction, then remembers what the sender holds. */
  async receive(envelope: Envelope, records: ExchangeRecord[]): Promise<ApplyReport> {
    // Timed by step beside applyBatch's own phases: the growth bench shows where a receive goes.
    let t = performance.now();
    const lap = () => {
      const ms = Math.round(performance.now() - t);
      t = performance.now();
      return ms;
    };
    const { carrier, fork } = await this.carrierFor(envelope);
    const carrierMs = lap();
    // Remembered before applying: from now on the two copies' writes are kept apart, never last-writer-wins.
    if (fork) await this.trust.noteFork(envelope.from.installId, this.label(envelope.from), fork.sinceMs, [envelope.packageId]);
    // The receipt keeps the versions this package replaces, and can undo it (issue #33: a snapshot
    // sized to the package, never a copy of the whole database).
    const batch = { source: this.source(envelope), records };
    const receiptId = await batchDigest(batch);
    const here = await this.sync.heldOf(batch, receiptId);
    const digestMs = lap();
    const applied = await this.sync.applyBatch(batch, { snapshot: true, carrier, receiptId, ...(here !== 'received' ? { held: here } : {}), ...this.scopeOf(envelope, carrier) });
    const applyMs = lap();
    const part = await this.notePart(envelope, receiptId);
    const report = { ...applied, ...(fork ? { fork: { nama: this.label(envelope.from) } } : {}), ...(part ? { part } : {}) };
    await this.trust.noteReceived(envelope);
    const prev = (await this.db.peers.get(envelope.from.installId)) ?? { id: envelope.from.installId, confirmed: {} };
    const confirmed = { ...prev.confirmed };
    // A sender still missing parts of a package holds newer revs than it holds everything up to:
    // what it confirms waits until its parts are complete, so a lost part is sent again.
    const partial = Array.isArray(envelope.incomplete) && envelope.incomplete.length > 0;
    if (!partial) for (const [n, r] of Object.entries(envelope.holds)) if (!(confirmed[n]! >= r)) confirmed[n] = r;
    const held = Array.isArray(envelope.held) && carrier.sender.role === 'PENILAI' ? { held: envelope.held.filter((x): x is string => typeof x === 'string') } : {};
    await this.db.peers.put({ ...prev, confirmed, ...held, lastReceived: { at: new Date().toISOString(), packageId: envelope.packageId, records: records.length } });
    report.phases = { carrier: carrierMs, digestAndHeld: digestMs, applyBatch: applyMs, ...applied.phases, bookkeeping: lap() };
    return report;
  }

  /**
   * An introduction (or a pairing package meant for an existing installation): the sender's own
   * records are taken as they are, as the installation whose packages are trusted from now on.
   */
  async acceptIntroduction(envelope: Envelope, records: ExchangeRecord[]): Promise<Installation> {
    if (envelope.kind !== 'pendaftaran' || envelope.enrol) throw new RepoError('package.notIntroduction');
    const checked = checkedOrRefused(records);
    const inst = senderEnrolment(checked, envelope);
    if (!inst) throw new RepoError('package.notIntroduction');
    // Signed by the key it introduces (the person compared that key's code before accepting).
    if (!(await verifyText(envelope.key, envelope.hash, envelope.sig))) throw new RepoError('package.badSignature', { from: this.label(envelope.from) });
    const { ref, role } = await this.self();
    const rule = introductionAllowed({ id: ref.installId, officeId: ref.officeId, role }, { id: inst.id, officeId: inst.officeId, role: inst.role });
    if (rule !== 'ok') throw new RepoError(`package.intro.${rule}`, { from: this.label(envelope.from) });
    const known = await this.trust.peer(inst.id);
    if (known?.key && !sameKey(known.key, envelope.key)) throw new RepoError('package.keyMismatch', { from: this.label(envelope.from) });
    const office = checked.find((r) => r.table === 'offices' && r.doc.id === inst.officeId)?.doc;
    const { db } = this;
    const at = new Date().toISOString();
    const code = await keyCodeOf(envelope.key);
    await db.transaction('rw', db.installations, db.offices, db.peers, db.auditLog, db.settings, async () => {
      if (!(await db.installations.get(inst.id))) await db.installations.put(structuredClone(inst));
      if (office && !(await db.offices.get(office.id as string))) await db.offices.put(structuredClone(office) as never);
      const prev = (await db.peers.get(inst.id)) ?? { id: inst.id, confirmed: {} };
      await db.peers.put({ ...prev, key: envelope.key });
      // The audit chain keeps who was introduced, with which key, by whose word.
      await appendAudit(db, [{
        id: crypto.randomUUID(), at, actor: this.label(envelope.from), officeId: ref.officeId, installId: ref.installId, table: 'installations', docId: inst.id,
        action: 'create', changes: [{ field: 'kunci', from: null, to: code }], rev: inst.rev, note: `perkenalan dari ${this.label(envelope.from)}`,
      }]);
    });
    return inst;
  }

  /** A new installation set up from its pairing package: takes its identity, then its records. */
  async joinFromPairing(envelope: Envelope, records: ExchangeRecord[], today: Date): Promise<ApplyReport> {
    const enrol = envelope.enrol;
    const enrolledBy = senderEnrolment(checkedOrRefused(records), envelope);
    if (envelope.kind !== 'pendaftaran' || !enrol || !enrolledBy) throw new RepoError('package.notPairing');
    if (!(await verifyText(envelope.key, envelope.hash, envelope.sig))) throw new RepoError('package.badSignature', { from: this.label(envelope.from) });
    const batch = { source: this.source(envelope), records };
    const receiptId = await batchDigest(batch);
    const { db } = this;
    // One transaction: a pairing whose records cannot be applied leaves the PC as it was, not set
    // up and empty, and the same package can be used again.
    return db.transaction('rw', db.tables, async () => {
      await this.settings.joinOffice({ ...enrol, adminName: enrol.nama, enrolledBy }, today);
      // The enroller's key, whose code the person compared on the join screen, is the first key trusted here.
      await this.trust.trustKey(envelope.from.installId, envelope.key, null);
      const report = await this.sync.applyBatch(batch, { receiptId });
      const peer = (await this.trust.peer(envelope.from.installId))!;
      await db.peers.put({ ...peer, confirmed: { ...envelope.holds }, lastReceived: { at: new Date().toISOString(), packageId: envelope.packageId, records: records.length } });
      await this.trust.noteReceived(envelope);
      return report;
    });
  }
}
