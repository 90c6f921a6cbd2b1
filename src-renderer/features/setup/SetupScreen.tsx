import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { usePerfMark } from '../../app/perf';
import type { DataStore } from '../../db/store';
import { hasMessage, useT } from '../../i18n/i18n';
import { OfficeProfileForm } from '../pengaturan/OfficeProfileForm';
import { openPackage, problemParams } from '../sinkronisasi/packageFiles';

/** First run: the office profile, asked once; or joining an office with an enrolment package. */
export function SetupScreen({ store }: { store: DataStore }) {
  const t = useT();
  const [error, setError] = useState('');
  const [bkd, setBkd] = useState(false);
  usePerfMark('kinerja-interactive', true);

  const join = async () => {
    setError('');
    try {
      const res = await openPackage(t('setup.join'));
      if (!res.ok) {
        if (res.code !== 'cancelled') setError(hasMessage(res.code) ? t(res.code, problemParams(t, res.params)) : res.code);
        return;
      }
      await store.packages.joinFromPairing(res.envelope, res.records, new Date());
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  return (
    <main className="setup" data-testid="setup">
      <div className="setup-card">
        <img src="./favicon.png" alt="" width={56} height={56} />
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        <label className="inline setup-bkd">
          <input type="checkbox" checked={bkd} onChange={(e) => setBkd(e.target.checked)} />
          {t('setup.bkd')}
        </label>
        <OfficeProfileForm
          initial={{ namaInstansi: '', namaKantor: '', alamat: '', tempat: '', kertas: 'A4', namaAdmin: '' }}
          submitLabel={t('setup.submit')}
          onSubmit={async (input) => {
            await store.settings.setupOffice(input, new Date(), { role: bkd ? 'BKD' : 'KANTOR' });
          }}
        />
        <hr />
        <h2>{t('setup.join')}</h2>
        <p className="muted">{t('setup.join.body')}</p>
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="button" onClick={() => void join()}>
          {t('setup.join')}
        </button>
      </div>
    </main>
  );
}
