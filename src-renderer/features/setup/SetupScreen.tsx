import { useState } from 'react';
import { usePerfMark } from '../../components/perf';
import type { DataStore } from '../../db/store';
import { useT } from '../../i18n/i18n';
import { RestoreBackup } from '../../components/RestoreBackup';
import { OfficeProfileForm } from '../../components/OfficeProfileForm';
import { openPackage, packageError } from '../../components/packageFiles';
import { keyCodeOf } from '../../exchange/signature';

/** First run: the office profile, asked once; or joining an office with an enrolment package. */
export function SetupScreen({ store }: { store: DataStore }) {
  const t = useT();
  const [error, setError] = useState('');
  const [bkd, setBkd] = useState(false);
  // Null until typed: the suggestion follows the BKD choice.
  const [computer, setComputer] = useState<string | null>(null);
  // A pairing package read and verified, waiting for the person to compare the office PC's key code.
  const [pending, setPending] = useState<{ opened: NonNullable<Awaited<ReturnType<typeof openPackage>>>; code: string } | null>(null);
  usePerfMark('kinerja-interactive', true);

  const pick = async () => {
    setError('');
    try {
      const opened = await openPackage(t, store.db.name, t('setup.join'));
      if (!opened) return;
      setPending({ opened, code: await keyCodeOf(opened.envelope.key) });
    } catch (err) {
      setError(packageError(t, err));
    }
  };

  const join = async () => {
    if (!pending) return;
    try {
      try {
        await pending.opened.session.join(new Date());
      } finally {
        pending.opened.session.close();
        setPending(null);
      }
      // The worker wrote the identity: the window's store reads it on the next look.
      location.reload();
    } catch (err) {
      setError(packageError(t, err));
    }
  };

  return (
    <main className="setup" data-testid="setup">
      <div className="setup-card">
        <img src="./favicon.png" alt="" width={56} height={56} />
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        <label className="check setup-bkd">
          <input type="checkbox" checked={bkd} onChange={(e) => setBkd(e.target.checked)} />
          {t('setup.bkd')}
        </label>
        <label className="field">
          <span>{t('setup.computerName')}</span>
          <input value={computer ?? t(bkd ? 'setup.computerName.BKD' : 'setup.computerName.KANTOR')} maxLength={60} onChange={(e) => setComputer(e.target.value)} />
          <span className="field-hint">{t('setup.computerName.hint')}</span>
        </label>
        <OfficeProfileForm
          initial={{ namaInstansi: '', namaKantor: '', alamat: '', tempat: '', kertas: 'A4', namaAdmin: '' }}
          submitLabel={t('setup.submit')}
          onSubmit={async (input) => {
            await store.settings.setupOffice(input, new Date(), { role: bkd ? 'BKD' : 'KANTOR', nama: computer?.trim() || t(bkd ? 'setup.computerName.BKD' : 'setup.computerName.KANTOR') });
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
        {pending ? (
          <div className="notice notice-info" data-testid="join-key">
            <p>{t('sync.key.joinCode', { code: pending.code })}</p>
            <button type="button" className="primary" onClick={() => void join()}>
              {t('sync.key.confirm')}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                pending.opened.session.close();
                setPending(null);
              }}
            >
              {t('sync.preview.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => void pick()}>
            {t('setup.join')}
          </button>
        )}
        <hr />
        <h2>{t('backup.title')}</h2>
        <p className="muted">{t('setup.restore')}</p>
        <RestoreBackup store={store} replaces={null} />
      </div>
    </main>
  );
}
