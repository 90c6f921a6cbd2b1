import { pathLabel, recordLabel, valueText } from '../../components/syncText';
import type { SyncProposal } from '../../db/schema';
import { shapeOf, type SyncDoc } from '../../domain/sync/merge';
import { valueAt } from '../../domain/sync/paths';
import { useT } from '../../i18n/i18n';

/**
 * A write from an installation that may not make it, waiting for the owner: whose record, which
 * field, the value here beside the proposed one — something a person can decide.
 */
export function ProposalItem({ proposal: p, current, onAccept, onReject }: { proposal: SyncProposal; current: SyncDoc | null; onAccept(): void; onReject(): void }) {
  const t = useT();
  const proposed = p.doc as SyncDoc;
  const shape = shapeOf(p.table);
  const whole = !current || p.paths.includes('*');
  return (
    <div className="review-item" data-testid="proposal">
      <h3>{recordLabel(t, p.table, current ?? proposed)}</h3>
      <div>{t('sync.review.proposalFrom', { from: p.from })}</div>
      {whole ? (
        <div className="muted">{t('sync.review.proposalWhole')}</div>
      ) : (
        <ul className="proposal-values">
          {p.paths.map((path) => (
            <li key={path}>
              {pathLabel(t, path)}: {valueText(t, valueAt(current, path, shape), false, path)} → <strong>{valueText(t, valueAt(proposed, path, shape), false, path)}</strong>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onAccept}>{t('sync.review.accept')}</button>
        <button type="button" onClick={onReject}>{t('sync.review.reject')}</button>
      </div>
    </div>
  );
}
