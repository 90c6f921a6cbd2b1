import { useLiveQuery } from 'dexie-react-hooks';
import { errorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../components/StoreContext';
import { useBusyAction } from '../../components/useBusyAction';
import { useT } from '../../i18n/i18n';

type Notify = (kind: 'success' | 'error', text: string) => void;

/** "Batalkan paket ini": the newest package received, while nothing later touched what it changed. */
export function UndoPackageCard({ notify }: { notify: Notify }) {
  const t = useT();
  const { store } = useApp();
  const last = useLiveQuery(() => store.sync.undoablePackage(), [store]);
  const { busy, run } = useBusyAction((err) => notify('error', errorMessage(t, err)));
  if (!last) return null;
  const undo = () =>
    run(async () => {
      if (!window.confirm(t('sync.undo.confirm', { count: last.records, from: last.from }))) return;
      const n = await store.sync.undoPackage(last.receiptId);
      notify('success', t('sync.undo.done', { from: last.from, count: n }));
    });
  return (
    <section className="card" data-testid="sync-undo">
      <h2>{t('sync.undo.title')}</h2>
      <p>{t('sync.undo.body', { from: last.from, tanggal: formatDateTime(last.at), count: last.records })}</p>
      <button type="button" disabled={busy} onClick={() => void undo()}>
        {t('sync.undo.button')}
      </button>
    </section>
  );
}
