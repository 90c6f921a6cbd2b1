import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../components/StoreContext';
import type { PeerView } from '../../db/packageRepo';
import { useT, type Translate } from '../../i18n/i18n';
import type { PacketRefusal } from '../../jobs/networkSync';
import { getPlatform } from '../../platform/platform';
import { packageError, problemParams } from '../../components/packageFiles';
import { AUTO_SYNC_MINUTES, serverRunner, useServerRun } from './serverRunner';
import { ServerForm } from './ServerForm';
import { RepoError } from '../../db/errors';

/** The sentence for a packet that was not applied, naming its sender as the partners' table does. */
function refusalText(t: Translate, r: PacketRefusal, peers: PeerView[] | undefined): string {
  const from = peers?.find((p) => p.installation.id === r.from)?.installation.nama ?? r.from.slice(0, 8);
  const reason = packageError(t, new RepoError(r.code, { ...problemParams(t, r.params), from }));
  // A key to compare names its sender already: the sentence as a file would show it.
  return r.code === 'package.newKey' ? reason : t('server.refused', { from, reason });
}

/** "Server BKD" on Sinkronisasi (issue #28): the address, the account, runs and what they did. */
export function ServerCard({ peers }: { peers: PeerView[] | undefined }) {
  const t = useT();
  const { store } = useApp();
  const settings = useLiveQuery(() => store.server.get(), [store]);
  const who = useLiveQuery(() => store.packages.whoAmI(), [store]);
  const run = useServerRun();
  const [linked, setLinked] = useState<boolean | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let live = true;
    void getPlatform().serverStatus().then((s) => live && setLinked(!!s && s.url === settings?.url));
    return () => {
      live = false;
    };
  }, [settings?.url, editing]);
  if (!settings || !who || linked === null) return <section className="card" data-testid="sync-server" aria-busy="true" />;
  const user = who.ref.installId;
  const showForm = editing || !settings.url || !linked;
  const p = run.progress;

  return (
    <section className="card" data-testid="sync-server">
      <h2>{t('server.title')}</h2>
      <p className="muted">{t('server.lead')}</p>
      <p className="muted" data-testid="server-account">{t('server.account', { user, office: who.ref.officeId })}</p>
      {settings.url && !linked && !editing ? <p className="notice notice-info">{t(getPlatform().kind === 'browser' ? 'server.passwordAgain' : 'server.passwordHere')}</p> : null}
      {showForm ? (
        <ServerForm url={settings.url} user={user} onSaved={() => { setEditing(false); setLinked(true); }} onCancel={editing ? () => setEditing(false) : null} />
      ) : (
        <>
          <p>
            {t('server.connectedTo', { url: settings.url })}{' '}
            <button type="button" className="link" onClick={() => setEditing(true)}>{t('server.edit')}</button>
          </p>
          <label className="inline">
            <input type="checkbox" checked={settings.auto} onChange={(e) => void store.server.save({ auto: e.target.checked })} />
            {t('server.auto', { minutes: AUTO_SYNC_MINUTES })}
          </label>
          <div className="actions">
            <button type="button" className="primary" disabled={run.running} onClick={() => void serverRunner.run(store)}>
              {t('server.syncNow')}
            </button>
          </div>
        </>
      )}
      <p data-testid="server-status" role="status">
        {p ? t('server.running', { step: t(`server.step.${p.step}`), sent: p.sent, received: p.received, applied: p.applied })
          : settings.lastSuccessAt ? t('server.last', { at: formatDateTime(settings.lastSuccessAt), sent: settings.lastSent, received: settings.lastApplied })
          : t('server.never')}
      </p>
      {run.error ? <p className="notice notice-error" role="alert" data-testid="server-error">{packageError(t, new RepoError(run.error.code, run.error.params))}</p> : null}
      {run.report && !run.running && !run.error ? <p className="notice notice-success" data-testid="server-done">{t('server.done', { sent: run.report.sent, applied: run.report.applied, created: run.report.created, updated: run.report.updated, conflicts: run.report.conflicts })}</p> : null}
      {run.report?.refused.map((r) => (
        <div key={r.packet} className="notice notice-warning" data-testid="server-refused">
          <p>{refusalText(t, r, peers)}</p>
          {r.retry ? (
            <button type="button" onClick={() => void serverRunner.trust(store, r.database, r.packet)}>
              {t('server.trust')}
            </button>
          ) : null}
        </div>
      ))}
    </section>
  );
}
