import type { FieldIssue, EmployeeField } from '../domain/pegawai';
import { hasMessage, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export const FIELD_LABELS: Record<EmployeeField, MessageKey> = {
  status: 'pegawai.status',
  nip: 'pegawai.nip',
  nama: 'pegawai.nama',
  gelarDepan: 'pegawai.gelarDepan',
  gelarBelakang: 'pegawai.gelarBelakang',
  jenisKelamin: 'pegawai.jenisKelamin',
  tanggalLahir: 'pegawai.tanggalLahir',
  golongan: 'pegawai.golongan',
  tmtGolongan: 'pegawai.tmtGolongan',
  jabatan: 'pegawai.jabatan',
  jenisJabatan: 'pegawai.jenisJabatan',
  jenjang: 'pegawai.jenjang',
  unitId: 'pegawai.unit',
  atasanId: 'pegawai.atasan',
  aktif: 'pegawai.aktif',
  nonaktifAlasan: 'pegawai.nonaktifAlasan',
  nonaktifTanggal: 'pegawai.nonaktifTanggal',
  nonaktifKeterangan: 'pegawai.nonaktifKeterangan',
};

/** Coded fields shown by their label ("Mutasi keluar", not MUTASI_KELUAR) in history and lists. */
const CODED_FIELDS: Partial<Record<EmployeeField, string>> = {
  status: 'pegawai.status',
  jenisKelamin: 'pegawai.jenisKelamin',
  jenisJabatan: 'pegawai.jenisJabatan',
  jenjang: 'pegawai.jenjang',
  nonaktifAlasan: 'pegawai.nonaktifAlasan',
};

export function codeLabel(t: Translate, field: EmployeeField, code: string): string {
  const prefix = CODED_FIELDS[field];
  const key = prefix ? `${prefix}.${code}` : '';
  return key && hasMessage(key) ? t(key) : code;
}

/** The Indonesian sentence for a domain issue on an employee field. */
export function issueText(t: Translate, issue: FieldIssue): string {
  const key = issue.code.startsWith('nip.') ? `nip.error.${issue.code.slice(4)}` : `employee.issue.${issue.code}`;
  const params = { label: t(FIELD_LABELS[issue.field]), ...(issue.params ?? {}) };
  return hasMessage(key) ? t(key, params) : issue.code;
}
