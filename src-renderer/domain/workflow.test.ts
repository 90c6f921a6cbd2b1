import { describe, expect, it } from 'vitest';
import {
  evaluationTransition, isEvaluationLocked, isSkpLocked, skpTransition,
  type EvaluationAction, type EvaluationStatus, type SkpAction, type SkpStatus,
} from './workflow';

describe('SKP status transitions', () => {
  const all: SkpAction[] = ['AJUKAN', 'KEMBALIKAN', 'SETUJUI', 'BUKA_KEMBALI'];
  const allowed: Record<SkpStatus, Partial<Record<SkpAction, SkpStatus>>> = {
    DRAF: { AJUKAN: 'DIAJUKAN' },
    DIAJUKAN: { KEMBALIKAN: 'DRAF', SETUJUI: 'DISETUJUI' },
    DISETUJUI: { BUKA_KEMBALI: 'DRAF' },
  };

  for (const from of Object.keys(allowed) as SkpStatus[]) {
    for (const action of all) {
      const to = allowed[from][action];
      it(`${from} --${action}--> ${to ?? 'refused'}`, () => {
        expect(skpTransition(from, action, 'alasan')).toEqual(to ? { ok: true, to } : { ok: false, code: 'notAllowed' });
      });
    }
  }

  it('reopening an approved SKP and sending one back need a reason', () => {
    expect(skpTransition('DISETUJUI', 'BUKA_KEMBALI')).toEqual({ ok: false, code: 'reasonRequired' });
    expect(skpTransition('DISETUJUI', 'BUKA_KEMBALI', '   ')).toEqual({ ok: false, code: 'reasonRequired' });
    expect(skpTransition('DIAJUKAN', 'KEMBALIKAN')).toEqual({ ok: false, code: 'reasonRequired' });
    expect(skpTransition('DRAF', 'AJUKAN')).toEqual({ ok: true, to: 'DIAJUKAN' });
  });

  it('only an approved SKP is locked', () => {
    expect(isSkpLocked('DISETUJUI')).toBe(true);
    expect(isSkpLocked('DIAJUKAN')).toBe(false);
    expect(isSkpLocked('DRAF')).toBe(false);
  });
});

describe('evaluation status transitions', () => {
  it.each<[EvaluationStatus, EvaluationAction, string | undefined, ReturnType<typeof evaluationTransition>]>([
    ['DRAF', 'FINALKAN', undefined, { ok: true, to: 'FINAL' }],
    ['DRAF', 'BUKA_KEMBALI', 'x', { ok: false, code: 'notAllowed' }],
    ['FINAL', 'FINALKAN', undefined, { ok: false, code: 'notAllowed' }],
    ['FINAL', 'BUKA_KEMBALI', undefined, { ok: false, code: 'reasonRequired' }],
    ['FINAL', 'BUKA_KEMBALI', 'Salah ketik realisasi', { ok: true, to: 'DRAF' }],
  ])('%s --%s (reason %j)--> %o', (from, action, reason, expected) => {
    expect(evaluationTransition(from, action, reason)).toEqual(expected);
  });

  it('a final evaluation is locked', () => {
    expect(isEvaluationLocked('FINAL')).toBe(true);
    expect(isEvaluationLocked('DRAF')).toBe(false);
  });
});
