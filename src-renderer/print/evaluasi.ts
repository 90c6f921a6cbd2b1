/** EVALUASI KINERJA PEGAWAI, periodic and AKHIR (§5.1). */
import type { Content } from 'pdfmake/interfaces';
import type { Evaluation } from '../domain/evaluation';
import { PREDIKATS, type CapaianOrganisasi, type RulePack } from '../domain/rulepack';
import { groupedRhk, type Skp } from '../domain/skp';
import type { CanonicalContent } from '../domain/verification';
import { contentWidth, identityTable, instansiPeriodLine, kop, signatureBlock, titleBlock } from './layout';
import type { PrintOptions } from './model';
import { pendekatanLine, periodePenilaian, personContent, ROLE_PEGAWAI, ROLE_PENILAI } from './skp';
import { feedbackText, hasilKerjaTable, labelLine, perilakuTable } from './tables';

/** "TRIWULAN I", "TRIWULAN IV-AKHIR". */
export function evaluationPeriodTitle(ev: Pick<Evaluation, 'periodLabel' | 'akhir'>): string {
  return ev.akhir ? `${ev.periodLabel}-AKHIR` : ev.periodLabel;
}

const EMPTY = '-';

/** Where the curve peaks for each organisational result, 0 = Sangat Kurang … 4 = Sangat Baik. */
const PEAK: Record<CapaianOrganisasi, number> = { ISTIMEWA: 4, BAIK: 3, BUTUH_PERBAIKAN: 2, KURANG: 1, SANGAT_KURANG: 0 };

/**
 * POLA DISTRIBUSI (§5.1 item 5): a bell curve over the five predikat, peaking at the one the
 * organisational result expects. Drawn as vector lines; no image file.
 */
export function polaDistribusi(capaian: CapaianOrganisasi | '', pack: RulePack): Content {
  if (!capaian) return { text: '' };
  const w = 230;
  const h = 54;
  const peak = PEAK[capaian];
  const x = (slot: number) => 20 + (slot / 4) * (w - 40);
  const points = Array.from({ length: 61 }, (_, i) => {
    const slot = (i / 60) * 4;
    const y = Math.exp(-((slot - peak) ** 2) / 1.1);
    return { x: x(slot), y: h - 6 - y * (h - 12) };
  });
  // Left to right: Sangat Kurang … Sangat Baik, as the samples print it.
  const labels = [...PREDIKATS].reverse().map((p) => pack.predikatLabels[p]);
  return {
    columns: [
      { text: 'POLA DISTRIBUSI:', bold: true, fontSize: 9, width: 100 },
      {
        width: w,
        stack: [
          {
            canvas: [
              { type: 'line', x1: 10, y1: h - 6, x2: w, y2: h - 6, lineWidth: 0.6 },
              { type: 'line', x1: 10, y1: 0, x2: 10, y2: h - 6, lineWidth: 0.6 },
              { type: 'polyline', points, lineWidth: 1.2 },
            ],
          },
          {
            columns: labels.map((text) => ({ text, fontSize: 5.5, alignment: 'center' as const, width: (w - 20) / 5 })),
            margin: [10, 1, 0, 0],
          },
        ],
      },
      { text: 'Frekuensi Pegawai (sumbu tegak) menurut predikat kinerja pegawai (sumbu datar)', fontSize: 7, italics: true, width: '*', margin: [8, 16, 0, 0] },
    ],
    margin: [0, 0, 0, 6],
  };
}

export function evaluasiContent(ev: Evaluation, skp: Skp, pack: RulePack, capaian: CapaianOrganisasi | '', opts: PrintOptions): Content[] {
  const width = contentWidth(opts);
  const left = opts.penandatanganEvaluasi === 'DUA' ? { role: ROLE_PEGAWAI, person: ev.pegawai, withDate: false } : null;
  return [
    kop(opts),
    titleBlock(['EVALUASI KINERJA PEGAWAI', ...pendekatanLine(skp), `PERIODE: ${evaluationPeriodTitle(ev)}`]),
    instansiPeriodLine(opts.office.namaInstansi, periodePenilaian(ev.mulai, ev.selesai)),
    identityTable(width, { title: 'PEGAWAI YANG DINILAI', person: ev.pegawai }, { title: 'PEJABAT PENILAI KINERJA', person: ev.penilai }),
    labelLine('CAPAIAN KINERJA ORGANISASI', capaian ? pack.capaianLabels[capaian] : EMPTY),
    polaDistribusi(capaian, pack),
    hasilKerjaTable(skp, width, { hasil: ev.hasil }),
    labelLine('RATING HASIL KERJA', ev.ratingHasil ? pack.ratingLabels[ev.ratingHasil] : EMPTY),
    perilakuTable(pack.berakhlak, skp.ekspektasi, width, ev.perilaku),
    labelLine('RATING PERILAKU KERJA', ev.ratingPerilaku ? pack.ratingLabels[ev.ratingPerilaku] : EMPTY),
    labelLine('PREDIKAT KINERJA PEGAWAI', ev.predikat ? pack.predikatLabels[ev.predikat] : EMPTY),
    signatureBlock(left, { role: ROLE_PENILAI, person: ev.penilai, withDate: true }, opts),
  ];
}

export function evaluasiCanonical(ev: Evaluation, skp: Skp, pack: RulePack, capaian: CapaianOrganisasi | ''): CanonicalContent {
  const out: [string, string][] = [
    ['periode', `${evaluationPeriodTitle(ev)} ${periodePenilaian(ev.mulai, ev.selesai)}`],
    ['status', ev.status],
    ...personContent('pegawai', ev.pegawai),
    ...personContent('penilai', ev.penilai),
    ['capaian', capaian ? pack.capaianLabels[capaian] : ''],
  ];
  for (const { group, items } of groupedRhk(skp.rhk)) {
    for (const { no, rhk } of items) {
      const k = `rhk.${group === 'UTAMA' ? 'A' : 'B'}${no}`;
      out.push(
        [`${k}.teks`, rhk.teks],
        [`${k}.iki`, rhk.indikator.map((i) => `${i.teks} | ${i.target}`).join('\n')],
        [`${k}.realisasi`, ev.hasil[rhk.id]?.realisasi ?? ''],
        [`${k}.umpanBalik`, feedbackText(ev.hasil[rhk.id])],
      );
    }
  }
  for (const v of pack.berakhlak) out.push([`perilaku.${v.code}`, ev.perilaku[v.code] ?? '']);
  out.push(
    ['ratingHasil', ev.ratingHasil ? pack.ratingLabels[ev.ratingHasil] : ''],
    ['ratingPerilaku', ev.ratingPerilaku ? pack.ratingLabels[ev.ratingPerilaku] : ''],
    ['predikat', ev.predikat ? pack.predikatLabels[ev.predikat] : ''],
  );
  return out;
}
