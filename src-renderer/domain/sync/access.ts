/**
 * Who may write what, decided on receipt from enrolment records that themselves travel between
 * installations. An office owns its employees, units, SKPs and
 * evaluations; a penilai laptop may write only the rating parts of the evaluations of the people it
 * appraises; a BKD owns what it created (rule packs, periods) and holds read-only copies of other
 * offices, except that it may move a record to another office (mutasi). A write that is not allowed
 * is never applied: it waits as a proposal for the owner.
 */
import { revNode } from '../hlc';
import type { SyncMeta } from '../records';
import type { Authorize, SyncDoc } from './merge';
import { baseRev } from './merge';
import { TABLES, type LaptopRule } from '../tables';
import { SYNCED_TABLES, tableSpec } from '../tableFacts';

export type InstallationRole = 'KANTOR' | 'PENILAI' | 'BKD';
export const INSTALLATION_ROLES: readonly InstallationRole[] = ['KANTOR', 'PENILAI', 'BKD'];

/** One enrolled installation (table `installations`). Its id is its installId: the HLC node. */
export interface Installation extends SyncMeta {
  officeId: string;
  role: InstallationRole;
  /** How people call it: "PC admin", "laptop Camat". */
  nama: string;
  /** A penilai laptop: the employee whose appraisees it may rate. */
  penilaiEmployeeId: string | null;
}

/** Paths of an evaluation that belong to the appraiser (ratings, umpan balik, rekomendasi, Final): domain/tables.ts. */
export const RATING_PATHS: readonly RegExp[] = TABLES.evaluations.penilaiPaths;

/** The office that owns a record: its `officeId`, the office itself, or (records from before sync) its first writer. */
export function ownerOf(table: string, doc: Pick<SyncDoc, 'id' | 'sv' | 'rev'> & { officeId?: unknown }): string {
  if (tableSpec(table)?.ownedBy === 'self') return doc.id;
  if (typeof doc.officeId === 'string' && doc.officeId) return doc.officeId;
  return revNode(baseRev(doc));
}

/** The installation whose write a path of a record shows (its own write, or the write that created the record). */
export function writerOf(doc: Pick<SyncDoc, 'sv' | 'rev'>, field: string): string {
  return revNode(doc.sv?.f[field]?.r ?? baseRev(doc));
}

function penilaiOf(doc: SyncDoc | undefined): string | null {
  const p = doc?.penilai as { employeeId?: unknown } | null | undefined;
  return typeof p?.employeeId === 'string' ? p.employeeId : null;
}

/**
 * The rule for one record. An appraiser is judged by the penilai the owner recorded, never by what
 * the sender claims: this installation's copy, or for a record new here (a BKD receiving a
 * kecamatan's evaluation that carries the camat's ratings) the received penilai when an installation
 * allowed to write the whole record wrote it.
 */
export function authorizeFor(
  table: string,
  owner: string,
  local: SyncDoc | undefined,
  enrolled: (installId: string) => Installation | undefined,
  incoming?: SyncDoc,
): Authorize {
  const wholeDoc = (node: string): boolean => {
    const inst = enrolled(node);
    if (!inst || inst.deleted) return false;
    return inst.officeId === owner && inst.role !== 'PENILAI';
  };
  return {
    wholeDoc,
    path(node, path) {
      if (wholeDoc(node)) return true;
      const inst = enrolled(node);
      if (!inst || inst.deleted) return false;
      if (inst.role === 'BKD') return path === 'officeId';
      const paths = tableSpec(table)?.penilaiPaths;
      if (inst.role !== 'PENILAI' || inst.officeId !== owner || !paths) return false;
      const penilai = penilaiOf(local ?? (incoming && wholeDoc(writerOf(incoming, 'penilai')) ? incoming : undefined));
      return penilai !== null && penilai === inst.penilaiEmployeeId && paths.some((re) => re.test(path));
    },
  };
}

/**
 * Does a record owned by `owner` go in a package from an installation of `senderOffice` to one of
 * `peerOffice`? Within one office, everything; between offices, only the receiver's own records and
 * the sender's (a kecamatan's package to its BKD carries no other BKD's enrolment, the BKD's
 * package to Pauh no record of Curug): nothing arrives that its receiver would hold as a proposal.
 */
export function travelsTo(owner: string, senderOffice: string, peerOffice: string): boolean {
  return senderOffice === peerOffice || owner === peerOffice || owner === senderOffice;
}

/** Is this employee's work listed on this installation? On a penilai laptop, not the penilai's own (see useAppraisedHere). */
export function appraisedHere(self: Pick<Installation, 'role' | 'penilaiEmployeeId'> | null, employeeId: string): boolean {
  return self?.role !== 'PENILAI' || employeeId !== self.penilaiEmployeeId;
}

/**
 * What a penilai laptop receives: its penilai's appraisees (their SKPs, evaluations with their files,
 * trainings, scanned signatures), the penilai, their units, and what every installation needs
 * (enrolments, offices, periods, rule packs) — never the whole office. Which
 * table is which is data: `laptop` in domain/tables.ts.
 */
export function laptopScope(penilai: string | null, all: (table: string) => readonly SyncDoc[]): { table: string; doc: SyncDoc }[] {
  const rule = (t: string): LaptopRule => tableSpec(t)!.laptop;
  // The seeds: records whose penilai is the laptop's (its appraisees' SKPs and evaluations).
  const appraised = new Map(SYNCED_TABLES.filter((t) => rule(t) === 'appraised').map((t) => [t, all(t).filter((d) => penilaiOf(d) === penilai)]));
  const sets: Record<'people' | 'units' | 'evaluations', Set<unknown>> = {
    people: new Set([penilai, ...[...appraised.values()].flat().map((d) => d.employeeId)]),
    units: new Set(),
    evaluations: new Set((appraised.get('evaluations') ?? []).map((e) => e.id)),
  };
  // Their units are the units of the people it receives (the table kept by `id in people`).
  for (const t of SYNCED_TABLES) {
    const r = rule(t);
    if (typeof r === 'object' && r.in === 'people' && r.field === 'id') for (const d of all(t)) if (sets.people.has(d.id)) sets.units.add(d.unitId);
  }
  return SYNCED_TABLES.flatMap((table) => {
    const r = rule(table);
    const docs = r === 'all' ? all(table) : r === 'appraised' ? appraised.get(table)! : all(table).filter((d) => sets[r.in].has(d[r.field]));
    return docs.map((doc) => ({ table, doc }));
  });
}
