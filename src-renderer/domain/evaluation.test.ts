import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import {
  checkAttachment, feedbackDateDefault, jpProgress, monthsBetween, poorStreak, predikatFor, sniffAttachmentType, startProblem, suggestedLeaderRating, validateEvaluation,
} from './evaluation';
import { PERMENPANRB_6_2022 as pack } from './rulepack';
import { newRhk, type Rhk } from './skp';

function rhk(jenis: 'UTAMA' | 'TAMBAHAN', teks: string): Rhk {
  return { ...newRhk(jenis, crypto.randomUUID(), crypto.randomUUID()), teks };
}

describe('predikat on an evaluation', () => {
  it('stays empty until both ratings are chosen, then follows the matrix', () => {
    expect(predikatFor(pack, '', 'SESUAI_EKSPEKTASI')).toBe('');
    expect(predikatFor(pack, 'DI_ATAS_EKSPEKTASI', '')).toBe('');
    expect(predikatFor(pack, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('SANGAT_BAIK');
    expect(predikatFor(pack, 'DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('BUTUH_PERBAIKAN');
  });

  it('an office that edits the matrix in its pack gets its own answer (data, not code)', () => {
    const edited = structuredClone(pack);
    edited.matrix.SESUAI_EKSPEKTASI.DI_ATAS_EKSPEKTASI = 'SANGAT_BAIK';
    expect(predikatFor(edited, 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('SANGAT_BAIK');
    expect(predikatFor(pack, 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('BAIK');
  });

  it.each([
    ['ISTIMEWA', 'DI_ATAS_EKSPEKTASI'],
    ['BAIK', 'SESUAI_EKSPEKTASI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH_EKSPEKTASI'],
    ['KURANG', 'DI_BAWAH_EKSPEKTASI'],
    ['SANGAT_KURANG', 'DI_BAWAH_EKSPEKTASI'],
    ['', ''],
  ] as const)('unit head under capaian %s is suggested %s', (capaian, rating) => {
    expect(suggestedLeaderRating(pack, capaian)).toBe(rating);
  });
});

describe('what blocks a final evaluation', () => {
  const skp = { rhk: [rhk('UTAMA', 'Laporan kependudukan'), rhk('UTAMA', 'Pelayanan KTP'), rhk('TAMBAHAN', 'Panitia HUT RI')] };
  it('names each RHK without realisasi by group and number, and each missing rating', () => {
    const issues = validateEvaluation({ hasil: { [skp.rhk[0]!.id]: { realisasi: '12 laporan', buktiDukung: '', umpanBalik: [] } }, ratingHasil: '', ratingPerilaku: 'SESUAI_EKSPEKTASI' }, skp);
    expect(issues).toEqual([
      { code: 'realisasiRequired', group: 'UTAMA', rhkNo: 2, rhkTeks: 'Pelayanan KTP' },
      { code: 'realisasiRequired', group: 'TAMBAHAN', rhkNo: 1, rhkTeks: 'Panitia HUT RI' },
      { code: 'ratingHasilRequired' },
    ]);
  });
  it('a complete evaluation has no issues', () => {
    const hasil = Object.fromEntries(skp.rhk.map((r) => [r.id, { realisasi: 'selesai', buktiDukung: '', umpanBalik: [] }]));
    expect(validateEvaluation({ hasil, ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' }, skp)).toEqual([]);
  });
  it('rating a period needs an approved SKP and an active employee', () => {
    expect(startProblem({ status: 'DRAF' }, true)).toBe('skpNotApproved');
    expect(startProblem({ status: 'DIAJUKAN' }, true)).toBe('skpNotApproved');
    expect(startProblem({ status: 'DISETUJUI' }, false)).toBe('employeeInactive');
    expect(startProblem({ status: 'DISETUJUI' }, true)).toBeNull();
  });
});

describe('follow-up', () => {
  it('counts poor predikat at the end of the history only', () => {
    expect(poorStreak([])).toBe(0);
    expect(poorStreak(['BAIK', 'KURANG_MISCONDUCT'])).toBe(1);
    expect(poorStreak(['SANGAT_KURANG', 'KURANG_MISCONDUCT', 'SANGAT_KURANG'])).toBe(3);
    expect(poorStreak(['KURANG_MISCONDUCT', 'BAIK'])).toBe(0);
    expect(poorStreak(['KURANG_MISCONDUCT', 'BUTUH_PERBAIKAN'])).toBe(0);
  });
  it('JP progress: PNS toward 20, PPPK capped at 24', () => {
    expect(jpProgress(pack, 'PNS', [8, 4])).toEqual({ total: 12, target: 20, reached: false, overCap: false, cap: null });
    expect(jpProgress(pack, 'PNS', [20, 12])).toMatchObject({ total: 32, reached: true, overCap: false });
    expect(jpProgress(pack, 'PPPK', [20])).toMatchObject({ reached: true, overCap: false, cap: 24 });
    expect(jpProgress(pack, 'PPPK', [20, 8])).toMatchObject({ total: 28, overCap: true });
  });
  it.each([
    ['2026-01-01', '2026-12-31', 12],
    ['2026-01-01', '2026-02-28', 2],
    ['2026-07-15', '2026-12-31', 6],
    ['2026-03-01', '2026-03-31', 1],
    ['', '2026-03-31', 0],
  ])('months %s – %s = %i', (a, b, m) => {
    expect(monthsBetween(a, b)).toBe(m);
  });
});

describe('bukti dukung files', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n...');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  it('recognises PDF, PNG and JPG by content, not name', () => {
    expect(sniffAttachmentType(pdf)).toBe('application/pdf');
    expect(sniffAttachmentType(png)).toBe('image/png');
    expect(sniffAttachmentType(jpg)).toBe('image/jpeg');
    expect(sniffAttachmentType(new TextEncoder().encode('MZ\x90\x00 program'))).toBeNull();
  });
  it('refuses other types, empty files and files over 2 MB, saying the size', () => {
    expect(checkAttachment(pdf)).toBeNull();
    expect(checkAttachment(new TextEncoder().encode('PK\x03\x04 docx'))).toEqual({ code: 'attachmentType' });
    expect(checkAttachment(new Uint8Array())).toEqual({ code: 'attachmentEmpty' });
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(pdf);
    expect(checkAttachment(big)).toEqual({ code: 'attachmentTooLarge', maxMb: 2, sizeMb: 3 });
  });

  it('a file just over the limit never reads as the limit itself ("2 MB, melebihi batas 2 MB")', () => {
    const justOver = new Uint8Array(2 * 1024 * 1024 + 30 * 1024);
    justOver.set(pdf);
    const problem = checkAttachment(justOver);
    expect(problem).toEqual({ code: 'attachmentTooLarge', maxMb: 2, sizeMb: 2.1 });
    expect(translate('id', 'error.attachmentTooLarge', { nama: 'scan.pdf', ...(problem as { maxMb: number; sizeMb: number }) })).toContain('berukuran 2,1 MB, melebihi batas 2 MB');
  });
});

describe('the date a new umpan balik starts with', () => {
  it.each([
    ['today while the period runs', '2026-02-10', '2026-02-10'],
    ['the last day of a period already over (a TW I form never says 1 Desember)', '2026-12-01', '2026-03-31'],
    ['the first day of a period not begun', '2025-12-20', '2026-01-01'],
  ])('%s', (_what, today, expected) => {
    expect(feedbackDateDefault(today, '2026-01-01', '2026-03-31')).toBe(expected);
  });
});
