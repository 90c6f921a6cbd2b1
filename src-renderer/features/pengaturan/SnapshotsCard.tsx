import { useLiveQuery } from 'dexie-react-hooks';
import { useGateLoading } from '../../components/LoadGate';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { useBusyAction } from '../../components/useBusyAction';
import { SNAPSHOT_BUDGET_BYTES, SNAPSHOTS_KEPT, type SnapshotSummary } from '../../db/snapshots';
import { useT } from '../../i18n/i18n';

/**
 * Pengaturan › Salinan otomatis: the snapshots taken before imports, packages, restores and
 * updates, newest first, each one click (and a confirmation) from being the data again.
 */
export function SnapshotsCard() {
  const t = useT();
  const { store } = useApp();
  const snapshots = useLiveQuery(() => store.backups.snapshots(), [store]);
  useGateLoading(snapshots === undefined);
  const [asking, setAsking] = useState<SnapshotSummary | null>(null);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { busy, run } = useBusyAction((err) => setMsg({ kind: 'error', text: errorMessage(t, err) }));
  const reason = (s: SnapshotSummary) => t(`snapshot.reason.${s.reason ?? 'upgrade'}`);

  const restore = (s: SnapshotSummary) =>
    run(async () => {
      await store.backups.restoreSnapshot(s.id);
      setAsking(null);
      setMsg({ kind: 'success', text: t('snapshot.restored', { tanggal: formatDateTime(s.at) }) });
      setTimeout(() => window.location.reload(), 1200);
    });

  const newestFirst = [...(snapshots ?? [])].reverse();
  return (
    <section className="card" aria-labelledby="snapshots-title" data-testid="snapshots-card">
      <h2 id="snapshots-title">{t('snapshot.title')}</h2>
      <p className="field-hint">{t('snapshot.intro', { kept: SNAPSHOTS_KEPT })}</p>
      {snapshots && snapshots.length > 0 ? (
        <p className="field-hint" data-testid="snapshot-size">
          {t('snapshot.size', { mb: Math.max(1, Math.round(snapshots.reduce((n, s) => n + (s.bytes ?? 0), 0) / 1048576)), budget: SNAPSHOT_BUDGET_BYTES / 1048576 })}
        </p>
      ) : null}
      {snapshots && snapshots.length === 0 ? <p>{t('snapshot.empty')}</p> : null}
      {newestFirst.length > 0 ? (
        <table className="snapshots">
          <tbody>
            {newestFirst.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.at)}</td>
                <td>{reason(s)}</td>
                <td>{t('snapshot.counts', { pegawai: s.counts.employees ?? 0, skp: s.counts.skps ?? 0, evaluasi: s.counts.evaluations ?? 0 })}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => setAsking(s)}>
                    {t('snapshot.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {asking ? (
        <div className="notice notice-warning" role="alertdialog" aria-label={t('snapshot.title')} data-testid="snapshot-confirm">
          <p>{t('snapshot.confirm', { tanggal: formatDateTime(asking.at), alasan: reason(asking).toLowerCase() })}</p>
          <div className="toolbar">
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(asking)}>
              {t('snapshot.confirm.ok')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
