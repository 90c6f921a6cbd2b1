import { periodKey, periodText, periodTextShort, periodTitle } from '../domain/periods';
import { useT } from '../i18n/i18n';
import type { ChosenPeriod } from './usePenilaianData';

/** "Periode: TRIWULAN I (1 Jan–31 Mar 2026)" — the period picker of every screen; the full dates are its tooltip. */
export function PeriodSelect({ state, disabled }: { state: ChosenPeriod; disabled?: boolean }) {
  const t = useT();
  return (
    <label className="inline-field">
      <span>{t('eval.period')}</span>
      <select aria-label={t('eval.period')} value={state.periodId} onChange={(e) => state.choose(e.target.value)} disabled={disabled}>
        {state.periods.map((p) => (
          <option key={periodKey(p)} value={periodKey(p)} title={periodText(p.start, p.end)}>
            {periodTitle(p)} ({periodTextShort(p.start, p.end)})
          </option>
        ))}
      </select>
    </label>
  );
}
