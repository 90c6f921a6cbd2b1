import { getPlatform } from '../../platform/platform';

/** What Cetak made, or a signed or "siap TTE" copy of it: one PDF, or a zip of one PDF per employee. */
export interface MadeOutput {
  bytes: Uint8Array;
  zip: boolean;
  fileName: string;
}

/** Asks where to save a made output, with the filter and type its kind needs. */
export async function saveOutput(title: string, out: MadeOutput): Promise<void> {
  const filters = out.zip ? [{ name: 'ZIP', extensions: ['zip'] }] : [{ name: 'PDF', extensions: ['pdf'] }];
  await getPlatform().saveFile({ title, suggestedName: out.fileName, filters, bytes: out.bytes, mime: out.zip ? 'application/zip' : 'application/pdf' });
}
