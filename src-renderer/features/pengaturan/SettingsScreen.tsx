import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../src-main/ipc-contract';
import { useUnsavedGuard } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Toast } from '../../components/Toast';
import { useT } from '../../i18n/i18n';
import { getPlatform, isStoragePersisted } from '../../platform/platform';
import { OfficeProfileForm } from '../../components/OfficeProfileForm';
import { AuditIntegrityCard } from './AuditIntegrityCard';
import { TteRootsCard } from './TteRootsCard';
import { BackupCard } from './BackupCard';
import { SnapshotsCard } from './SnapshotsCard';
import { ArchiveCard } from './ArchiveCard';
import { PrintSettings } from './PrintSettings';
import { YearAndRules } from './YearAndRules';
import { DistributionScopeCard } from './DistributionScopeCard';
import { YearOptions } from '../../components/YearOptions';

export function SettingsScreen() {
  const t = useT();
  const { store, profile } = useApp();
  const { office, settings } = profile;
  const platform = getPlatform();
  const [dirty, setDirty] = useState(false);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(0);
  useUnsavedGuard(dirty, t('common.unsaved'));

  useEffect(() => {
    void platform.appInfo().then(setInfo);
    void isStoragePersisted().then(setPersisted);
  }, [platform]);

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <div className="columns">
        {/* The left column holds the office and its data's safety; the right, preferences and facts. */}
        <div className="stack">
          <section className="card">
            <h2>{t('settings.profile')}</h2>
            <OfficeProfileForm
              key={office.rev}
              initial={{
                namaInstansi: office.namaInstansi,
                namaKantor: office.namaKantor,
                alamat: office.alamat,
                tempat: office.tempat,
                kertas: office.kertas,
                namaAdmin: settings.adminName,
              }}
              submitLabel={t('common.save')}
              onDirtyChange={setDirty}
              onSubmit={async (input) => {
                await store.settings.updateProfile(input);
                setSaved((n) => n + 1);
              }}
            />
            {saved ? <Toast key={saved} text={t('settings.profile.saved')} /> : null}
          </section>
          <BackupCard />
          <SnapshotsCard />
          <ArchiveCard />
          <AuditIntegrityCard />
          <TteRootsCard />
        </div>
        <div className="stack">
          <section className="card">
            <h2>{t('settings.preferences')}</h2>
            <div className="form">
              <label className="field">
                <span>{t('settings.language')}</span>
                <select
                  name="language"
                  value={settings.language}
                  onChange={(e) => void store.settings.setPreferences({ language: e.target.value as 'id' | 'en' })}
                >
                  <option value="id">{t('settings.language.id')}</option>
                  <option value="en">{t('settings.language.en')}</option>
                </select>
              </label>
              <label className="field">
                <span>{t('settings.activeYear')}</span>
                <select
                  name="activeYear"
                  value={settings.activeYear}
                  onChange={(e) => void store.settings.setPreferences({ activeYear: Number(e.target.value) })}
                >
                  <YearOptions years={years} />
                </select>
              </label>
            </div>
          </section>
          <YearAndRules />
          <DistributionScopeCard />
          <PrintSettings />
          <section className="card">
            <h2>{t('settings.about')}</h2>
            <dl className="facts">
              <dt>{t('settings.version')}</dt>
              <dd>{info?.version ?? '…'}</dd>
              <dt>{t('settings.platform')}</dt>
              <dd>{t(platform.kind === 'electron' ? 'settings.platform.electron' : 'settings.platform.browser')}</dd>
              <dt>{t('settings.officeId')}</dt>
              <dd className="mono">{settings.officeId}</dd>
              <dt>{t('settings.dataFolder')}</dt>
              <dd>
                {platform.kind === 'electron' ? (
                  <>
                    <span className="mono">{info?.dataFolder}</span>{' '}
                    <button type="button" onClick={() => void platform.showDataFolder()}>
                      {t('settings.openDataFolder')}
                    </button>
                  </>
                ) : (
                  t('settings.dataFolder.browser')
                )}
              </dd>
              <dt>{t('settings.storage')}</dt>
              <dd>{persisted === null ? '…' : t(persisted ? 'settings.storage.granted' : 'settings.storage.denied')}</dd>
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
