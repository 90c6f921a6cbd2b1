import { useSaveShortcut } from './useSaveShortcut';
import { useState, type FormEvent } from 'react';
import { errorMessage } from './errors';
import { Field, Notice } from './Field';
import { RepoError } from '../db/errors';
import { formatTempatTanggal, fromJsDate } from '../domain/dates';
import { PAPER_SIZES, validateOfficeProfile, type OfficeErrors, type OfficeField, type OfficeProfileInput } from '../domain/office';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

interface Props {
  initial: OfficeProfileInput;
  submitLabel: string;
  onSubmit(input: OfficeProfileInput): Promise<void>;
  onDirtyChange?(dirty: boolean): void;
}

const LABELS: Record<OfficeField, MessageKey> = {
  namaInstansi: 'office.namaInstansi',
  namaKantor: 'office.namaKantor',
  alamat: 'office.alamat',
  tempat: 'office.tempat',
  kertas: 'office.kertas',
  namaAdmin: 'office.namaAdmin',
};

const MAX: Partial<Record<OfficeField, number>> = { namaInstansi: 150, namaKantor: 150, alamat: 300, tempat: 60, namaAdmin: 100 };

/** The office profile, used on first run and in Pengaturan. */
export function OfficeProfileForm({ initial, submitLabel, onSubmit, onDirtyChange }: Props) {
  const t = useT();
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<OfficeErrors>({});
  const [status, setStatus] = useState<{ kind: 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: OfficeField, v: string) => {
    const next = { ...value, [field]: v } as OfficeProfileInput;
    setValue(next);
    onDirtyChange?.(JSON.stringify(next) !== JSON.stringify(initial));
    if (errors[field]) setErrors({ ...errors, [field]: validateOfficeProfile(next)[field] });
    setStatus(null);
  };

  const message = (field: OfficeField): string | undefined => {
    const code = errors[field];
    if (!code) return undefined;
    if (code === 'paper') return t('field.paper');
    if (code === 'tooLong') return t('field.tooLong', { label: t(LABELS[field]), max: MAX[field] ?? 0 });
    return t('field.required', { label: t(LABELS[field]) });
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const found = validateOfficeProfile(value);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'error', text: t('error.officeInvalid') });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(value);
      onDirtyChange?.(false);
    } catch (err) {
      if (err instanceof RepoError && err.code === 'officeInvalid') setErrors(err.params.errors as OfficeErrors);
      setStatus({ kind: 'error', text: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };

  // Ctrl+S saves the profile like the button does, once per change.
  useSaveShortcut(() => void submit(), !busy && JSON.stringify(value) !== JSON.stringify(initial));

  const text = (field: Exclude<OfficeField, 'kertas'>, opts: { hint?: MessageKey; required?: boolean; multiline?: boolean } = {}) => (
    <Field label={t(LABELS[field])} hint={opts.hint ? t(opts.hint) : undefined} error={message(field)} required={opts.required ?? false}>
      {(p) =>
        opts.multiline ? (
          <textarea {...p} name={field} rows={2} value={value[field]} onChange={(e) => set(field, e.target.value)} />
        ) : (
          <input {...p} name={field} value={value[field]} onChange={(e) => set(field, e.target.value)} />
        )
      }
    </Field>
  );

  return (
    <form className="form" onSubmit={submit} noValidate>
      {text('namaInstansi', { hint: 'office.namaInstansi.hint', required: true })}
      {text('namaKantor', { hint: 'office.namaKantor.hint', required: true })}
      {text('alamat', { multiline: true })}
      {text('tempat', { hint: 'office.tempat.hint', required: true })}
      {value.tempat.trim() ? (
        <p className="preview">{t('office.preview', { line: formatTempatTanggal(value.tempat, fromJsDate(new Date())) })}</p>
      ) : null}
      <Field label={t('office.kertas')} error={message('kertas')}>
        {(p) => (
          <select {...p} name="kertas" value={value.kertas} onChange={(e) => set('kertas', e.target.value)}>
            {PAPER_SIZES.map((k) => (
              <option key={k} value={k}>
                {t(`office.kertas.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('namaAdmin', { hint: 'office.namaAdmin.hint', required: true })}
      {status ? <Notice kind={status.kind}>{status.text}</Notice> : null}
      <div className="actions sticky-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
