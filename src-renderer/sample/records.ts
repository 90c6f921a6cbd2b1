/** Small record builders shared by the repository and print tests. Never shipped as user data. */
import { emptyEmployeeFields, type EmployeeFields } from '../domain/pegawai';
import { newRhk, type Rhk } from '../domain/skp';

export function person(nip: string, nama: string, extra: Partial<EmployeeFields> = {}): EmployeeFields {
  return { ...emptyEmployeeFields(), nip, nama, ...extra };
}

/** An RHK utama with one quantitative indicator "Jumlah <teks>", target 12 Dokumen. */
export function rhk(teks: string, extra: Partial<Rhk> = {}): Rhk {
  const r = newRhk('UTAMA', crypto.randomUUID(), crypto.randomUUID());
  return { ...r, teks, indikator: [{ id: crypto.randomUUID(), aspek: 'KUANTITAS', teks: `Jumlah ${teks}`, target: '12 Dokumen' }], ...extra };
}
