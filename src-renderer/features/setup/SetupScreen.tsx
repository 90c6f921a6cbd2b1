import { usePerfMark } from '../../app/perf';
import type { DataStore } from '../../db/store';
import { useT } from '../../i18n/i18n';
import { OfficeProfileForm } from '../pengaturan/OfficeProfileForm';

/** First run: the office profile, asked once. */
export function SetupScreen({ store }: { store: DataStore }) {
  const t = useT();
  usePerfMark('kinerja-interactive', true);
  return (
    <main className="setup" data-testid="setup">
      <div className="setup-card">
        <img src="./favicon.png" alt="" width={56} height={56} />
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        <OfficeProfileForm
          initial={{ namaInstansi: '', namaKantor: '', alamat: '', tempat: '', kertas: 'A4', namaAdmin: '' }}
          submitLabel={t('setup.submit')}
          onSubmit={async (input) => {
            await store.settings.setupOffice(input, new Date());
          }}
        />
      </div>
    </main>
  );
}
