import { periodKey, periodText, periodTitle } from '../../domain/periods';
import { useT } from '../../i18n/i18n';
import type { ChosenPeriod } from './usePenilaianData';

/** "Periode: TRIWULAN I (1 Januari s.d. 31 Maret 2026)" — the period picker of the Penilaian screens. */
export function PeriodSelect({ state }: { state: ChosenPeriod }) {
  const t = useT();
  return (
    <label className="inline-field">
      <span>{t('eval.period')}</span>
      <select aria-label={t('eval.period')} value={state.periodId} onChange={(e) => state.choose(e.target.value)}>
        {state.periods.map((p) => (
          <option key={periodKey(p)} value={periodKey(p)}>
            {periodTitle(p)} ({periodText(p.start, p.end)})
          </option>
        ))}
      </select>
    </label>
  );
}
