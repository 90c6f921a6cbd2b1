import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { printedName } from '../../domain/pegawai';
import { useT } from '../../i18n/i18n';
import { type Resolve } from './ConflictItem';
import { ConflictList } from './ConflictList';
import { ProposalItem } from './ProposalItem';
import type { SyncData } from './useSyncData';

type Notify = (kind: 'success' | 'error', text: string) => void;

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
      {conflicts.length > 0 ? (
        <ConflictList
          records={conflicts}
          installations={installations}
          resolve={resolve}
          resolveMany={(choices, writer) => act(store.sync.resolveMany(choices).then((n) => notify('success', t('sync.review.bulkDone', { count: n, writer }))))}
        />
      ) : null}
      {proposals.map(({ proposal: p, current }) => (
        <ProposalItem key={p.id} proposal={p} current={current} onAccept={() => act(store.sync.acceptProposal(p.id))} onReject={() => act(store.sync.rejectProposal(p.id))} />
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
