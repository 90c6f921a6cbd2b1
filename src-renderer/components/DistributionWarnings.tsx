import type { DistributionWarning } from '../domain/distribution';
import type { CapaianOrganisasi, RulePack } from '../domain/rulepack';
import { useT } from '../i18n/i18n';
import { distributionWarningText } from './evalText';

/** The guideline's warnings for one unit, each a sentence, and what they mean (`note`); nothing when there are none. */
export function DistributionWarnings({ pack, capaian, warnings, note, testId }: { pack: RulePack; capaian: CapaianOrganisasi | ''; warnings: readonly DistributionWarning[]; note?: string; testId?: string }) {
  const t = useT();
  if (warnings.length === 0 || !capaian) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid={testId}>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{distributionWarningText(t, pack, capaian, w)}</li>
        ))}
      </ul>
      {note ? <p>{note}</p> : null}
    </div>
  );
}
