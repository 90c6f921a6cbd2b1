import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './sheet';
import { checkZip, WORKBOOK_LIMITS } from './zipGuard';

const CONTENT_TYPES = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

/** A zip streamed from `mb` megabytes of zeros in one worksheet: about 3 MB packed for 3 GB. */
function zipBomb(mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const ct = new ZipDeflate('[Content_Types].xml');
  zip.add(ct);
  ct.push(CONTENT_TYPES, true);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mb; i++) sheet.push(zeros, i === mb - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Sets the worksheet's declared unpacked size in the central directory to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(out.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (name.includes('worksheets')) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('hostile workbooks are refused before SheetJS unpacks them', () => {
  it('a 3-GB zip bomb: refused from its directory, without unpacking it', () => {
    // What the directory of the 3.1-MB file that crashed the page says: 3 GB inside. (Building
    // the real 3 GB of zeros would take the test half a minute; the directory is what is read.)
    const bomb = lieAboutSizes(zipBomb(8), 3 * 1024 ** 3);
    const res = (readWorkbook(bomb));
    expect(res).toEqual({ ok: false, code: 'unpackedTooLarge', params: { mb: 3072 } });
  });

  it('a bomb that declares small sizes is stopped while inflating, at the limit', () => {
    const liar = lieAboutSizes(zipBomb(80), 1000);
    const res = (checkZip(liar, { ...WORKBOOK_LIMITS, maxUnpacked: 64 * 1024 ** 2 }));
    expect(res?.code).toBe('unpackedTooLarge');
  }, 60_000);

  it('two million shared strings in a small file', () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(2_000_000)}</sst>`;
    const file = zipSync({ '[Content_Types].xml': CONTENT_TYPES, 'xl/sharedStrings.xml': strToU8(sst) }, { level: 9 });
    expect(file.length).toBeLessThan(1024 * 1024);
    const res = (readWorkbook(file));
    expect(res).toMatchObject({ ok: false, code: 'tooManyStrings', params: { max: 1_000_000 } });
  });

  it('300 sheets each claiming a million rows', () => {
    const files: Record<string, Uint8Array> = { '[Content_Types].xml': CONTENT_TYPES };
    for (let i = 1; i <= 300; i++) files[`xl/worksheets/sheet${i}.xml`] = strToU8('<worksheet><dimension ref="A1:Z1000000"/><sheetData/></worksheet>');
    const res = (readWorkbook(zipSync(files)));
    expect(res).toEqual({ ok: false, code: 'tooManySheets', params: { sheets: 300, max: 100 } });
  });

  it('an ordinary workbook passes', () => {
    const files = { '[Content_Types].xml': CONTENT_TYPES, 'xl/sharedStrings.xml': strToU8('<sst><si><t>NIP</t></si><si><t>Nama</t></si></sst>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') };
    expect(checkZip(zipSync(files))).toBeNull();
  });
});
