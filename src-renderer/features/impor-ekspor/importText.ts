/** How the import screens word fields, values and problems (one place for the wizard, the preview and its rows). */
import { formatIsoTanggal } from '../../domain/dates';
import type { EmployeeField, FieldIssue } from '../../domain/pegawai';
import type { ImportField } from '../../exchange/headers';
import type { PlanSummary } from '../../jobs/importProtocol';
import type { ImportError } from '../../exchange/pegawaiImport';
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { codeLabel, FIELD_LABELS, issueText } from '../../components/fieldText';

const FIELD_OF: Record<ImportField, EmployeeField | null> = {
  nip: 'nip', nama: 'nama', namaLengkap: null, gelarDepan: 'gelarDepan', gelarBelakang: 'gelarBelakang', status: 'status',
  jenisKelamin: 'jenisKelamin', tanggalLahir: 'tanggalLahir', golongan: 'golongan', tmtGolongan: 'tmtGolongan', jabatan: 'jabatan',
  jenisJabatan: 'jenisJabatan', jenjang: 'jenjang', unit: 'unitId', atasanNip: 'atasanId',
};

export function fieldLabel(t: Translate, f: ImportField): string {
  const ef = FIELD_OF[f];
  return ef ? t(FIELD_LABELS[ef]) : t('import.field.namaLengkap');
}

/** The Indonesian sentence for one import error, with where it is. */
export function importErrorText(t: Translate, e: ImportError): string {
  if (e.code === 'fieldIssue' && e.params) {
    const { field, issue, ...rest } = e.params;
    return issueText(t, { field: field as EmployeeField, code: issue as FieldIssue['code'], severity: 'error', params: rest });
  }
  const key = `import.err.${e.code}`;
  return t(key as 'import.err.nipNumeric', (e.params ?? {}) as Record<string, string | number>);
}

const UNIT_LABELS: Record<string, MessageKey> = { nama: 'unit.nama', parentId: 'unit.parent', headId: 'unit.head', aktif: 'unit.aktif' };

export function changeLabel(t: Translate, kind: PlanSummary['kind'], field: string): string {
  if (kind === 'skp') return t('import.skp.rhkCount');
  if (kind === 'unit') return t(UNIT_LABELS[field] ?? 'unit.nama');
  return t(FIELD_LABELS[field as EmployeeField] ?? 'pegawai.nama');
}

const DATE_FIELDS = new Set<string>(['tanggalLahir', 'tmtGolongan', 'nonaktifTanggal']);

/** A stored employee value as a person reads it: a coded value by its label, a date in words, '—' when empty. */
export function employeeValueText(t: Translate, field: string, value: string): string {
  if (value === '') return '—';
  if (DATE_FIELDS.has(field)) return formatIsoTanggal(value);
  return codeLabel(t, field as EmployeeField, value);
}
