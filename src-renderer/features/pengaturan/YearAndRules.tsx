import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { useGateLoading } from '../../components/LoadGate';
import { CADENCES, periodTitle, type Cadence } from '../../domain/periods';
import { useT } from '../../i18n/i18n';
import { useActivePack, useYearPeriods } from '../../components/usePenilaianData';

/** Cadence of the active year (its periods follow) and a pointer to the rule tables in force. */
export function YearAndRules() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const cadence = useLiveQuery(() => store.years.cadence(year), [store, year]);
  const { periods, loaded } = useYearPeriods();
  useGateLoading(cadence === undefined || !loaded);
  const pack = useActivePack();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card">
      <h2>{t('settings.yearRules', { year })}</h2>
      <div className="form">
        <label className="field">
          <span>{t('settings.cadence')}</span>
          <select
            name="cadence"
            value={cadence ?? ''}
            onChange={(e) => {
              setError(null);
              store.years.setCadence(year, e.target.value as Cadence).catch((err: unknown) => setError(errorMessage(t, err)));
            }}
          >
            {CADENCES.map((c) => (
              <option key={c} value={c}>
                {t(`settings.cadence.${c}`)}
              </option>
            ))}
          </select>
          <span className="field-hint" data-testid="period-list">
            {periods.map(periodTitle).join(', ')}
          </span>
        </label>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <p>
        {t('settings.rulesActive', { nama: pack.nama, version: pack.version })} <a href={href('pengaturan', 'aturan')}>{t('settings.rulesOpen')}</a>
      </p>
    </section>
  );
}
