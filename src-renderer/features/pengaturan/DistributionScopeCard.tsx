import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { Toast } from '../../components/Toast';
import { DISTRIBUTION_SCOPES, type DistributionScope, distributionScopeOf } from '../../domain/distributionScope';
import { useT } from '../../i18n/i18n';

/** Where the distribution guideline applies (§7.4): an office decision, saved on the office record. */
export function DistributionScopeCard() {
  const t = useT();
  const { store, profile } = useApp();
  const [saved, setSaved] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The choice shows at once; the office record catches up when the save is done (or it reverts).
  const [pending, setPending] = useState<DistributionScope | null>(null);
  const stored = distributionScopeOf(profile.office);
  if (pending !== null && pending === stored) setPending(null);
  const scope = pending ?? stored;
  const choose = async (next: DistributionScope) => {
    setError(null);
    setPending(next);
    try {
      await store.settings.setDistributionScope(next);
      setSaved((n) => n + 1);
    } catch (err) {
      setError(errorMessage(t, err));
      setPending(null);
    }
  };
  return (
    <section className="card" data-testid="scope-card">
      <h2>{t('dist.scope.label')}</h2>
      <fieldset className="plain-fieldset" aria-label={t('dist.scope.label')}>
        {DISTRIBUTION_SCOPES.map((s) => (
          <label key={s} className="check">
            <input type="radio" name="cakupanDistribusi" value={s} checked={scope === s} onChange={() => void choose(s)} />
            <span>{t(`dist.scope.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{t('dist.scope.hint')}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {saved ? <Toast key={saved} text={t('dist.scope.saved')} /> : null}
    </section>
  );
}
