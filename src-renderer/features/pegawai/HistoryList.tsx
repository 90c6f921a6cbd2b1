import { useApp } from '../../components/StoreContext';
import type { EmployeeField } from '../../domain/pegawai';
import { useT } from '../../i18n/i18n';
import { codeLabel, FIELD_LABELS } from '../../components/fieldText';
import { formatNip } from '../../domain/nip';
import type { PegawaiData } from '../../components/usePegawaiData';
import { useLiveFor } from '../../components/useLiveFor';

/** Who changed what and when, newest first, from the append-only audit log. */
export function HistoryList({ employeeId, data }: { employeeId: string; data: Pick<PegawaiData, 'employeeById' | 'unitById'> }) {
  const t = useT();
  const { store } = useApp();
  const entries = useLiveFor(employeeId, () => store.employees.history(employeeId), [store]);
  if (!entries) return null;
  if (entries.length === 0) return <p className="muted">{t('pegawai.history.empty')}</p>;

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('pegawai.history.empty_value');
    if ((field === 'atasanId' || field === 'unitId') && typeof v === 'string') {
      return field === 'atasanId' ? (data.employeeById.get(v)?.nama ?? v) : (data.unitById.get(v)?.nama ?? v);
    }
    if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
    if (field === 'nip' && typeof v === 'string') return formatNip(v);
    if (field in FIELD_LABELS) return codeLabel(t, field as EmployeeField, String(v));
    return String(v);
  };
  const label = (field: string) => (field in FIELD_LABELS ? t(FIELD_LABELS[field as EmployeeField]) : field);

  return (
    <ol className="history" data-testid="history">
      {entries.map((h) => (
        <li key={h.id}>
          <div className="history-head">
            <time dateTime={h.at}>{new Date(h.at).toLocaleString('id-ID')}</time> — {t(`pegawai.history.${h.action}`, { actor: h.actor })}
            {h.note ? <span className="muted"> ({h.note})</span> : null}
          </div>
          {h.action !== 'create' ? (
            <ul>
              {h.changes.map((c) => (
                <li key={c.field}>
                  <strong>{label(c.field)}</strong>: {show(c.field, c.from)} → {show(c.field, c.to)}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
