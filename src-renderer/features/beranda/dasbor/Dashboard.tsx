import { scopeLineText } from '../../../components/evalText';
import { useEffect, useMemo, useState } from 'react';
import { usePerfMark } from '../../../components/perf';
import { useApp } from '../../../components/StoreContext';
import { distributionScopeOf } from '../../../domain/distributionScope';
import { useT } from '../../../i18n/i18n';
import type { ChosenPeriod } from '../../../components/usePenilaianData';
import { useActivePack } from '../../../components/usePenilaianData';
import { AppraiserPanel } from './AppraiserPanel';
import type { Selection } from './ChartCard';
import { DashboardPrint } from './DashboardPrint';
import { DistributionPanel } from './DistributionPanel';
import { EmployeeListPanel } from './EmployeeListPanel';
import { EvaluationProgressPanel, SkpProgressPanel } from './ProgressPanels';
import { TrendPanel } from './TrendPanel';
import { yearSummary } from '../../../domain/dashboard';
import { useDashboard, type YearRecords } from './useDashboard';

/**
 * Beranda's dashboard (issue #17): where the year stands for the chosen period. Every chart has its
 * numbers beneath it, and every bar or count opens the list of those employees.
 */
/** False until the frame after `ready` first became true has been painted. */
function useAfterFirstPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}

export function Dashboard({ chosen, records, officeId }: { chosen: ChosenPeriod; records: YearRecords | undefined; officeId: string }) {
  const t = useT();
  const { profile } = useApp();
  const pack = useActivePack();
  const state = useDashboard(chosen, records, officeId);
  usePerfMark('dashboard-interactive', state !== null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const scope = distributionScopeOf(profile.office);
  // The year's panels do not change with the period, so a period switch does not redraw them; and
  // they are summed and drawn just after the chosen period's panels are on screen.
  const index = state?.index;
  const late = useAfterFirstPaint(index !== undefined);
  const yearPanels = useMemo(() => {
    if (!index || !late) return null;
    const summary = yearSummary(index);
    return (
      <>
        <SkpProgressPanel rows={summary.skpProgress} onSelect={setSelection} />
        <EvaluationProgressPanel rows={summary.evaluationProgress} />
        <TrendPanel rows={summary.trend} pack={pack} />
      </>
    );
  }, [index, pack, late]);
  usePerfMark('dashboard-complete', yearPanels !== null);
  if (!state || !index) return <p className="loading">{t('app.loading')}</p>;
  const { dashboard } = state;
  const select = setSelection;
  return (
    <section className="dashboard" data-testid="dashboard" data-period={dashboard.periodId}>
      <div className="page-head">
        <h2>{t('dash.title')}</h2>
        <span className="spacer" />
        <span className="muted">{scopeLineText(t, scope)}</span>
        <DashboardPrint state={state} pack={pack} chosen={chosen} />
      </div>
      {selection ? <EmployeeListPanel key={selection.title} selection={selection} employees={index.employeeById} units={index.input.units} onClose={() => setSelection(null)} /> : null}
      <div className="dash-grid">
        <DistributionPanel view={dashboard.office} pack={pack} title={t('dash.office', { unit: dashboard.office.nama || t('dist.office') })} testId="dash-office" onSelect={select} />
        <AppraiserPanel rows={dashboard.appraisers} pack={pack} withoutPenilai={dashboard.withoutPenilai} onSelect={select} />
        {yearPanels}
      </div>
      {scope !== 'KANTOR' ? (
        <div className="dash-grid" data-testid="dash-groups">
          {dashboard.groups.map((g) => (
            <DistributionPanel key={g.key} view={g} pack={pack} title={g.nama} testId="dash-group" onSelect={select} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
