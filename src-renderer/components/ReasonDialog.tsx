import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

/** Asks why before a step that the audit log must explain (reopen, send back); `body` says where it is recorded. */
export function ReasonDialog({ title, body, onCancel, onConfirm }: { title: string; body: string; onCancel(): void; onConfirm(reason: string): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="reason-title">
        <h2 id="reason-title">{title}</h2>
        <p>{body}</p>
        <label className="field">
          <span>{t('skp.reason.title')}</span>
          <textarea name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </label>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={!reason.trim()} onClick={() => onConfirm(reason.trim())}>
            {title}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The state around a ReasonDialog: `ask(action)` opens it titled for that action; on confirm the
 * action and the reason go to `onConfirm`.
 */
export function useReasonPrompt<A extends string>(titleOf: (action: A) => string, body: string, onConfirm: (action: A, reason: string) => void): { ask(action: A): void; dialog: ReactNode } {
  const [asking, setAsking] = useState<A | null>(null);
  const dialog = asking ? (
    <ReasonDialog
      title={titleOf(asking)}
      body={body}
      onCancel={() => setAsking(null)}
      onConfirm={(reason) => {
        setAsking(null);
        onConfirm(asking, reason);
      }}
    />
  ) : null;
  return { ask: setAsking, dialog };
}
