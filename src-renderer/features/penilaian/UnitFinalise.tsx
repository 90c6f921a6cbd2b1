import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { validateEvaluation } from '../../domain/evaluation';
import { printedName } from '../../domain/pegawai';
import { useT } from '../../i18n/i18n';
import { evaluationIssueText } from './EvaluationEditor';
import type { GridRowData } from './UnitGridRow';

interface Blocked {
  nama: string;
  why: string;
}

/**
 * "Finalkan unit" (#30 item 2): first a preview of whose evaluation will be locked and who cannot be
 * (why: not rated yet, realisasi missing…), then each ready one finalised in its own transaction with
 * the editor's checks, and what happened.
 */
export function UnitFinalise({ rows, unitNama }: { rows: readonly GridRowData[]; unitNama: string }) {
  const t = useT();
  const { store } = useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ count: number; failed: Blocked[] } | null>(null);
  const drafts = rows.filter((r) => r.evaluation?.status !== 'FINAL');
  // Each draft checked once: no evaluation yet, or the editor's own issues.
  const checked = drafts.map((r) => ({ r, issues: r.evaluation ? validateEvaluation(r.evaluation, r.skp) : null }));
  const ready = checked.filter((c) => c.issues?.length === 0).map((c) => c.r);
  const blocked: Blocked[] = checked
    .filter((c) => c.issues?.length !== 0)
    .map(({ r, issues }) => ({ nama: printedName(r.e), why: issues ? issues.map((i) => evaluationIssueText(t, i)).join(' ') : t('grid.finalise.notStarted') }));
  const run = async () => {
    setBusy(true);
    const failed: Blocked[] = [];
    let count = 0;
    for (const r of ready) {
      try {
        await store.evaluations.transition(r.evaluation!.id, 'FINALKAN');
        count++;
      } catch (err) {
        failed.push({ nama: printedName(r.e), why: errorMessage(t, err) });
      }
    }
    setDone({ count, failed });
    setBusy(false);
    setOpen(false);
  };
  return (
    <div data-testid="grid-finalise">
      <button type="button" disabled={busy || drafts.length === 0} onClick={() => setOpen(!open)}>
        {t('grid.finalise.open', { unit: unitNama })}
      </button>
      {open ? (
        <section className="card" data-testid="grid-finalise-preview">
          <h2>{t('grid.finalise.title', { unit: unitNama })}</h2>
          <p>{t('grid.finalise.ready', { count: ready.length })}</p>
          <ul className="names">
            {ready.map((r) => (
              <li key={r.e.id}>{printedName(r.e)}</li>
            ))}
          </ul>
          {blocked.length > 0 ? (
            <>
              <p className="muted-warn">{t('grid.finalise.blocked', { count: blocked.length })}</p>
              <ul className="names" data-testid="grid-finalise-blocked">
                {blocked.map((b) => (
                  <li key={b.nama}>
                    <strong>{b.nama}</strong>: {b.why}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="primary" disabled={busy || ready.length === 0} onClick={() => void run()}>
            {t('grid.finalise.confirm', { count: ready.length })}
          </button>
        </section>
      ) : null}
      {done ? (
        <Notice kind={done.failed.length ? 'warning' : 'success'}>
          {t('grid.finalise.done', { count: done.count })}
          {done.failed.map((f) => (
            <span key={f.nama}>
              {' '}
              <strong>{f.nama}</strong>: {f.why}
            </span>
          ))}
        </Notice>
      ) : null}
    </div>
  );
}
