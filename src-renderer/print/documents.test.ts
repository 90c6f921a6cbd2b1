import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { parseCode } from '../domain/verification';
import { longEvaluation, longRekap, longSkp, SAMPLE_OPTIONS, sampleEvaluation, sampleRekap, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { documentDefinition, prepareDocument } from './documents';
import type { PrintJob, PrintOptions } from './model';
import { installTestFonts } from './pdf.testkit';
import { pdfPages, type PdfPage } from './pdfText.testkit';
import { renderPdf } from './render';

const pack = PERMENPANRB_6_2022;

/** Set PRINT_REVIEW_DIR to keep the PDFs (then `pdftoppm -png` them to look at the pages). */
const reviewDir = process.env.PRINT_REVIEW_DIR;

async function render(jobs: PrintJob[], opts: PrintOptions = SAMPLE_OPTIONS, name?: string) {
  const docs = await Promise.all(jobs.map((j) => prepareDocument(j, opts)));
  const bytes = await renderPdf(documentDefinition(docs, opts, 'test'));
  if (reviewDir && name) {
    mkdirSync(reviewDir, { recursive: true });
    writeFileSync(join(reviewDir, `${name}.pdf`), bytes);
  }
  return { docs, bytes, pages: await pdfPages(bytes) };
}

const all = (pages: PdfPage[]) => pages.map((p) => p.text).join(' ');

beforeAll(() => installTestFonts());

describe('SKP', () => {
  it('prints title, identity with gelar and formatted NIP, groups, behaviour, signatures and the lampiran', async () => {
    const { pages } = await render([{ kind: 'SKP', skp: sampleSkp(3), pack }], SAMPLE_OPTIONS, 'skp-kuantitatif');
    const text = all(pages);
    expect(text).toContain('SASARAN KINERJA PEGAWAI');
    expect(text).toContain('PENDEKATAN HASIL KERJA KUANTITATIF');
    expect(text).toContain('BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL');
    expect(text).toContain('PEMERINTAH KABUPATEN TANGERANG');
    expect(text).toContain('PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026');
    expect(text).toContain('Budi Santoso, S.Kom.');
    expect(text).toContain('Rina Marlina, S.Sos., M.Si.');
    expect(text).toContain('19900315 201503 1 002');
    expect(text).toContain('Penata Muda Tingkat I / III/b');
    expect(text).toMatch(/A\. UTAMA.*Terlaksananya pelayanan administrasi.*B\. TAMBAHAN.*Terkelolanya sistem informasi/);
    expect(text).toContain('Meningkatnya kualitas pelayanan umum di Kecamatan Curug');
    expect(text).toContain('Kuantitas');
    expect(text).toContain('120 Dokumen');
    expect(text).toMatch(/PERILAKU KERJA.*Berorientasi Pelayanan.*Memahami dan memenuhi kebutuhan masyarakat.*Kolaboratif/);
    expect(text).toContain('Melayani warga dengan ramah dan tuntas pada hari yang sama');
    expect(text).toContain('Curug, 23 November 2026');
    expect(text).toContain('Pegawai yang Dinilai,');
    expect(text).toContain('Pejabat Penilai Kinerja,');
    expect(text).toContain('NIP. 19820510 200604 2 003');
    const last = pages.at(-1)!.text;
    expect(last).toContain('LAMPIRAN SASARAN KINERJA PEGAWAI');
    expect(last).toMatch(/DUKUNGAN SUMBER DAYA.*Akses aplikasi SIAK.*SKEMA PERTANGGUNGJAWABAN.*KONSEKUENSI/);
    expect(last).toContain('Pejabat Penilai Kinerja,');
    expect(pages[0]!.text).toContain(`Dokumen milik Budi Santoso, S.Kom. (NIP 19900315 201503 1 002) · Hal. 1 dari ${pages.length}`);
    expect(text).not.toContain('DRAF');
  });

  it('a 25-RHK SKP spans pages with the table heads on each and the signature block kept whole', async () => {
    const { pages } = await render([{ kind: 'SKP', skp: sampleSkp(25), pack }], SAMPLE_OPTIONS, 'skp-25-rhk');
    const lampiranAt = pages.findIndex((p) => p.text.includes('LAMPIRAN SASARAN KINERJA PEGAWAI'));
    expect(lampiranAt).toBeGreaterThanOrEqual(3);
    // Every page of the main part before the behaviour table carries the repeated head row.
    const withRhk = pages.slice(0, lampiranAt).filter((p) => /Terlaksananya|Tersedianya|Terkelolanya|Tersusunnya|Terpeliharanya|Terlaksananya pemeliharaan/.test(p.text));
    expect(withRhk.length).toBeGreaterThanOrEqual(2);
    for (const p of withRhk) expect(p.text).toMatch(/HASIL KERJA NO RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI .*\(1\) \(2\) \(3\) \(4\) \(5\) \(6\)/);
    expect(all(pages)).toContain('(bagian 5)');
    // The signature block of the main part: role lines, both names and both NIPs on one page.
    const signPage = pages.slice(0, lampiranAt).find((p) => p.text.includes('Pegawai yang Dinilai,'))!;
    for (const s of ['Curug, 23 November 2026', 'Pejabat Penilai Kinerja,', 'Budi Santoso, S.Kom. NIP. 19900315 201503 1 002', 'NIP. 19820510 200604 2 003']) {
      expect(signPage.text).toContain(s);
    }
    pages.forEach((p, i) => expect(p.text).toContain(`Hal. ${i + 1} dari ${pages.length}`));
  });

  it('kualitatif and JPT variants print their own columns and title lines', async () => {
    const skp = sampleSkp(2);
    const kual = await render([{ kind: 'SKP', skp: { ...skp, pendekatan: 'KUALITATIF', rhk: skp.rhk.map((r) => ({ ...r, penugasanDari: 'Kepala Seksi' })) }, pack }], SAMPLE_OPTIONS, 'skp-kualitatif');
    expect(all(kual.pages)).toContain('PENDEKATAN HASIL KERJA KUALITATIF');
    expect(all(kual.pages)).toContain('UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET');
    expect(all(kual.pages)).toContain('(Penugasan dari: Kepala Seksi)');
    expect(all(kual.pages)).toContain('Jumlah dokumen pelayanan yang diselesaikan: 120 Dokumen');
    const jpt = await render(
      [{ kind: 'SKP', skp: { ...skp, jenis: 'JPT', rhk: skp.rhk.map((r) => ({ ...r, perspektif: 'PENERIMA_LAYANAN', penugasanDari: 'Bupati Tangerang' })) }, pack }],
      SAMPLE_OPTIONS,
      'skp-jpt',
    );
    const text = all(jpt.pages);
    expect(text).toContain('BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI');
    expect(text).toMatch(/NO RENCANA HASIL KERJA INDIKATOR KINERJA INDIVIDU TARGET PERSPEKTIF/);
    expect(text).toContain('Penerima Layanan');
    expect(text).toContain('(Penugasan dari: Bupati Tangerang)');
  });

  it('a draft SKP carries the DRAF watermark', async () => {
    const { pages } = await render([{ kind: 'SKP', skp: sampleSkp(2, { status: 'DIAJUKAN' }), pack }]);
    expect(pages[0]!.text).toContain('DRAF');
  });
});

describe('Evaluasi kinerja pegawai', () => {
  const skp = sampleSkp(3);
  const landscape: PrintOptions = { ...SAMPLE_OPTIONS, orientation: 'landscape' };

  it('periodic: period, capaian, realisasi and feedback columns, both ratings and the predikat', async () => {
    const { pages } = await render([{ kind: 'EVA', evaluation: sampleEvaluation(skp), skp, pack, capaian: 'BAIK' }], landscape, 'evaluasi-triwulan');
    const text = all(pages);
    expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
    expect(text).toContain('EVALUASI KINERJA PEGAWAI');
    expect(text).toContain('PERIODE: TRIWULAN I ');
    expect(text).toContain('PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2026');
    expect(text).toContain('CAPAIAN KINERJA ORGANISASI: BAIK');
    expect(text).toContain('POLA DISTRIBUSI');
    expect(text).toContain('REALISASI BERDASARKAN BUKTI DUKUNG');
    expect(text).toContain('UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG');
    expect(text).toContain('101 dokumen selesai; 96% tanpa perbaikan; tepat waktu');
    expect(text).toContain('14 Februari 2026: Pertahankan kecepatan layanan.');
    expect(text).toContain('Aktif membantu seksi lain saat pelayanan KTP keliling.');
    expect(text).toMatch(/RATING HASIL KERJA: DI ATAS EKSPEKTASI.*RATING PERILAKU KERJA: SESUAI EKSPEKTASI.*PREDIKAT KINERJA PEGAWAI: BAIK/);
    expect(text).toMatch(/Pegawai yang Dinilai,.*Curug, 23 November 2026 Pejabat Penilai Kinerja,/);
    expect(text).not.toContain('DRAF');
  });

  it('AKHIR in draft: the final period title, empty ratings as dashes, DRAF; one signer when configured', async () => {
    const ev = sampleEvaluation(skp, {
      id: 'eva-akhir', periodId: '2026-TRIWULANAN-4', periodLabel: 'TRIWULAN IV', akhir: true, mulai: '2026-01-01', selesai: '2026-12-31',
      status: 'DRAF', ratingHasil: '', ratingPerilaku: '', predikat: '',
    });
    const { pages } = await render([{ kind: 'EVA', evaluation: ev, skp, pack, capaian: '' }], { ...landscape, penandatanganEvaluasi: 'PENILAI' }, 'evaluasi-akhir-draf');
    const text = all(pages);
    expect(text).toContain('PERIODE: TRIWULAN IV-AKHIR');
    expect(text).toContain('PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026');
    expect(text).toContain('RATING HASIL KERJA: -');
    expect(text).toContain('PREDIKAT KINERJA PEGAWAI: -');
    expect(text).toContain('DRAF');
    expect(text).not.toContain('Pegawai yang Dinilai,');
    expect(text).toContain('Pejabat Penilai Kinerja,');
  });

  it('a batch keeps page numbers, owner and code per employee', async () => {
    const other = sampleEvaluation(skp, { id: 'eva-dewi', pegawai: { ...skp.pegawai, employeeId: 'emp-dewi', nama: 'Dewi Lestari, A.Md.', nip: '199505052020122001' } });
    const { pages, docs } = await render([
      { kind: 'EVA', evaluation: sampleEvaluation(skp), skp, pack, capaian: 'BAIK' },
      { kind: 'EVA', evaluation: other, skp, pack, capaian: 'BAIK' },
    ]);
    const budi = pages.filter((p) => p.text.includes('Dokumen milik Budi Santoso'));
    const dewi = pages.filter((p) => p.text.includes('Dokumen milik Dewi Lestari, A.Md. (NIP 19950505 202012 2 001)'));
    expect(budi.length + dewi.length).toBe(pages.length);
    budi.forEach((p, i) => expect(p.text).toContain(`Hal. ${i + 1} dari ${budi.length}`));
    dewi.forEach((p, i) => expect(p.text).toContain(`Hal. ${i + 1} dari ${dewi.length}`));
    expect(docs[0]!.record.code).not.toBe(docs[1]!.record.code);
    expect(dewi[0]!.text).toContain(docs[1]!.record.code);
  });
});

describe('DEKP and rekap', () => {
  it('DEKP: three identity blocks, capaian and predikat, recommendations, two dated signatures', async () => {
    const skp = sampleSkp(3);
    const { pages } = await render([{ kind: 'DEK', evaluation: sampleEvaluation(skp), pack, capaian: 'BAIK' }], SAMPLE_OPTIONS, 'dekp');
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(text).toContain('PERIODE: TRIWULAN I');
    expect(text).toMatch(/PEGAWAI YANG DINILAI.*PEJABAT PENILAI KINERJA.*ATASAN PEJABAT PENILAI KINERJA.*Drs\. H\. Asep Saepudin, M\.Si\./);
    expect(text).toMatch(/CAPAIAN KINERJA ORGANISASI BAIK PREDIKAT KINERJA PEGAWAI BAIK/);
    expect(text).toContain('Pengembangan kompetensi: Pelatihan keamanan informasi (20 JP)');
    expect(text.match(/Curug, 23 November 2026/g)).toHaveLength(2);
    expect(text).toMatch(/Pegawai yang Dinilai,.*Pejabat Penilai Kinerja,/);
  });

  it('rekap: counts and percentages per predikat, the employees, signed by the unit head', async () => {
    const { pages } = await render([{ kind: 'RKP', rekap: sampleRekap() }], SAMPLE_OPTIONS, 'rekap');
    const text = all(pages);
    expect(text).toContain('REKAPITULASI PREDIKAT KINERJA PEGAWAI');
    expect(text).toContain('Seksi Pelayanan Umum');
    expect(text).toContain('CAPAIAN KINERJA ORGANISASI: BAIK');
    expect(text).toContain('Sangat Baik 1 20%');
    expect(text).toContain('Baik 3 60%');
    expect(text).toContain('Butuh Perbaikan 1 20%');
    expect(text).toContain('JUMLAH DINILAI 5 100%');
    expect(text).toContain('Joko Setiawan');
    expect(text).toContain('Kepala Seksi Pelayanan Umum,');
    expect(text).toContain('Rina Marlina, S.Sos., M.Si.');
  });
});

describe('paper, signatures and verification', () => {
  it('F4 is 215 × 330 mm and A4 is A4, in either orientation', async () => {
    const skp = sampleSkp(2);
    const f4 = await render([{ kind: 'SKP', skp, pack }], { ...SAMPLE_OPTIONS, paper: 'F4' }, 'skp-f4');
    for (const p of f4.pages) expect([p.width, p.height]).toEqual([609.45, 935.43]);
    const f4l = await render([{ kind: 'DEK', evaluation: sampleEvaluation(skp), pack, capaian: 'BAIK' }], { ...SAMPLE_OPTIONS, paper: 'F4', orientation: 'landscape' });
    expect([f4l.pages[0]!.width, f4l.pages[0]!.height]).toEqual([935.43, 609.45]);
    const a4 = await render([{ kind: 'SKP', skp, pack }]);
    expect([a4.pages[0]!.width, a4.pages[0]!.height]).toEqual([595.28, 841.89]);
  });

  it('the kop carries the office logo when one is set', async () => {
    const logo = `data:image/png;base64,${readFileSync(new URL('../../assets/icon.png', import.meta.url)).toString('base64')}`;
    const skp = sampleSkp(3);
    const hasImage = (b: Uint8Array) => Buffer.from(b).toString('latin1').includes('/Subtype /Image');
    const withLogo = await render([{ kind: 'DEK', evaluation: sampleEvaluation(skp), pack, capaian: 'BAIK' }], { ...SAMPLE_OPTIONS, logo }, 'dekp-logo');
    expect(hasImage(withLogo.bytes)).toBe(true);
    expect(withLogo.pages[0]!.text).toMatch(/^PEMERINTAH KABUPATEN TANGERANG KECAMATAN CURUG/);
  });

  it('never fetches: a remote or local image reference is refused by the access policies', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const job: PrintJob = { kind: 'DEK', evaluation: sampleEvaluation(sampleSkp(1)), pack, capaian: 'BAIK' };
    await expect(render([job], { ...SAMPLE_OPTIONS, logo: 'https://example.org/logo.png' })).rejects.toThrow(/denied|not found|Invalid image/i);
    await expect(render([job], { ...SAMPLE_OPTIONS, logo: '/etc/hostname' })).rejects.toThrow();
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('a scanned signature is printed only when given for that print', async () => {
    // 1×1 PNG
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const skp = sampleSkp(1);
    const job: PrintJob = { kind: 'DEK', evaluation: sampleEvaluation(skp), pack, capaian: 'BAIK' };
    const plain = await render([job]);
    const signed = await render([job], { ...SAMPLE_OPTIONS, tandaTangan: { 'emp-rina': png } });
    const hasImage = (b: Uint8Array) => Buffer.from(b).toString('latin1').includes('/Subtype /Image');
    expect(hasImage(plain.bytes)).toBe(false);
    expect(hasImage(signed.bytes)).toBe(true);
  });

  it('the printed code names kind, NIP and period and changes when the printed content changes', async () => {
    const skp = sampleSkp(3);
    const ev = sampleEvaluation(skp);
    const [a] = (await render([{ kind: 'EVA', evaluation: ev, skp, pack, capaian: 'BAIK' }])).docs;
    const [same] = (await render([{ kind: 'EVA', evaluation: structuredClone(ev), skp, pack, capaian: 'BAIK' }], { ...SAMPLE_OPTIONS, paper: 'F4', tanggal: { year: 2027, month: 1, day: 2 } })).docs;
    const edited = { ...ev, hasil: { ...ev.hasil, 'rhk-1': { ...ev.hasil['rhk-1']!, realisasi: '90 dokumen' } } };
    const [changed] = (await render([{ kind: 'EVA', evaluation: edited, skp, pack, capaian: 'BAIK' }])).docs;
    expect(parseCode(a!.record.code)).toMatchObject({ kind: 'EVA', nip: '199003152015031002', period: '2026TW1' });
    // Paper and signing date are not content: a reprint of the same record carries the same code.
    expect(same!.record.code).toBe(a!.record.code);
    expect(changed!.record.code).not.toBe(a!.record.code);
    expect(changed!.record.code.slice(0, -8)).toBe(a!.record.code.slice(0, -8));
  });
});

describe('honest rekap and footers (#14)', () => {
  it.each([
    ['no capaian set', { capaian: '' as const }, 'Belum dapat dinilai: capaian organisasi belum ditetapkan.'],
    ['nobody final yet', { rows: sampleRekap().rows.map((r) => ({ ...r, status: 'DRAF' as const })) }, 'Belum dapat dinilai: belum ada evaluasi final.'],
    ['nobody rated and no capaian', { capaian: '' as const, rows: [] }, 'Belum dapat dinilai: capaian organisasi belum ditetapkan; belum ada evaluasi final.'],
  ])('rekap with %s says it cannot judge, never that the spread complies', async (_name, over, sentence) => {
    const { pages } = await render([{ kind: 'RKP', rekap: { ...sampleRekap(), ...over } }]);
    const text = all(pages);
    expect(text).toContain(sentence);
    expect(text).not.toContain('sesuai dengan pedoman');
  });

  it('a complete rekap within the guideline says so, and its footer names the unit, not the head', async () => {
    const { pages } = await render([{ kind: 'RKP', rekap: sampleRekap() }]);
    expect(all(pages)).toContain('Sebaran predikat sesuai dengan pedoman pola distribusi.');
    expect(pages[0]!.text).toContain('Rekapitulasi Seksi Pelayanan Umum · Hal. 1 dari');
    expect(all(pages)).not.toContain('Dokumen milik');
  });

  it('a PPPK employee’s footer says NI PPPK', async () => {
    const skp = sampleSkp(1);
    const pegawai = { ...skp.pegawai, status: 'PPPK' as const, pangkat: 'IX' };
    const { pages } = await render([{ kind: 'SKP', skp: { ...skp, pegawai }, pack }]);
    expect(pages[0]!.text).toContain('Dokumen milik Budi Santoso, S.Kom. (NI PPPK 19900315 201503 1 002)');
  });

  it('POLA DISTRIBUSI prints its axes with a note when no capaian is set, labels at 7 pt', async () => {
    const skp = sampleSkp(1);
    const ev = sampleEvaluation(skp);
    const none = await render([{ kind: 'EVA', evaluation: ev, skp, pack, capaian: '' }], { ...SAMPLE_OPTIONS, orientation: 'landscape' }, 'eva-tanpa-capaian');
    expect(none.pages[0]!.text).toMatch(/POLA DISTRIBUSI: .*Capaian organisasi belum ditetapkan.*Sangat Kurang.*Sangat Baik/);
    const def = documentDefinition(none.docs, SAMPLE_OPTIONS, 'x');
    expect(JSON.stringify(def)).not.toMatch(/"fontSize":5\.5/);
  });
});

describe('office choices (Pengaturan › Cetak)', () => {
  it('the column-2 heading names the atasan on every variant when chosen, and the pangkat line prints under the names', async () => {
    const skp = sampleSkp(2);
    const opts = { ...SAMPLE_OPTIONS, kolomIntervensi: 'ATASAN' as const, pangkatPenandatangan: true };
    for (const variant of [skp, { ...skp, pendekatan: 'KUALITATIF' as const }]) {
      const text = all((await render([{ kind: 'SKP', skp: variant, pack }], opts)).pages);
      expect(text).toContain('RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI');
      expect(text).not.toContain('PIMPINAN/ATASAN');
      expect(text).toContain('Budi Santoso, S.Kom. Penata Muda Tingkat I / III/b NIP. 19900315 201503 1 002');
    }
  });

  it('the DEKP carries the office emblem instead of the kop when one is supplied', async () => {
    const lambang = `data:image/png;base64,${readFileSync(new URL('../../assets/icon.png', import.meta.url)).toString('base64')}`;
    const { pages, bytes } = await render([{ kind: 'DEK', evaluation: sampleEvaluation(sampleSkp(1)), pack, capaian: 'BAIK' }], { ...SAMPLE_OPTIONS, lambang }, 'dekp-lambang');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Subtype /Image');
    expect(pages[0]!.text).toMatch(/^DOKUMEN EVALUASI KINERJA PEGAWAI/);
  });
});

describe('nothing is left alone at the bottom of a page', () => {
  /** The page a text first appears on. */
  const pageOf = (pages: PdfPage[], s: string) => pages.findIndex((p) => p.text.includes(s));

  it('B. TAMBAHAN stays with its first RHK, the heads with their first row, RATING lines and signatures with the last row', async () => {
    // 7 RHK push the table across pages at several points; try page sizes that move the breaks.
    for (const paper of ['A4', 'F4'] as const) {
      for (const n of [6, 7, 8, 9, 10, 11]) {
        const skp = sampleSkp(n);
        const ev = sampleEvaluation(skp);
        const { pages } = await render([{ kind: 'EVA', evaluation: ev, skp, pack, capaian: 'BAIK' }], { ...SAMPLE_OPTIONS, paper, orientation: 'landscape' });
        const last = skp.rhk.at(-1)!.teks;
        expect(pageOf(pages, 'B. TAMBAHAN'), `${paper} ${n}`).toBe(pageOf(pages, last));
        expect(pageOf(pages, 'RATING HASIL KERJA')).toBe(pageOf(pages, last));
        const kolaboratif = pages.findLastIndex((p) => p.text.includes('Kolaboratif'));
        expect(pageOf(pages, 'PREDIKAT KINERJA PEGAWAI')).toBe(kolaboratif);
        expect(pageOf(pages, 'Pejabat Penilai Kinerja,')).toBe(kolaboratif);
        const perilakuHead = pageOf(pages, 'EKSPEKTASI KHUSUS PIMPINAN');
        expect(pages[perilakuHead]!.text).toContain('Berorientasi Pelayanan');
      }
    }
  });
});

describe('the hard cases, rendered whole (docs/forms via npm run forms)', () => {
  const kuant = longSkp();
  const arabSkp = sampleSkp(3);
  const arab = { ...arabSkp.pegawai, nama: 'محمد عبد الله', jabatan: 'Guru Bahasa Arab (مدرس اللغة العربية)' };
  const many = sampleSkp(12);
  const cases: [string, PrintJob, Partial<PrintOptions>][] = [
    ['panjang-skp', { kind: 'SKP', skp: kuant, pack }, {}],
    ['panjang-evaluasi', { kind: 'EVA', evaluation: longEvaluation(kuant), skp: kuant, pack, capaian: 'BAIK' }, { orientation: 'landscape' }],
    ['panjang-dekp', { kind: 'DEK', evaluation: longEvaluation(kuant), pack, capaian: 'BAIK' }, {}],
    ['panjang-rekap', { kind: 'RKP', rekap: longRekap() }, {}],
    ['banyak-rhk-evaluasi', { kind: 'EVA', evaluation: sampleEvaluation(many), skp: many, pack, capaian: 'BAIK' }, { orientation: 'landscape', paper: 'F4' }],
    ['nama-arab-skp', { kind: 'SKP', skp: { ...arabSkp, pegawai: arab }, pack }, {}],
  ];
  it.each(cases)('%s prints every piece without the loose fallback', async (name, job, over) => {
    const opts = { ...SAMPLE_OPTIONS, ...over };
    const out = await renderComplete([await prepareDocument(job, opts)], opts, name);
    expect(out.skipped).toEqual([]);
    expect(out.loosened).toEqual([]);
    if (reviewDir) {
      mkdirSync(reviewDir, { recursive: true });
      writeFileSync(join(reviewDir, `${name}.pdf`), out.bytes!);
    }
  });
});
