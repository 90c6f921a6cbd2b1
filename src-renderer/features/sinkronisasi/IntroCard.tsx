import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { useBusyAction } from '../../components/useBusyAction';
import { useT } from '../../i18n/i18n';
import { savePackage } from '../../components/packageFiles';

/** "Buat paket perkenalan": how a kecamatan and its BKD (or two offices) come to know each other. */
export function IntroCard({ notify }: { notify: (kind: 'error', text: string) => void }) {
  const t = useT();
  const { store } = useApp();
  const { busy, run } = useBusyAction((err) => notify('error', errorMessage(t, err)));
  const introduce = () =>
    run(async () => {
      await savePackage(t, await store.packages.introduction(), t('sync.introduce'));
    });
  return (
    <section className="card" data-testid="sync-introduce">
      <h2>{t('sync.introduce')}</h2>
      <p className="muted">{t('sync.introduce.body')}</p>
      <button type="button" disabled={busy} onClick={() => void introduce()}>
        {t('sync.introduce')}
      </button>
    </section>
  );
}
