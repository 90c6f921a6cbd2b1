/**
 * Exports (issue #6 §6): every list as an xlsx with Indonesian headers, NIP and all other text as
 * text cells (formula-looking text is never evaluated), sensible widths. The Pegawai and SKP
 * exports use the template layout, so a file sent to another office can be imported back as is.
 */
import { effectiveCapaian } from '../domain/capaian';
import { formatNip } from '../domain/nip';
import { parseIsoDate } from '../domain/dates';
import type { Evaluation, UnitResult } from '../domain/evaluation';
import type { Employee } from '../domain/pegawai';
import type { RulePack } from '../domain/rulepack';
import type { Unit } from '../domain/unit';
import { id as messages } from '../i18n/messages';
import { unitChoices, unitLabels } from './pegawaiImport';
import { buildWorkbook, type CellValue } from '../io/sheet';
import { COLUMNS, fitWidths, templateSheets, type MetaInfo } from './templates';

function tanggal(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}-${d.year}` : '';
}

export function employeeRows(list: readonly Employee[], units: readonly Unit[], all: readonly Employee[]): CellValue[][] {
  const unitName = unitLabels(units);
  const nipOf = new Map(all.map((e) => [e.id, e.nip]));
  const value: Record<string, (e: Employee) => CellValue> = {
    nip: (e) => e.nip,
    nama: (e) => e.nama,
    gelarDepan: (e) => e.gelarDepan,
    gelarBelakang: (e) => e.gelarBelakang,
    status: (e) => messages[`pegawai.status.${e.status}`],
    jenisKelamin: (e) => e.jenisKelamin,
    tanggalLahir: (e) => tanggal(e.tanggalLahir),
    golongan: (e) => e.golongan,
    tmtGolongan: (e) => tanggal(e.tmtGolongan),
    jabatan: (e) => e.jabatan,
    jenisJabatan: (e) => (e.jenisJabatan ? messages[`pegawai.jenisJabatan.${e.jenisJabatan}`] : ''),
    jenjang: (e) => (e.jenjang ? messages[`pegawai.jenjang.${e.jenjang}`] : ''),
    unit: (e) => (e.unitId ? (unitName.get(e.unitId) ?? '') : ''),
    atasanNip: (e) => (e.atasanId ? (nipOf.get(e.atasanId) ?? '') : ''),
  };
  return list.map((e) => COLUMNS.pegawai.map((c) => value[c.key]?.(e) ?? ''));
}

export function exportPegawai(list: readonly Employee[], units: readonly Unit[], all: readonly Employee[], meta: MetaInfo) {
  return templateSheets('pegawai', { ...meta, kind: 'pegawai' }, employeeRows(list, units, all), unitChoices(units), false);
}

/** Rekap penilaian of one period: per unit its capaian and counts, then every employee's predikat. */
export function exportRekap(input: { periode: string; evaluations: readonly Evaluation[]; units: readonly Unit[]; results: readonly UnitResult[]; pack: RulePack; instansi: string }) {
  const { pack } = input;
  const unitName = new Map(input.units.map((u) => [u.id, u.nama]));
  const own = new Map(input.results.map((r) => [r.unitId, r.capaian]));
  // A unit without its own capaian follows the one set above it (§7.6), as the printed forms do.
  const capaian = { get: (unitId: string) => effectiveCapaian(input.units, own, unitId || null).capaian };
  const header: CellValue[] = ['No', 'NIP', 'Nama', 'Jabatan', 'Unit kerja', 'Capaian organisasi', 'Rating hasil kerja', 'Rating perilaku kerja', 'Predikat', 'Status'];
  const sorted = [...input.evaluations].sort((a, b) => (unitName.get(a.unitId ?? '') ?? '').localeCompare(unitName.get(b.unitId ?? '') ?? '', 'id') || a.pegawai.nama.localeCompare(b.pegawai.nama, 'id'));
  const rows: CellValue[][] = [
    [`REKAP PREDIKAT KINERJA PEGAWAI — ${input.periode}`],
    [input.instansi],
    [],
    header,
    ...sorted.map((e, i) => [
      i + 1,
      formatNip(e.pegawai.nip),
      e.pegawai.nama,
      e.pegawai.jabatan,
      unitName.get(e.unitId ?? '') ?? e.pegawai.unit,
      capaian.get(e.unitId ?? '') ? pack.capaianLabels[capaian.get(e.unitId ?? '') as keyof RulePack['capaianLabels']] : '',
      e.ratingHasil ? pack.ratingLabels[e.ratingHasil] : '',
      e.ratingPerilaku ? pack.ratingLabels[e.ratingPerilaku] : '',
      e.predikat ? pack.predikatLabels[e.predikat] : '',
      e.status === 'FINAL' ? 'Final' : 'Draf',
    ]),
  ];
  return buildWorkbook([{ name: 'Rekap', rows, widths: fitWidths([header, ...rows.slice(4)]) }]);
}
