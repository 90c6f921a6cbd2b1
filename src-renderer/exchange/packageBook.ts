/**
 * The sheets of a Sinkronisasi package that people read (Petunjuk, Ringkasan, Pegawai, SKP,
 * Evaluasi) beside the machine sheets of package.ts. Only words from the catalog; the machine
 * sheets are hidden from view, never from the app.
 */
import { formatNip } from '../domain/nip';
import { PERMENPANRB_6_2022, type Predikat, type Rating } from '../domain/rulepack';
import type { SyncDoc } from '../domain/sync/merge';
import { id as messages, type MessageKey } from '../i18n/messages';
import { tableLabelKey } from '../i18n/tableNames';
import type { CellValue, SheetSpec } from '../io/sheet';
import { ENVELOPE_SHEET, type EnvelopeDraft, type MachineSheets } from './package';
import type { ExchangeRecord } from './records';

const m = (key: MessageKey, params: Record<string, string | number> = {}) =>
  messages[key].replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));


function ref(r: EnvelopeDraft['from']): string {
  return [r.officeName, r.installName].filter(Boolean).join(', ') || '—';
}

/** "Paket lengkap tahun 2026", "Perubahan sejak paket terakhir", …: what kind of package this is. */
function kindLabel(envelope: EnvelopeDraft): string {
  if (envelope.kind !== 'data') return m('paket.ringkasan.pendaftaran');
  if (!envelope.full) return m('paket.ringkasan.perubahan');
  return envelope.year !== undefined ? m('paket.ringkasan.lengkapTahun', { year: envelope.year }) : m('paket.ringkasan.lengkap');
}

/** The sheets people read: made from the envelope draft, before the hash that covers them. */
export function readableSheets(envelope: EnvelopeDraft, records: readonly ExchangeRecord[]): SheetSpec[] {
  const of = (t: string) => records.filter((r) => r.table === t).map((r) => r.doc as SyncDoc).filter((d) => !d.deleted);
  const employees = of('employees');
  const byId = new Map(employees.map((e) => [e.id, e]));
  const skps = of('skps');
  const skpById = new Map(skps.map((s) => [s.id, s]));
  const pack = PERMENPANRB_6_2022;
  const rating = (r: unknown) => (r ? pack.ratingLabels[r as Rating] : '');
  const predikat = (p: unknown) => (p ? pack.predikatLabels[p as Predikat] : '');
  const nip = (s: unknown) => (typeof s === 'string' && s ? formatNip(s) : '');

  const petunjuk: CellValue[][] = [
    [m('paket.petunjuk.title')],
    [m('paket.petunjuk.1')],
    [m('paket.petunjuk.2')],
    [m('paket.petunjuk.3')],
  ];
  const ringkasan: CellValue[][] = [
    [m('paket.ringkasan.dari'), ref(envelope.from)],
    [m('paket.ringkasan.untuk'), ref(envelope.to)],
    [m('paket.ringkasan.dibuat'), envelope.createdAt.replace('T', ' ').slice(0, 16)],
    [m('paket.ringkasan.jenis'), kindLabel(envelope)],
    [m('paket.ringkasan.konflik'), envelope.openConflicts],
    [],
    [m('paket.ringkasan.isi'), m('paket.ringkasan.jumlah')],
    ...Object.entries(envelope.counts).map(([t, n]): CellValue[] => [tableLabelKey(t) ? m(tableLabelKey(t)!) : t, n]),
  ];
  const pegawai: CellValue[][] = [
    [m('paket.kolom.nip'), m('paket.kolom.nama'), m('paket.kolom.jabatan'), m('paket.kolom.golongan')],
    ...employees.map((e): CellValue[] => [nip(e.nip), String(e.nama ?? ''), String(e.jabatan ?? ''), String(e.golongan ?? '')]),
  ];
  const skpRows: CellValue[][] = [[m('paket.kolom.nip'), m('paket.kolom.nama'), m('paket.kolom.tahun'), m('paket.kolom.status'), m('paket.kolom.rhk')]];
  for (const s of skps) {
    const p = s.pegawai as { nip?: string; nama?: string } | undefined;
    for (const r of (s.rhk as { teks?: string }[] | undefined) ?? []) skpRows.push([nip(p?.nip), p?.nama ?? '', Number(s.year), String(s.status ?? ''), r.teks ?? '']);
  }
  const evalRows: CellValue[][] = [[
    m('paket.kolom.nip'), m('paket.kolom.nama'), m('paket.kolom.periode'), m('paket.kolom.rhk'), m('paket.kolom.realisasi'),
    m('paket.kolom.ratingHasil'), m('paket.kolom.ratingPerilaku'), m('paket.kolom.predikat'), m('paket.kolom.status'),
  ]];
  for (const e of of('evaluations')) {
    const p = e.pegawai as { nip?: string; nama?: string } | undefined;
    const person = p ?? (byId.get(e.employeeId as string) as { nip?: string; nama?: string } | undefined);
    const rhkText = new Map(((skpById.get(e.skpId as string)?.rhk as { id: string; teks: string }[] | undefined) ?? []).map((r) => [r.id, r.teks]));
    const hasil = Object.entries((e.hasil as Record<string, { realisasi?: string }>) ?? {});
    const lines = hasil.length > 0 ? hasil : [['', { realisasi: '' }] as const];
    for (const [rhkId, h] of lines) {
      evalRows.push([nip(person?.nip), person?.nama ?? '', String(e.periodLabel ?? e.periodId ?? ''), rhkText.get(rhkId) ?? '', h.realisasi ?? '',
        rating(e.ratingHasil), rating(e.ratingPerilaku), predikat(e.predikat), String(e.status ?? '')]);
    }
  }
  return [
    { name: m('paket.sheet.petunjuk'), rows: petunjuk, widths: [110] },
    { name: m('paket.sheet.ringkasan'), rows: ringkasan, widths: [28, 60] },
    { name: m('paket.sheet.pegawai'), rows: pegawai, widths: [24, 36, 36, 10] },
    { name: m('paket.sheet.skp'), rows: skpRows, widths: [24, 30, 8, 12, 70] },
    { name: m('paket.sheet.evaluasi'), rows: evalRows, widths: [24, 30, 16, 50, 24, 22, 22, 18, 10] },
  ];
}

/** The machine sheets, hidden from view (never from the app). */
export function machineSheetSpecs(machine: MachineSheets): SheetSpec[] {
  return [{ name: ENVELOPE_SHEET, rows: machine.envelope, hidden: true }, ...machine.records.map((r) => ({ name: r.name, rows: r.rows, hidden: true }))];
}
