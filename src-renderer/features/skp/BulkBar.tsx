import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import type { Skp } from '../../domain/skp';
import { useT } from '../../i18n/i18n';
import { bulkTransition, type BulkOutcome } from './bulk';

type BulkAction = 'AJUKAN' | 'SETUJUI';

/**
 * Above the SKP list while SKPs are ticked: Ajukan or Setujui them all, then what happened, with
 * each SKP that could not move named beside its reason.
 */
export function BulkBar({ chosen, nameOf }: { chosen: readonly Skp[]; nameOf(skp: Skp): string }) {
  const t = useT();
  const { store } = useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ action: BulkAction; outcomes: BulkOutcome[]; names: Map<string, string> } | null>(null);
  const run = async (action: BulkAction) => {
    setBusy(true);
    // Ajukan moves the drafts, Setujui the submitted ones; the others ticked are left as they are.
    const targets = chosen.filter((s) => s.status === (action === 'AJUKAN' ? 'DRAF' : 'DIAJUKAN'));
    const names = new Map(targets.map((s) => [s.id, nameOf(s)]));
    const outcomes = await bulkTransition(
      store,
      targets.map((s) => s.id),
      action,
      (err) => errorMessage(t, err),
    );
    setResult({ action, outcomes, names });
    setBusy(false);
  };
  const drafts = chosen.filter((s) => s.status === 'DRAF').length;
  const submitted = chosen.filter((s) => s.status === 'DIAJUKAN').length;
  const failed = result?.outcomes.filter((o) => o.error) ?? [];
  return (
    <div data-testid="skp-bulk">
      {chosen.length > 0 ? (
        <div className="toolbar bulk-bar">
          <strong>{t('skp.bulk.chosen', { count: chosen.length })}</strong>
          <button type="button" disabled={busy || drafts === 0} onClick={() => void run('AJUKAN')}>
            {t('skp.bulk.AJUKAN', { count: drafts })}
          </button>
          <button type="button" className="primary" disabled={busy || submitted === 0} onClick={() => void run('SETUJUI')}>
            {t('skp.bulk.SETUJUI', { count: submitted })}
          </button>
        </div>
      ) : null}
      {result ? (
        <Notice kind={failed.length ? 'warning' : 'success'}>
          {t(`skp.bulk.done.${result.action}`, { count: result.outcomes.length - failed.length })}
          {failed.length ? (
            <ul className="names" data-testid="skp-bulk-failed">
              {failed.map((o) => (
                <li key={o.skpId}>
                  <strong>{result.names.get(o.skpId)}</strong>: {o.error}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
