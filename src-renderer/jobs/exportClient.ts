import type { Evaluation, UnitResult } from '../domain/evaluation';
import type { Employee } from '../domain/pegawai';
import type { RulePack } from '../domain/rulepack';
import type { Unit } from '../domain/unit';
import type { MetaInfo, TemplateKind } from '../exchange/templates';
import type { SkpTemplateInput } from '../exchange/skpTemplate';
import type { LembarInput } from '../exchange/lembarPenilaian';

export type ExportRequest =
  | { kind: 'template'; template: TemplateKind; meta: MetaInfo; unitNames: string[] }
  | { kind: 'pegawai'; list: Employee[]; units: Unit[]; all: Employee[]; meta: MetaInfo }
  | { kind: 'skp'; template: SkpTemplateInput }
  | { kind: 'lembar'; lembar: LembarInput }
  | { kind: 'rekap'; rekap: { periode: string; evaluations: Evaluation[]; units: Unit[]; results: UnitResult[]; pack: RulePack; instansi: string } };

/** The export worker's answer: the xlsx bytes, or why it failed. */
export type ExportResponse = { ok: true; bytes: Uint8Array } | { ok: false; detail: string };

/** Runs one export in a fresh worker and returns the xlsx bytes. */
export function runExport(req: ExportRequest): Promise<Uint8Array> {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ExportResponse>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.bytes);
      else reject(new Error(e.data.detail));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage(req);
  });
}
