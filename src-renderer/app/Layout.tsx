import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { href } from '../components/router';
import { useGlobalShortcuts } from '../components/shortcuts';
import { useApp } from '../components/StoreContext';
import { useServerAutoSync } from '../features/sinkronisasi/serverRunner';

export const NAV: { id: string; label: MessageKey }[] = [
  { id: 'beranda', label: 'nav.beranda' },
  { id: 'pegawai', label: 'nav.pegawai' },
  { id: 'skp', label: 'nav.skp' },
  { id: 'penilaian', label: 'nav.penilaian' },
  { id: 'cetak', label: 'nav.cetak' },
  { id: 'impor-ekspor', label: 'nav.imporEkspor' },
  { id: 'sinkronisasi', label: 'nav.sinkronisasi' },
  { id: 'pengaturan', label: 'nav.pengaturan' },
];

export function Layout({ section, children }: { section: string; children: ReactNode }) {
  const t = useT();
  const { profile } = useApp();
  useGlobalShortcuts();
  useServerAutoSync();
  return (
    <div className="shell" data-testid="app-ready">
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.png" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </div>
        <div className="office" data-testid="office-name">
          <strong>{profile.office.namaKantor}</strong>
          <span>{profile.office.namaInstansi}</span>
        </div>
        <div className="year" data-testid="active-year">
          {t('app.activeYear', { year: profile.settings.activeYear })}
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.main')}>
        {NAV.map((n) => (
          <a key={n.id} href={href(n.id)} className={section === n.id ? 'active' : ''} aria-current={section === n.id ? 'page' : undefined}>
            {t(n.label)}
          </a>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
