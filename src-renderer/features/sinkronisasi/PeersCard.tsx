import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../components/StoreContext';
import { useBusyAction } from '../../components/useBusyAction';
import type { PeerView } from '../../db/packageRepo';
import { useT } from '../../i18n/i18n';
import { buildAndSave, packageError } from '../../components/packageFiles';
import { YearOptions } from '../../components/YearOptions';

type Notify = (kind: 'success' | 'error', text: string) => void;

/** "Menunggu dikirim" in words: what it counts, and whether a package is due. */
function waitingText(t: ReturnType<typeof useT>, p: PeerView): string {
  if (p.waiting === 0) return t('sync.waiting.none');
  if (p.due > 0) return t('sync.waiting.due', { count: p.due });
  return t('sync.waiting.sent', { count: p.waiting });
}

/** The known installations with their role and exchange state; "Buat paket" per row. */
export function PeersCard({ peers, notify }: { peers: PeerView[] | undefined; notify: Notify }) {
  const t = useT();
  const { store } = useApp();
  const [full, setFull] = useState<Record<string, boolean>>({});
  // A full package to an office (a BKD) may hold one year: '' is every year.
  const [year, setYear] = useState<Record<string, string>>({});
  const years = useLiveQuery(() => store.archives.yearsWithRecords(), [store]);
  const { busy, run } = useBusyAction((err) => notify('error', packageError(t, err)));
  const when = (at?: string) => (at ? formatDateTime(at) : t('sync.never'));
  // A laptop's package is its scope, never cut by year.
  const offersYear = (p: PeerView) => !!full[p.installation.id] && p.installation.role !== 'PENILAI';

  const build = (p: PeerView) =>
    run(async () => {
      const id = p.installation.id;
      const oneYear = offersYear(p) && year[id] ? Number(year[id]) : undefined;
      const { saved, built } = await buildAndSave(t, store.db.name, id, !!full[id], t('sync.build'), oneYear);
      if (saved) {
        const last = built.parts[built.parts.length - 1]!;
        await store.packages.markSent(p.installation.id, { packageId: last.packageId, full: built.full }, built.records);
        const parts = built.parts.length > 1 ? ` ${t('sync.part.built', { of: built.parts.length })}` : '';
        notify('success', t('sync.built', { to: p.installation.nama, count: built.records }) + parts);
      }
    });

  return (
    <section className="card" data-testid="sync-peers">
      <h2>{t('sync.peers')}</h2>
      {peers && peers.length === 0 ? <p className="muted">{t('sync.peers.empty')}</p> : null}
      {peers && peers.length > 0 ? (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('sync.col.nama')}</th>
              <th>{t('sync.col.kantor')}</th>
              <th>{t('sync.col.peran')}</th>
              <th>{t('sync.col.terkirim')}</th>
              <th>{t('sync.col.diterima')}</th>
              <th>{t('sync.col.menunggu')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {peers.map((p) => (
              <tr key={p.installation.id} data-testid={`peer-${p.installation.nama}`}>
                <td>{p.installation.nama}</td>
                <td>{p.officeName}</td>
                <td>{t(`sync.role.${p.installation.role}`)}</td>
                <td>{when(p.state?.lastSent?.at)}</td>
                <td>{when(p.state?.lastReceived?.at)}</td>
                <td data-testid="peer-waiting">{waitingText(t, p)}</td>
                <td className="actions">
                  <label className="inline">
                    <input type="checkbox" checked={!!full[p.installation.id]} onChange={(e) => setFull({ ...full, [p.installation.id]: e.target.checked })} />
                    {t('sync.full')}
                  </label>
                  {offersYear(p) && years && years.length > 1 ? (
                    <select aria-label={t('sync.full.year')} title={t('sync.full.yearHint')} value={year[p.installation.id] ?? ''} onChange={(e) => setYear({ ...year, [p.installation.id]: e.target.value })}>
                      <option value="">{t('sync.full.allYears')}</option>
                      <YearOptions years={years} label={(y) => t('sync.full.oneYear', { year: y })} />
                    </select>
                  ) : null}
                  <button type="button" disabled={busy} onClick={() => void build(p)}>
                    {t('sync.build')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
