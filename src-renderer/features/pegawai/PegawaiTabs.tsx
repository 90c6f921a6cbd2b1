import { href } from '../../components/router';
import { useT } from '../../i18n/i18n';

export function PegawaiTabs({ active }: { active: 'list' | 'units' | 'struktur' }) {
  const t = useT();
  const tabs = [
    { id: 'list', label: t('pegawai.tab.list'), to: href('pegawai') },
    { id: 'units', label: t('pegawai.tab.units'), to: href('pegawai', 'unit') },
    { id: 'struktur', label: t('pegawai.tab.struktur'), to: href('pegawai', 'struktur') },
  ] as const;
  return (
    <nav className="tabs" aria-label={t('pegawai.title')}>
      {tabs.map((tab) => (
        <a key={tab.id} href={tab.to} className={tab.id === active ? 'active' : ''} aria-current={tab.id === active ? 'page' : undefined}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
