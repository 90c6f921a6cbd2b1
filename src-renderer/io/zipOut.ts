/**
 * A zip written entry by entry with fflate, its compressed output collected as it comes (issue
 * #33): package files (io/xlsxStream.ts) and backups (exchange/backupFile.ts) never hold their content
 * uncompressed. `bytes()` ends the zip and joins what was written.
 */
import { Zip } from 'fflate';

export function zipCollector(): { zip: Zip; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  return {
    zip,
    bytes() {
      zip.end();
      if (failure) throw failure;
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      chunks.length = 0;
      return out;
    },
  };
}
