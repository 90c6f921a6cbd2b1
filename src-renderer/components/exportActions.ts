import { useApp } from './StoreContext';
import { CURRENT_VERSION } from '../db/schema';
import { runExport, type ExportRequest } from '../jobs/exportClient';
import { XLSX_MIME } from '../io/sheet';
import type { MetaInfo } from '../exchange/templates';
import { getPlatform } from '../platform/platform';

declare const __APP_VERSION__: string;

export function useExportMeta(): () => MetaInfo {
  const { profile } = useApp();
  return () => ({ kind: 'pegawai', schemaVersion: CURRENT_VERSION, appVersion: __APP_VERSION__, officeId: profile.settings.officeId, exportedAt: new Date().toISOString() });
}

/** Builds the workbook in a worker and hands it to the save dialog (Electron) or a download (browser). */
export async function exportAndSave(req: ExportRequest, fileName: string, title: string): Promise<void> {
  const bytes = await runExport(req);
  await getPlatform().saveFile({ title, suggestedName: fileName, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes, mime: XLSX_MIME });
}

