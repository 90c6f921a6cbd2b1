/** Building and zipping a 12,000-row workbook takes over a second: done here, off the main thread. */
import type { ExportRequest, ExportResponse } from './exportClient';
import { exportPegawai, exportRekap } from '../exchange/exporters';
import { skpTemplateSheets } from '../exchange/skpTemplate';
import { lembarSheets } from '../exchange/lembarPenilaian';
import { writeWorkbook } from '../io/sheet';
import { writeStyledWorkbook } from '../io/templateWriter';
import { templateSheets } from '../exchange/templates';
import { workerScope } from './workerSession';

const ctx = workerScope<ExportRequest, ExportResponse>();

ctx.onmessage = async (e) => {
  try {
    const r = e.data;
    // Sheets meant to be filled and imported back get Text formats and dropdowns (ExcelJS);
    // the rekap is a read-only report (SheetJS).
    const bytes =
      r.kind === 'template'
        ? await writeStyledWorkbook(templateSheets(r.template, r.meta, [], r.unitNames, true))
        : r.kind === 'pegawai'
          ? await writeStyledWorkbook(exportPegawai(r.list, r.units, r.all, r.meta))
          : r.kind === 'skp'
            ? await writeStyledWorkbook(skpTemplateSheets(r.template))
            : r.kind === 'lembar'
              ? await writeStyledWorkbook(lembarSheets(r.lembar))
            : writeWorkbook(exportRekap(r.rekap));
    ctx.postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    ctx.postMessage({ ok: false, detail: String((err as Error)?.message ?? err) });
  }
};
