import { describe, expect, it } from 'vitest';
import { attachmentDownload, safeFileName, withSuffix } from './fileNames';

const PDF = new TextEncoder().encode('%PDF-1.4\n%…');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');

describe('file names valid on every OS', () => {
  it.each([
    ['Laporan: Triwulan I?.pdf', 'Laporan- Triwulan I-.pdf'],
    ['bukti*final*.jpg', 'bukti-final-.jpg'],
    ['a/b\\c.pdf', 'a-b-c.pdf'],
    ['"kutip" <tag> |pipa|.png', 'kutip- -tag- -pipa-.png'],
    ['nama berakhir titik.', 'nama berakhir titik'],
    ['spasi di akhir   ', 'spasi di akhir'],
    ['CON.pdf', 'CON_.pdf'],
    ['lpt1', 'lpt1_'],
    ['..\\..\\rahasia.pdf', 'rahasia.pdf'],
    ['', 'berkas'],
    ['???', 'berkas'],
    ['Surat\u0000tugas\n2026.pdf', 'Surat-tugas-2026.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'Laporan kegiatan pelayanan '.repeat(10)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('a bukti dukung file is saved as what it is', () => {
  it.each([
    ['bukti.html', PDF, 'bukti.pdf', 'application/pdf'],
    ['foto.svg', PNG, 'foto.png', 'image/png'],
    ['scan.PDF', PDF, 'scan.pdf', 'application/pdf'],
    ['polyglot.html', HTML, 'polyglot.bin', 'application/octet-stream'],
    ['Daftar hadir: 12/03.pdf', PDF, 'Daftar hadir- 12-03.pdf', 'application/pdf'],
  ])('%s', (nama, bytes, name, mime) => {
    expect(attachmentDownload(nama, bytes)).toEqual({ name, mime });
  });
});

describe('a file made from another', () => {
  it.each([
    ['Evaluasi 2026.pdf', '-TTE', 'Evaluasi 2026-TTE.pdf'],
    ['Cetak 12 dokumen.zip', '-siap-TTE', 'Cetak 12 dokumen-siap-TTE.zip'],
    ['Budi_Hartono.v2.pdf', '-TTE', 'Budi_Hartono.v2-TTE.pdf'],
    ['tanpa-ekstensi', '-TTE', 'tanpa-ekstensi-TTE'],
  ])('%j + %j → %j', (name, suffix, expected) => {
    expect(withSuffix(name, suffix)).toBe(expected);
  });
});
