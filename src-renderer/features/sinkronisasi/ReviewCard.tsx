import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/StoreContext';
import { printedName } from '../../domain/pegawai';
import { useT } from '../../i18n/i18n';
import { ConflictItem, type Resolve } from './ConflictItem';
import { pathLabel, recordLabel } from '../../components/syncText';
import type { SyncData } from './useSyncData';

type Notify = (kind: 'success' | 'error', text: string) => void;

/** Records shown at once; the rest follow as these are settled. */
const SHOWN = 100;

/** "Perlu ditinjau": open conflicts and flags, proposals from senders who may not write, duplicates. */
export function ReviewCard({ data, notify }: { data: SyncData; notify: Notify }) {
  const t = useT();
  const { store } = useApp();
  const act = (work: Promise<unknown>) => void work.catch((err: unknown) => notify('error', errorMessage(t, err)));
  const resolve: Resolve = (table, id, path, value) => act(store.sync.resolve(table, id, path, value));
  const { conflicts = [], proposals = [], duplicates = [], installations = [], employees = [] } = data;
  const nameOf = (id: string) => {
    const e = employees.find((x) => x.id === id);
    return e ? printedName(e) : id.slice(0, 8);
  };
  const empty = conflicts.length + proposals.length + duplicates.length === 0;
  return (
    <section className="card" data-testid="sync-review">
      <h2>{t('sync.review')}</h2>
      {empty ? <p className="ok-text">{t('sync.review.empty')}</p> : null}
      {conflicts.length > SHOWN ? <p className="notice notice-warning">{t('sync.review.more', { shown: SHOWN, count: conflicts.length })}</p> : null}
      {conflicts.slice(0, SHOWN).map((item) => (
        <div key={`${item.table}:${item.id}`} className="review-item">
          <h3>{recordLabel(t, item.table, item.doc)}</h3>
          {item.conflicts.map((c) => (
            <ConflictItem key={`${c.kind}:${c.path}`} table={item.table} doc={item.doc} c={c} installations={installations} resolve={resolve} />
          ))}
        </div>
      ))}
      {proposals.map((p) => (
        <div key={p.id} className="review-item" data-testid="proposal">
          <div>{t('sync.review.proposal', { from: p.from, paths: p.paths.map((x) => (x === '*' ? t(`paket.tabel.${p.table}` as 'paket.tabel.employees') : pathLabel(t, x))).join(', ') })}</div>
          <div className="actions">
            <button type="button" onClick={() => act(store.sync.acceptProposal(p.id))}>{t('sync.review.accept')}</button>
            <button type="button" onClick={() => act(store.sync.rejectProposal(p.id))}>{t('sync.review.reject')}</button>
          </div>
        </div>
      ))}
      {duplicates.map((d) => (
        <div key={d.nip} className="review-item" data-testid="duplicate">
          <div>{t('sync.review.duplicate', { nip: d.nip, count: d.ids.length })}</div>
          <div className="actions">
            {d.ids.map((keep) => (
              <button key={keep} type="button" onClick={() => act((async () => { for (const drop of d.ids) if (drop !== keep) await store.employees.mergeDuplicate(keep, drop); })())}>
                {t('sync.review.keep', { nama: nameOf(keep) })}
              </button>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
