import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { usePerfMark } from '../../components/perf';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { OfficeSelect, useHeldOffices } from '../../components/OfficeSelect';
import { periodKey } from '../../domain/periods';
import { externalPenilaiOf } from '../../domain/skp';
import { useT } from '../../i18n/i18n';
import { usePegawaiData } from '../../components/usePegawaiData';
import { BackupReminder } from './BackupReminder';
import { Worklist, useWorklist } from './Worklist';
import { pendingWork } from '../../domain/worklist';
import { periodTitle } from '../../domain/periods';
import { Dashboard } from './dasbor/Dashboard';
import { useYearRecords } from './dasbor/useDashboard';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useGateLoading } from '../../components/LoadGate';
import { useChosenPeriod } from '../../components/usePenilaianData';

export function HomeScreen() {
  const t = useT();
  const { profile, store } = useApp();
  const data = usePegawaiData();
  const chosen = useChosenPeriod();
  const year = profile.settings.activeYear;
  const records = useYearRecords();
  const review = useLiveQuery(async () => (await store.sync.openConflicts()).length + (await store.sync.proposals()).length + (await store.sync.duplicates()).length, [store]);
  const backupPrefs = useLiveQuery(() => store.backups.backupSettings(), [store]);
  // Nothing is drawn above the dashboard after it: a reminder that arrived later pushed the charts
  // down just as the admin clicked a bar (e2e/dasbor.spec.ts).
  const ready = data.loaded && backupPrefs !== undefined;
  useGateLoading(!ready);
  // The to-do counts wait for the year's SKPs (a camat appraised from outside the office is not
  // "without atasan"), which the dashboard beneath waits for too: both appear in the same paint.
  const todoReady = records !== undefined;
  usePerfMark('kinerja-interactive', data.loaded);
  // At a BKD the dashboard can show one of the offices whose copies are held here.
  const offices = useHeldOffices('employees', data.employees);
  const [officeId, setOfficeId] = useState('');
  // The dashboard follows a period switch at once; the worklist below it catches up right after.
  const worklistPeriodId = useDeferredValue(chosen.periodId);
  // On the first draw too: the worklist is computed after the dashboard has been painted.
  const worklistRecords = useDeferredValue(records, undefined);
  const worklistPeriod = chosen.periods.find((p) => periodKey(p) === worklistPeriodId) ?? chosen.period;
  const skps = records?.skps;
  // The first card says "nothing to fix" only when the worklist below has nothing either.
  const officeWork = useWorklist(data, worklistPeriod, worklistRecords, '');
  const pending = officeWork ? pendingWork(officeWork) : 0;
  // Counted once per change of the records, not on every render (a period switch re-renders Beranda).
  const { active, activeUnits, todo } = useMemo(() => {
    const external = externalPenilaiOf(skps ?? [], year);
    const active = data.employees.filter((e) => e.aktif);
    const activeUnits = data.units.filter((u) => u.aktif);
    const todo = [
      { count: active.filter((e) => !e.atasanId && !external.has(e.id)).length, text: 'home.todo.noAtasan' as const, to: href('pegawai', 'struktur') },
      { count: activeUnits.filter((u) => !u.headId).length, text: 'home.todo.noHead' as const, to: href('pegawai', 'unit') },
      { count: active.filter((e) => !e.unitId).length, text: 'home.todo.noUnit' as const, to: href('pegawai', 'struktur') },
    ].filter((x) => x.count > 0);
    return { active, activeUnits, todo };
  }, [skps, year, data]);

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.welcome', { nama: profile.settings.adminName })}</p>
      {ready ? (
        <>
          <p data-testid="home-counts">{t('home.counts', { aktif: active.length.toLocaleString('id-ID'), units: activeUnits.length })}</p>
          <BackupReminder hasData={data.employees.length > 0} prefs={backupPrefs} />
          <section className="card" data-testid="home-todo">
            <h2>{t('home.todo')}</h2>
            {data.employees.length === 0 ? (
              <p>
                {t('home.todo.start')} <a href={href('pegawai', 'unit')}>{t('home.open')}</a>
              </p>
            ) : !todoReady || !officeWork ? (
              <p className="loading">{t('app.loading')}</p>
            ) : todo.length === 0 && pending === 0 ? (
              <p className="ok-text">{t('home.todo.empty')}</p>
            ) : (
              <ul className="todo">
                {todo.map((x) => (
                  <li key={x.text}>
                    <span className="muted-warn">{t(x.text, { count: x.count })}</span> <a href={x.to}>{t('home.open')}</a>
                  </li>
                ))}
                {todo.length === 0 ? <li>{t('home.todo.structureOk')}</li> : null}
                {pending > 0 ? (
                  <li data-testid="home-todo-work">
                    <span className="muted-warn">{t('home.todo.work', { count: pending, periode: worklistPeriod ? periodTitle(worklistPeriod) : '' })}</span>
                  </li>
                ) : null}
              </ul>
            )}
          </section>
        </>
      ) : null}
      {ready && data.employees.length > 0 ? (
        <>
          <div className="toolbar" data-testid="home-period">
            <PeriodSelect state={chosen} />
            <OfficeSelect offices={offices} value={officeId} onChange={setOfficeId} />
          </div>
          <Dashboard chosen={chosen} records={records} officeId={officeId} />
          <Worklist data={data} period={worklistPeriod} records={worklistRecords} office={officeWork} />
        </>
      ) : null}
      {/* Last on the page: counting what sync left to review reads every synced record (seconds in a
          large office), and a line that arrives late must not push anything down. */}
      {review ? (
        <p className="notice notice-warning" data-testid="home-review">
          {t('home.todo.conflicts', { count: review })} <a href={href('sinkronisasi')}>{t('home.open')}</a>
        </p>
      ) : null}
    </div>
  );
}
