import { useLiveQuery } from 'dexie-react-hooks';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { useT } from '../../i18n/i18n';

/** The latest printed documents with their codes: what "Verifikasi dokumen" can explain in detail. */
export function PrintLog() {
  const t = useT();
  const { store } = useApp();
  const log = useLiveQuery(() => store.prints.recent(15), [store]);
  return (
    <section className="card">
      <h2>{t('cetak.log')}</h2>
      {!log || log.length === 0 ? <p className="muted">{t('cetak.log.empty')}</p> : null}
      <ul className="history" data-testid="print-log">
        {(log ?? []).map((e) => (
          <li key={e.id}>
            <div className="history-head">
              {new Date(e.at).toLocaleString('id-ID')} — {e.actor}
            </div>
            <div>
              {e.title} — {e.ownerNama}
              {e.draft ? <span className="badge">{t('cetak.log.draft')}</span> : null}
            </div>
            <a className="mono small-code" href={href('cetak', 'verifikasi', e.code)}>
              {e.code}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
