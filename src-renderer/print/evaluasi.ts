/** EVALUASI KINERJA PEGAWAI, periodic and AKHIR (§5.1). */
import type { Content } from 'pdfmake/interfaces';
import type { Evaluation } from '../domain/evaluation';
import { PREDIKATS, type CapaianOrganisasi, type RulePack } from '../domain/rulepack';
import { groupedRhk, type Skp } from '../domain/skp';
import type { CanonicalContent } from '../domain/verification';
import { contentWidth, identityTable, instansiPeriodLine, kop, signatureBlock, titleBlock } from './layout';
import type { PrintOptions } from './model';
import { pendekatanLine, periodePenilaian, personContent, ROLE_PEGAWAI, ROLE_PENILAI } from './skp';
import { feedbackLampiranTable, feedbackText, flowTable, hasilKerjaTable, labelLine, perilakuTable } from './tables';

/** "TRIWULAN I", "TRIWULAN IV-AKHIR". */
export function evaluationPeriodTitle(ev: Pick<Evaluation, 'periodLabel' | 'akhir'>): string {
  return ev.akhir ? `${ev.periodLabel}-AKHIR` : ev.periodLabel;
}

const EMPTY = '-';

/** Where the curve peaks for each organisational result, 0 = Sangat Kurang … 4 = Sangat Baik. */
const PEAK: Record<CapaianOrganisasi, number> = { ISTIMEWA: 4, BAIK: 3, BUTUH_PERBAIKAN: 2, KURANG: 1, SANGAT_KURANG: 0 };

/**
 * POLA DISTRIBUSI (§5.1 item 5): a bell curve over the five predikat, peaking at the one the
 * organisational result expects. Drawn as vector lines; no image file. Each predikat sits at the
 * centre of an equal slot, so its 7-pt label is centred under its point; without a capaian the axes
 * print with a note rather than the section vanishing.
 */
export function polaDistribusi(capaian: CapaianOrganisasi | '', pack: RulePack): Content {
  const slot = 58;
  const axisX = 10;
  const w = axisX + 5 * slot;
  const h = 54;
  const base = h - 6;
  const centre = (k: number) => axisX + (k + 0.5) * slot;
  const ticks = [0, 1, 2, 3, 4].map((k) => ({ type: 'line' as const, x1: centre(k), y1: base, x2: centre(k), y2: base + 3, lineWidth: 0.6 }));
  const axes = [
    { type: 'line' as const, x1: axisX, y1: base, x2: w, y2: base, lineWidth: 0.6 },
    { type: 'line' as const, x1: axisX, y1: 0, x2: axisX, y2: base, lineWidth: 0.6 },
    ...ticks,
  ];
  const curve = capaian
    ? [
        {
          type: 'polyline' as const,
          lineWidth: 1.2,
          points: Array.from({ length: 81 }, (_, i) => {
            const k = -0.5 + (i / 80) * 5;
            const y = Math.exp(-((k - PEAK[capaian]) ** 2) / 1.1);
            return { x: centre(k), y: base - y * (h - 12) };
          }),
        },
      ]
    : [];
  // Left to right: Sangat Kurang … Sangat Baik, as the samples print it.
  const labels = [...PREDIKATS].reverse().map((p) => pack.predikatLabels[p]);
  return {
    columns: [
      { text: 'POLA DISTRIBUSI:', bold: true, fontSize: 9, width: 100 },
      {
        width: w,
        stack: [
          { canvas: [...axes, ...curve] },
          ...(capaian ? [] : [{ text: 'Capaian organisasi belum ditetapkan', fontSize: 8, italics: true, alignment: 'center' as const, relativePosition: { x: 0, y: -base / 2 - 8 } }]),
          { columns: labels.map((text) => ({ text, fontSize: 7, alignment: 'center' as const, width: slot })), columnGap: 0, margin: [axisX, 2, 0, 0] },
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
  const hasil = hasilKerjaTable(skp, { hasil: ev.hasil }, opts);
  const signatures = () => signatureBlock(left, { role: ROLE_PENILAI, person: ev.penilai, withDate: true }, opts);
  // Notes that did not fit beside their RHK continue after the form, signed like it.
  const lampiran: Content[] =
    hasil.moved.length === 0
      ? []
      : [
          { text: '', pageBreak: 'after' },
          titleBlock(['LAMPIRAN EVALUASI KINERJA PEGAWAI', 'UMPAN BALIK BERKELANJUTAN', `PERIODE: ${evaluationPeriodTitle(ev)}`]),
          instansiPeriodLine(opts.office.namaInstansi, periodePenilaian(ev.mulai, ev.selesai)),
          ...flowTable(feedbackLampiranTable(hasil.moved, opts), [signatures()]),
        ];
  return [
    kop(opts),
    titleBlock(['EVALUASI KINERJA PEGAWAI', ...pendekatanLine(skp), `PERIODE: ${evaluationPeriodTitle(ev)}`]),
    instansiPeriodLine(opts.office.namaInstansi, periodePenilaian(ev.mulai, ev.selesai)),
    identityTable(width, { title: 'PEGAWAI YANG DINILAI', person: ev.pegawai }, { title: 'PEJABAT PENILAI KINERJA', person: ev.penilai }),
    {
      unbreakable: true,
      stack: [labelLine('CAPAIAN KINERJA ORGANISASI', capaian ? pack.capaianLabels[capaian] : EMPTY), polaDistribusi(capaian, pack)],
    },
    ...flowTable(hasil, [labelLine('RATING HASIL KERJA', ev.ratingHasil ? pack.ratingLabels[ev.ratingHasil] : EMPTY)]),
    ...flowTable(perilakuTable(pack.berakhlak, skp.ekspektasi, ev.perilaku, opts), [
      labelLine('RATING PERILAKU KERJA', ev.ratingPerilaku ? pack.ratingLabels[ev.ratingPerilaku] : EMPTY),
      labelLine('PREDIKAT KINERJA PEGAWAI', ev.predikat ? pack.predikatLabels[ev.predikat] : EMPTY),
      signatures(),
    ]),
    ...lampiran,
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
