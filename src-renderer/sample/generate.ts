import { toIsoDate } from '../domain/dates';
import { GOLONGAN_PNS } from '../domain/golongan';
import type { Employee, EmployeeFields } from '../domain/pegawai';
import type { SyncMeta } from '../domain/records';
import type { Unit } from '../domain/unit';

/**
 * Believable sample data for development, tests and `npm run bench`: kecamatan-shaped offices
 * with Indonesian names, valid NIPs and an atasan chain. Never shipped as user data (nothing in
 * the app imports this module).
 */

/** Small deterministic PRNG (mulberry32): a seed replays sample data or a simulation exactly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MALE = ['Asep', 'Budi', 'Agus', 'Dedi', 'Hendra', 'Iwan', 'Joko', 'Rahmat', 'Slamet', 'Yusuf', 'Ahmad', 'Dadang', 'Eko', 'Fajar', 'Hadi', 'Irfan', 'Rudi', 'Taufik', 'Wahyu', 'Zainal'];
const FEMALE = ['Siti', 'Dewi', 'Rina', 'Sri', 'Nur', 'Eka', 'Fitri', 'Indah', 'Lestari', 'Maya', 'Ratna', 'Yuli', 'Ani', 'Desi', 'Euis', 'Neneng', 'Rosita', 'Tuti', 'Wulan', 'Yanti'];
const FAMILY = ['Saepudin', 'Hidayat', 'Santoso', 'Kurniawan', 'Setiawan', 'Suryana', 'Rahayu', 'Permana', 'Nugraha', 'Wijaya', 'Hartono', 'Gunawan', 'Susanti', 'Marlina', 'Handayani', 'Purnama', 'Sopian', 'Ramdani', 'Firmansyah', 'Syahputra'];
const KECAMATAN = ['Curug', 'Bungo', 'Senapelan', 'Pauh', 'Serang', 'Tigaraksa', 'Cikupa', 'Legok', 'Pasar Kemis', 'Balaraja', 'Kresek', 'Mauk', 'Rajeg', 'Sepatan', 'Teluknaga', 'Kosambi'];
const SEKSI = ['Sekretariat', 'Seksi Pemerintahan', 'Seksi Ekonomi dan Pembangunan', 'Seksi Kesejahteraan Sosial', 'Seksi Ketenteraman dan Ketertiban Umum', 'Seksi Pelayanan Umum'];
const JABATAN_STAF = ['Pengadministrasi Umum', 'Pengolah Data', 'Analis Kebijakan', 'Pengelola Keuangan', 'Penata Laporan Keuangan', 'Pengadministrasi Perkantoran', 'Analis Pemerintahan', 'Pranata Komputer'];
const GELAR_BELAKANG = ['', '', 'S.Sos.', 'S.E.', 'S.Kom.', 'S.H.', 'A.Md.', 'S.IP.', 'M.Si.', 'S.AP.'];

export interface SampleOrganisation {
  units: Unit[];
  employees: Employee[];
}

export function generateOrganisation(opts: { employees: number; seed?: number; officeId?: string; nowIso?: string }): SampleOrganisation {
  const rand = mulberry32(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const now = opts.nowIso ?? '2026-01-02T00:00:00.000Z';
  const officeId = opts.officeId ?? 'sample-office';
  let counter = 0;
  const uuid = () => {
    counter++;
    const hex = (n: number, w: number) => Math.floor(n).toString(16).padStart(w, '0').slice(-w);
    return `${hex(rand() * 0xffffffff, 8)}-${hex(rand() * 0xffff, 4)}-4${hex(rand() * 0xfff, 3)}-a${hex(rand() * 0xfff, 3)}-${hex(counter, 12)}`;
  };
  let revCounter = 0;
  const meta = (): SyncMeta => ({
    id: uuid(),
    createdAt: now,
    updatedAt: now,
    updatedBy: officeId,
    rev: `${String(Date.parse(now)).padStart(15, '0')}-${String(revCounter++ % 100000).padStart(5, '0')}-${officeId}`,
    deleted: false,
  });
  const seqByPrefix = new Map<string, number>();

  const person = (unitId: string, atasanId: string | null, role: 'head' | 'staff', jabatan: string, golongan: string): Employee => {
    const female = rand() < 0.45;
    const birth = { year: int(1966, 2000), month: int(1, 12), day: int(1, 28) };
    const tmtYear = Math.min(2024, birth.year + int(21, 32));
    const prefix = `${toIsoDate(birth).replace(/-/g, '')}${tmtYear}${String(int(1, 12)).padStart(2, '0')}${female ? 2 : 1}`;
    const seq = (seqByPrefix.get(prefix) ?? 0) + 1;
    seqByPrefix.set(prefix, seq);
    const fields: EmployeeFields = {
      status: 'PNS',
      nip: `${prefix}${String(seq).padStart(3, '0')}`,
      nama: `${pick(female ? FEMALE : MALE)} ${pick(FAMILY)}`,
      gelarDepan: role === 'head' && rand() < 0.3 ? (female ? 'Dra.' : 'Drs.') : '',
      gelarBelakang: pick(GELAR_BELAKANG),
      jenisKelamin: female ? 'P' : 'L',
      tanggalLahir: toIsoDate(birth),
      golongan,
      tmtGolongan: `${Math.min(2025, tmtYear + int(2, 12))}-04-01`,
      jabatan,
      jenisJabatan: role === 'head' ? 'PENGAWAS' : 'PELAKSANA',
      jenjang: '',
      unitId,
      atasanId,
      aktif: true,
      nonaktifAlasan: '',
      nonaktifTanggal: '',
      nonaktifKeterangan: '',
    };
    return { ...meta(), ...fields };
  };

  const units: Unit[] = [];
  const employees: Employee[] = [];
  const perOffice = 60;
  for (let o = 0; employees.length < opts.employees; o++) {
    const name = `${KECAMATAN[o % KECAMATAN.length]}${o >= KECAMATAN.length ? ` ${Math.floor(o / KECAMATAN.length) + 1}` : ''}`;
    const root: Unit = { ...meta(), nama: `Kecamatan ${name}`, parentId: null, headId: null, aktif: true };
    units.push(root);
    const camat = person(root.id, null, 'head', `Camat ${name}`, pick(['IV/a', 'IV/b']));
    camat.jenisJabatan = 'ADMINISTRATOR';
    root.headId = camat.id;
    employees.push(camat);
    for (const seksi of SEKSI) {
      if (employees.length >= opts.employees) break;
      const unit: Unit = { ...meta(), nama: seksi, parentId: root.id, headId: null, aktif: true };
      units.push(unit);
      const kepala = person(unit.id, camat.id, 'head', seksi === 'Sekretariat' ? 'Sekretaris Kecamatan' : `Kepala ${seksi}`, pick(['III/c', 'III/d', 'IV/a']));
      unit.headId = kepala.id;
      employees.push(kepala);
      const staff = Math.ceil((perOffice - 1 - SEKSI.length) / SEKSI.length);
      for (let i = 0; i < staff && employees.length < opts.employees; i++) {
        employees.push(person(unit.id, kepala.id, 'staff', pick(JABATAN_STAF), (pick(GOLONGAN_PNS.slice(4, 12)) as { code: string }).code));
      }
    }
  }
  return { units, employees: employees.slice(0, opts.employees) };
}
