/**
 * Document status transitions (issue #5): an SKP goes Draf → Diajukan → Disetujui; an
 * evaluation Draf → Final. Approved or final documents are locked; changing them again needs
 * "Buka kembali" with a reason, which the audit log keeps.
 */
export type SkpStatus = 'DRAF' | 'DIAJUKAN' | 'DISETUJUI';
export type SkpAction = 'AJUKAN' | 'KEMBALIKAN' | 'SETUJUI' | 'BUKA_KEMBALI';
export type EvaluationStatus = 'DRAF' | 'FINAL';
export type EvaluationAction = 'FINALKAN' | 'BUKA_KEMBALI';

export type TransitionResult<S> = { ok: true; to: S } | { ok: false; code: 'notAllowed' | 'reasonRequired' };

const SKP: Record<SkpStatus, Partial<Record<SkpAction, SkpStatus>>> = {
  DRAF: { AJUKAN: 'DIAJUKAN' },
  DIAJUKAN: { KEMBALIKAN: 'DRAF', SETUJUI: 'DISETUJUI' },
  DISETUJUI: { BUKA_KEMBALI: 'DRAF' },
};

const EVALUATION: Record<EvaluationStatus, Partial<Record<EvaluationAction, EvaluationStatus>>> = {
  DRAF: { FINALKAN: 'FINAL' },
  FINAL: { BUKA_KEMBALI: 'DRAF' },
};

function transition<S extends string, A extends string>(
  table: Record<S, Partial<Record<A, S>>>,
  from: S,
  action: A,
  reason: string | undefined,
  reasonFor: readonly A[],
): TransitionResult<S> {
  const to = table[from][action];
  if (!to) return { ok: false, code: 'notAllowed' };
  if (reasonFor.includes(action) && !reason?.trim()) return { ok: false, code: 'reasonRequired' };
  return { ok: true, to };
}

export function skpTransition(from: SkpStatus, action: SkpAction, reason?: string): TransitionResult<SkpStatus> {
  return transition(SKP, from, action, reason, ['BUKA_KEMBALI', 'KEMBALIKAN']);
}

export function evaluationTransition(from: EvaluationStatus, action: EvaluationAction, reason?: string): TransitionResult<EvaluationStatus> {
  return transition(EVALUATION, from, action, reason, ['BUKA_KEMBALI']);
}

/** Locked documents refuse edits until reopened. */
export function isSkpLocked(status: SkpStatus): boolean {
  return status === 'DISETUJUI';
}

export function isEvaluationLocked(status: EvaluationStatus): boolean {
  return status === 'FINAL';
}
