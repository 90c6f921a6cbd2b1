/**
 * Finding the header row of a spreadsheet somebody else made (title rows above, two-row merged
 * headers) and proposing a column mapping from header synonyms (issue #6 §2).
 * Field keys come from a fixed list, so a header such as "__proto__" or "constructor" can never
 * become an object key that reaches a prototype.
 */
import { cleanText } from '../io/values';

export const IMPORT_FIELDS = [
  'nip', 'nama', 'namaLengkap', 'gelarDepan', 'gelarBelakang', 'status', 'jenisKelamin', 'tanggalLahir',
  'golongan', 'tmtGolongan', 'jabatan', 'jenisJabatan', 'jenjang', 'unit', 'atasanNip',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Folded header text: lower case, letters and digits only ("N I P" → "nip", "NIP_BARU" → "nipbaru"). */
export function foldHeader(v: unknown): string {
  return cleanText(v).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SYNONYMS: Record<ImportField, readonly string[]> = {
  nip: ['nip', 'nipbaru', 'nip18', 'nipnippk', 'nippppk', 'nipppk', 'nomorindukpegawai', 'nipninppk', 'ninppk'],
  nama: ['nama', 'namapegawai', 'namatanpagelar'],
  namaLengkap: ['namalengkap', 'namagelar', 'namadangelar', 'namalengkapdengangelar', 'namalengkapgelar'],
  gelarDepan: ['gelardepan', 'glrdepan'],
  gelarBelakang: ['gelarbelakang', 'glrbelakang'],
  status: ['status', 'statuspegawai', 'statuskepegawaian', 'jenispegawai', 'kedudukanhukum'],
  jenisKelamin: ['jeniskelamin', 'jk', 'lp', 'sex', 'kelamin'],
  tanggalLahir: ['tanggallahir', 'tgllahir', 'tgllhr', 'tanggallhr', 'tgllahirddmmyyyy'],
  golongan: ['golongan', 'gol', 'golongan ruang', 'golruang', 'golonganruang', 'pangkatgolruang', 'pangkatgolonganruang', 'pangkatgol', 'golakhir', 'golakhirnama', 'golakhirid', 'pangkatgolongan'],
  tmtGolongan: ['tmtgolongan', 'tmtgol', 'tmtpangkat', 'tmtgolakhir', 'pangkattmt', 'golongantmt', 'goltmt', 'pangkatgolruangtmt'],
  jabatan: ['jabatan', 'namajabatan', 'jabatannama'],
  jenisJabatan: ['jenisjabatan', 'jenisjabatannama'],
  jenjang: ['jenjang', 'jenjangjabatan', 'jenjangjf'],
  unit: ['unitkerja', 'unor', 'unornama', 'unit', 'satuankerja', 'satker', 'unitorganisasi'],
  atasanNip: ['nipatasan', 'atasannip', 'nippejabatpenilai', 'nippenilai', 'atasanlangsungnip', 'nipatasanlangsung'],
};

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const s of SYNONYMS[field]) LOOKUP.set(s.replace(/\s/g, ''), field);

export function fieldForHeader(header: unknown): ImportField | null {
  const f = foldHeader(header);
  if (!f) return null;
  return LOOKUP.get(f) ?? null;
}

export interface HeaderMatch {
  /** 0-based row index of the (last) header row; data starts on the next row. */
  headerRow: number;
  /** Column index → field. */
  mapping: Map<number, ImportField>;
  /** The header text shown to the user per column (both rows of a two-row header joined). */
  labels: string[];
}

/**
 * Scans the first rows for the one whose cells match the most known headers (at least two, one of
 * them NIP or nama). A merged two-row header ("Pangkat/Gol. Ruang" over "Gol" | "TMT") is read by
 * also trying each row joined with the row above.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], scanRows = 20): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, scanRows); r++) {
    const row = rows[r] ?? [];
    const above = r > 0 ? fillMerged(rows[r - 1] ?? [], row.length) : [];
    const width = Math.max(row.length, above.length);
    const mapping = new Map<number, ImportField>();
    const labels: string[] = [];
    const used = new Set<ImportField>();
    for (let c = 0; c < width; c++) {
      const own = cleanText(row[c]);
      const top = cleanText(above[c]);
      const candidates = [own, `${top} ${own}`, top && !own ? top : ''].filter(Boolean);
      labels[c] = own || top;
      for (const text of candidates) {
        const field = fieldForHeader(text);
        if (field && !used.has(field)) {
          mapping.set(c, field);
          used.add(field);
          labels[c] = text;
          break;
        }
      }
    }
    const ownMatches = [...mapping.keys()].filter((c) => fieldForHeader(row[c]) !== null || fieldForHeader(`${cleanText(above[c])} ${cleanText(row[c])}`) !== null).length;
    const score = mapping.size;
    const anchored = used.has('nip') || used.has('nama') || used.has('namaLengkap');
    if (anchored && score >= 2 && ownMatches >= 1 && score > bestScore) {
      best = { headerRow: r, mapping, labels };
      bestScore = score;
    }
  }
  return best;
}

/**
 * A merged header cell is read as its value followed by empty cells; repeat the value across the
 * empty cells to its right so "Pangkat" stands above both "Gol" and "TMT".
 */
function fillMerged(row: readonly unknown[], width: number): string[] {
  const out: string[] = [];
  let last = '';
  for (let c = 0; c < Math.max(width, row.length); c++) {
    const v = cleanText(row[c]);
    if (v) last = v;
    out.push(v || last);
  }
  return out;
}

/** A header row as a layout signature, so a corrected mapping can be remembered per layout. */
export function layoutSignature(labels: readonly string[]): string {
  return labels.map(foldHeader).join('|');
}
