/** Building and zipping a 12,000-row workbook takes over a second: done here, off the main thread. */
import type { ExportRequest } from './exportClient';
import { exportPegawai, exportRekap, exportSkp } from './exporters';
import { writeWorkbook } from './sheet';
import { dataWorkbook } from '../exchange/templates';

const ctx = self as unknown as { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ExportRequest>) => void) | null };

ctx.onmessage = (e) => {
  try {
    const r = e.data;
    const wb =
      r.kind === 'template'
        ? dataWorkbook(r.template, r.meta, [], r.unitNames, true)
        : r.kind === 'pegawai'
          ? exportPegawai(r.list, r.units, r.all, r.meta)
          : r.kind === 'skp'
            ? exportSkp(r.skps, r.units, r.meta)
            : exportRekap(r.rekap);
    const bytes = writeWorkbook(wb);
    ctx.postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    ctx.postMessage({ ok: false, detail: String((err as Error)?.message ?? err) });
  }
};
