import { SinkronisasiScreen } from '../features/sinkronisasi/SinkronisasiScreen';
import { useLiveQuery } from 'dexie-react-hooks';
import { LoadGate } from '../components/LoadGate';
import type { ReactNode } from 'react';
import type { DataStore } from '../db/store';
import { HomeScreen } from '../features/beranda/HomeScreen';
import { CetakScreen } from '../features/cetak/CetakScreen';
import { ArchiveScreen } from '../features/arsip/ArchiveScreen';
import { VerifikasiScreen } from '../features/cetak/VerifikasiScreen';
import { ImporEksporScreen } from '../features/impor-ekspor/ImporEksporScreen';
import { PegawaiFormScreen } from '../features/pegawai/PegawaiForm';
import { PegawaiList } from '../features/pegawai/PegawaiList';
import { StrukturScreen } from '../features/pegawai/StrukturScreen';
import { UnitsScreen } from '../features/pegawai/UnitsScreen';
import { DistribusiScreen } from '../features/penilaian/DistribusiScreen';
import { EvaluationEditorScreen } from '../features/penilaian/EvaluationEditor';
import { PenilaianList } from '../features/penilaian/PenilaianList';
import { UnitGridScreen } from '../features/penilaian/UnitGridScreen';
import { RulePackScreen } from '../features/pengaturan/RulePackScreen';
import { SettingsScreen } from '../features/pengaturan/SettingsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { MatriksScreen } from '../features/skp/MatriksScreen';
import { SkpEditorScreen } from '../features/skp/SkpEditor';
import { SkpList } from '../features/skp/SkpList';
import { DOC_KINDS, type DocKind } from '../domain/verification';
import { I18nProvider, useLang, useT } from '../i18n/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { useRoute } from '../components/router';
import { AppContextProvider } from '../components/StoreContext';

export function App({ store }: { store: DataStore }) {
  const profile = useLiveQuery(() => store.settings.getProfile(), [store]);
  const lang = profile?.settings.language ?? 'id';
  return (
    <I18nProvider lang={lang}>
      <ErrorBoundary lang={lang}>
        {profile === undefined ? (
          <Loading />
        ) : profile === null ? (
          <SetupScreen store={store} />
        ) : (
          <AppContextProvider value={{ store, profile }}>
            <Routes />
          </AppContextProvider>
        )}
      </ErrorBoundary>
    </I18nProvider>
  );
}

function Loading() {
  const t = useT();
  return <p className="loading">{t('app.loading')}</p>;
}

function Routes() {
  const [section = 'beranda', sub, ...rest] = useRoute();
  return (
    <Layout section={section}>
      <ErrorBoundaryForPage key={[section, sub, ...rest].join('/')}>
        {/* Each screen is shown once the reads its parts report have answered (components/LoadGate). */}
        <LoadGate>{page(section, sub, rest)}</LoadGate>
      </ErrorBoundaryForPage>
    </Layout>
  );
}

/** A failing screen shows its error inside the shell; navigation keeps working. */
function ErrorBoundaryForPage({ children }: { children: ReactNode }) {
  return <ErrorBoundary lang={useLang()}>{children}</ErrorBoundary>;
}

const isDocKind = (s: string): s is DocKind => (DOC_KINDS as readonly string[]).includes(s);

function page(section: string, sub: string | undefined, rest: string[]) {
  switch (section) {
    case 'pegawai':
      if (sub === 'unit') return <UnitsScreen />;
      if (sub === 'struktur') return <StrukturScreen />;
      if (sub === 'baru') return <PegawaiFormScreen id={null} />;
      if (sub) return <PegawaiFormScreen id={sub} />;
      return <PegawaiList />;
    case 'skp':
      if (sub && rest[0] === 'matriks') return <MatriksScreen id={sub} />;
      if (sub) return <SkpEditorScreen id={sub} />;
      return <SkpList />;
    case 'penilaian':
      if (sub === 'distribusi') return <DistribusiScreen />;
      if (sub === 'unit') return <UnitGridScreen />;
      if (sub) return <EvaluationEditorScreen id={sub} />;
      return <PenilaianList />;
    case 'cetak':
      if (sub === 'verifikasi') return <VerifikasiScreen initial={rest[0]} />;
      if (sub && rest[0] && isDocKind(sub)) return <CetakScreen single={{ kind: sub, id: rest[0] }} />;
      return <CetakScreen />;
    case 'impor-ekspor':
      return <ImporEksporScreen />;
    case 'sinkronisasi':
      return <SinkronisasiScreen />;
    case 'arsip':
      return (
        <ArchiveScreen>
          <CetakScreen archived />
        </ArchiveScreen>
      );
    case 'pengaturan':
      if (sub === 'aturan') return <RulePackScreen />;
      return <SettingsScreen />;
    default:
      return <HomeScreen />;
  }
}
