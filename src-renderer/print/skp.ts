/** SASARAN KINERJA PEGAWAI with its LAMPIRAN (§4): kuantitatif, kualitatif and JPT. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { parseIsoDate } from '../domain/dates';
import { formatNip } from '../domain/nip';
import type { RulePack } from '../domain/rulepack';
import { groupedRhk, type PersonSnapshot, type Skp } from '../domain/skp';
import type { CanonicalContent } from '../domain/verification';
import { CELL_CHROME, contentWidth, identityTable, instansiPeriodLine, kop, signatureBlock, titleBlock } from './layout';
import type { PrintOptions } from './model';
import { ASPEK_LABEL, flowTable, hasilKerjaTable, PERSPEKTIF_LABEL, perilakuTable } from './tables';

const BULAN_UPPER = ['JANUARI', 'FEBRUARI', 'MARET', 'APRIL', 'MEI', 'JUNI', 'JULI', 'AGUSTUS', 'SEPTEMBER', 'OKTOBER', 'NOVEMBER', 'DESEMBER'];

/** "1 JANUARI SD 31 DESEMBER TAHUN 2026" (§4.1; a mid-year start prints its own first day). */
export function periodePenilaian(mulai: string, selesai: string): string {
  const a = parseIsoDate(mulai);
  const b = parseIsoDate(selesai);
  if (!a || !b) return `${mulai} SD ${selesai}`;
  const from = a.year === b.year ? `${a.day} ${BULAN_UPPER[a.month - 1]}` : `${a.day} ${BULAN_UPPER[a.month - 1]} ${a.year}`;
  return `${from} SD ${b.day} ${BULAN_UPPER[b.month - 1]} TAHUN ${b.year}`;
}

export function pendekatanLine(skp: Pick<Skp, 'pendekatan' | 'jenis'>): string[] {
  if (skp.jenis === 'JPT') return ['BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI'];
  return [`PENDEKATAN HASIL KERJA ${skp.pendekatan}`, 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL'];
}

export const ROLE_PEGAWAI = 'Pegawai yang Dinilai';
export const ROLE_PENILAI = 'Pejabat Penilai Kinerja';

/** One lampiran section as a table row per item, so a long list breaks between items. */
function lampiranRows(title: string, items: readonly string[]): TableCell[][] {
  const list = items.length > 0 ? items.map((item, i) => `${i + 1}. ${item}`) : ['-'];
  return list.map((line, i) => [
    {
      stack: [...(i === 0 ? [{ text: title, bold: true, margin: [0, 2, 0, 2] }] : []), { text: line, margin: [8, 0, 0, 0] }] as Content[],
      fontSize: 9,
      border: [true, i === 0, true, i === list.length - 1],
    },
  ]);
}

/** A little air between the HASIL KERJA and PERILAKU KERJA tables. */
const SPACER: Content = { text: '', margin: [0, 0, 0, 6] };

/** The SKP pages followed by the Lampiran page, both signed by the employee and the appraiser. */
export function skpContent(skp: Skp, pack: RulePack, opts: PrintOptions): Content[] {
  const width = contentWidth(opts);
  const periode = periodePenilaian(skp.mulai, skp.selesai);
  const signatures = () =>
    signatureBlock(
      { role: ROLE_PEGAWAI, person: skp.pegawai, withDate: false },
      { role: ROLE_PENILAI, person: skp.penilai, withDate: true },
      opts,
    );
  return [
    kop(opts),
    titleBlock(['SASARAN KINERJA PEGAWAI', ...pendekatanLine(skp)]),
    instansiPeriodLine(opts.office.namaInstansi, periode),
    identityTable(width, { title: 'PEGAWAI YANG DINILAI', person: skp.pegawai }, { title: 'PEJABAT PENILAI KINERJA', person: skp.penilai }),
    ...flowTable(hasilKerjaTable(skp, null, opts), [SPACER]),
    ...flowTable(perilakuTable(pack.berakhlak, skp.ekspektasi, null, opts), [signatures()]),
    { text: '', pageBreak: 'after' },
    titleBlock(['LAMPIRAN SASARAN KINERJA PEGAWAI', ...pendekatanLine(skp)]),
    instansiPeriodLine(opts.office.namaInstansi, periode),
    ...flowTable(
      {
        widths: [width - CELL_CHROME],
        headerRows: 1,
        body: [
          [{ text: 'LAMPIRAN', style: 'th' }],
          ...[
            lampiranRows('1. DUKUNGAN SUMBER DAYA', skp.lampiran.dukungan),
            lampiranRows('2. SKEMA PERTANGGUNGJAWABAN', skp.lampiran.skema),
            lampiranRows('3. KONSEKUENSI', skp.lampiran.konsekuensi),
          ].flat(),
        ],
      },
      [signatures()],
    ),
  ];
}

export function personContent(prefix: string, p: PersonSnapshot | null): [string, string][] {
  return [
    [`${prefix}.nama`, p?.nama ?? ''],
    [`${prefix}.nip`, p ? formatNip(p.nip) : ''],
    [`${prefix}.pangkat`, p?.pangkat ?? ''],
    [`${prefix}.jabatan`, p?.jabatan ?? ''],
    [`${prefix}.unit`, p?.unit ?? ''],
  ];
}

/** Everything the SKP prints that comes from the record, in printed order (for verification). */
export function skpCanonical(skp: Skp, pack: RulePack): CanonicalContent {
  const out: [string, string][] = [
    ['jenis', `${skp.jenis} ${skp.pendekatan}`],
    ['periode', periodePenilaian(skp.mulai, skp.selesai)],
    ['status', skp.status],
    ...personContent('pegawai', skp.pegawai),
    ...personContent('penilai', skp.penilai),
  ];
  for (const { group, items } of groupedRhk(skp.rhk)) {
    for (const { no, rhk } of items) {
      const k = `rhk.${group === 'UTAMA' ? 'A' : 'B'}${no}`;
      out.push([`${k}.teks`, rhk.teks], [`${k}.intervensi`, rhk.intervensi?.teks ?? ''], [`${k}.penugasan`, rhk.penugasanDari]);
      if (rhk.perspektif) out.push([`${k}.perspektif`, PERSPEKTIF_LABEL[rhk.perspektif]]);
      rhk.indikator.forEach((i, j) => {
        out.push([`${k}.iki${j + 1}`, `${i.aspek ? `${ASPEK_LABEL[i.aspek]} | ` : ''}${i.teks} | ${i.target}`]);
      });
    }
  }
  for (const v of pack.berakhlak) out.push([`ekspektasi.${v.code}`, skp.ekspektasi[v.code] ?? '']);
  out.push(
    ['lampiran.dukungan', skp.lampiran.dukungan.join('\n')],
    ['lampiran.skema', skp.lampiran.skema.join('\n')],
    ['lampiran.konsekuensi', skp.lampiran.konsekuensi.join('\n')],
  );
  return out;
}
