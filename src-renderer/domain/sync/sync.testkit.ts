/**
 * Test helpers for the merge: installations as plain objects with their own clock, writing and
 * receiving documents through the same pure functions the data layer uses. Not shipped.
 */
import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../hlc';
import { sameValue } from './paths';
import { canonicalDoc, mergeDocs, openConflicts, writeLocal, type Authorize, type SyncDoc } from './merge';

export class Replica {
  last: Hlc | null = null;
  docs = new Map<string, SyncDoc>();
  /** Wall clock of this installation (tests move it, also backwards). */
  wallMs: number;

  constructor(
    readonly node: string,
    wallMs = Date.UTC(2026, 0, 5),
    readonly table = 'evaluations',
  ) {
    this.wallMs = wallMs;
  }

  tick(): string {
    this.last = tickHlc(this.last, this.wallMs, this.node);
    return formatHlc(this.last);
  }

  /** A local save: the fields given replace those of the current copy. */
  edit(id: string, patch: Record<string, unknown>, force?: string[]): SyncDoc {
    const prev = this.docs.get(id);
    const values = { ...(prev ?? {}), ...patch };
    // As the data layer does: a save that changes nothing is not a new revision.
    if (prev && !force && Object.keys(patch).every((k) => sameValue(prev[k], patch[k]))) return prev;
    const doc = writeLocal(this.table, prev, values, { rev: this.tick(), nowIso: new Date(this.wallMs).toISOString(), id, ...(force ? { force } : {}) });
    this.docs.set(id, doc);
    return doc;
  }

  /** Receiving another installation's copy: merge, and move the clock past what was seen. */
  receive(doc: SyncDoc, authorize?: Authorize, noShortcut = false) {
    const local = this.docs.get(doc.id);
    const out = mergeDocs(this.table, local, structuredClone(doc), { ...(authorize ? { authorize } : {}), noShortcut, selfNode: this.node });
    if (out.changed) this.docs.set(doc.id, out.doc);
    const h = parseHlc(doc.rev);
    if (h) this.last = receiveHlc(this.last, h, this.node);
    return out;
  }

  get(id: string): SyncDoc {
    const d = this.docs.get(id);
    if (!d) throw new Error(`${this.node} has no ${id}`);
    return d;
  }

  conflicts(id: string) {
    return openConflicts(this.table, this.get(id));
  }
}

/** JSON with sorted keys: two copies are "the same" when this is equal. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof ArrayBuffer || ArrayBuffer.isView(x)) return { bytes: Array.from(new Uint8Array(x instanceof ArrayBuffer ? x : (x as ArrayBufferView).buffer)) };
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      return Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]]));
    }
    return x;
  });
}

export function canonical(table: string, doc: SyncDoc): string {
  return stable(canonicalDoc(table, doc));
}

export function evaluationValues(): Record<string, unknown> {
  return {
    employeeId: 'e1', skpId: 's1', unitId: 'u1', year: 2026, periodId: '2026-TRIWULANAN-1', periodLabel: 'Triwulan I',
    akhir: false, mulai: '2026-01-01', selesai: '2026-03-31',
    pegawai: { employeeId: 'e1', nama: 'Siti', nip: '199001012015032001', status: 'PNS', pangkat: '', jabatan: 'Pengadministrasi', unit: 'Umum' },
    penilai: { employeeId: 'camat', nama: 'Camat', nip: '197501012000031001', status: 'PNS', pangkat: '', jabatan: 'Camat', unit: 'Kecamatan' },
    atasanPenilai: null,
    hasil: { r1: { realisasi: '', buktiDukung: '', umpanBalik: [] }, r2: { realisasi: '', buktiDukung: '', umpanBalik: [] } },
    perilaku: {}, masukan: [], ratingHasil: '', ratingPerilaku: '', predikat: '', status: 'DRAF', finalPada: '',
    rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' }, rulePack: { id: 'permenpanrb-6-2022', version: 1 },
  };
}
