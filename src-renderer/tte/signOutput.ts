/**
 * Signing what Cetak made (#31): one PDF gets a pengesahan page listing its forms and one signature
 * over the whole file; a zip gets the same for each employee's PDF. The .p12 is opened once for the
 * batch; its key and passphrase live only in this call.
 */
import { unzipSync, zipSync } from 'fflate';
import type { PaperSize } from '../domain/office';
import { joinPdfs } from '../print/join';
import { pengesahanDefinition, stampRect, type PengesahanDoc } from '../print/pengesahan';
import { renderPdf } from '../print/render';
import { openP12, type OpenedP12, type P12Problem, type SignerIdentity } from './p12';
import { signPdf, validityAt, type SignRefusal } from './sign';

export interface SignRequest {
  p12: Uint8Array;
  passphrase: string;
  allowExpired: boolean;
  output: { bytes: Uint8Array; zip: boolean };
  /** The printed documents in the output's order (one per file of a zip). */
  docs: PengesahanDoc[];
  paper: PaperSize;
  location: string;
  now: Date;
  /** `now` in words for the stamp. */
  signedAt: string;
}

export type SignOutcome = { ok: true; bytes: Uint8Array; signer: SignerIdentity; expired: boolean } | { ok: false; code: P12Problem | SignRefusal };

async function signOne(pdf: Uint8Array, docs: readonly PengesahanDoc[], signer: OpenedP12, req: SignRequest, expired: boolean): Promise<Uint8Array> {
  const page = await renderPdf(pengesahanDefinition({ docs, signer: signer.identity, signedAt: req.signedAt, expired }, req.paper));
  const joined = await joinPdfs([pdf, page], docs.length === 1 ? docs[0]!.title : 'Kinerja Luring');
  return signPdf(joined, signer, {
    reason: `Kinerja Luring; kode verifikasi: ${docs.map((d) => d.code).join(', ')}`,
    location: req.location,
    signingTime: req.now,
    stamp: { page: Number.MAX_SAFE_INTEGER, rect: stampRect(req.paper), lines: [] },
  });
}

export async function signOutput(req: SignRequest): Promise<SignOutcome> {
  const opened = await openP12(req.p12, req.passphrase);
  if (!opened.ok) return opened;
  const validity = validityAt(opened.signer, req.now);
  if (validity === 'notYetValid' || (validity === 'expired' && !req.allowExpired)) return { ok: false, code: validity };
  const expired = validity === 'expired';
  if (!req.output.zip) {
    return { ok: true, bytes: await signOne(req.output.bytes, req.docs, opened.signer, req, expired), signer: opened.signer.identity, expired };
  }
  const files = Object.entries(unzipSync(req.output.bytes));
  const signed: Record<string, Uint8Array> = {};
  for (const [i, [name, bytes]] of files.entries()) {
    const doc = req.docs[i];
    signed[name.replace(/\.pdf$/i, '-TTE.pdf')] = await signOne(bytes, doc ? [doc] : [], opened.signer, req, expired);
  }
  return { ok: true, bytes: zipSync(signed, { level: 0 }), signer: opened.signer.identity, expired };
}
