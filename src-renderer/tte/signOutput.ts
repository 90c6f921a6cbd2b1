/**
 * Signing what Cetak made (#31): one PDF gets a pengesahan page listing its forms and one signature
 * over the whole file; a zip gets the same for each employee's PDF. The .p12 is opened once for the
 * batch; its key and passphrase live only in this call.
 */
import { unzipSync, zipSync } from 'fflate';
import { READY_SUFFIX, SIGNED_SUFFIX, withSuffix } from '../domain/fileNames';
import type { PaperSize } from '../domain/office';
import { pengesahanDefinition, stampRect, type PengesahanDoc } from '../print/pengesahan';
import { renderPdf } from '../print/render';
import { countPages } from '../print/output';
import { openP12, type OpenedP12, type P12Problem, type SignerIdentity } from './p12';
import { signPdf, validityAt, type SignRefusal } from './sign';
import { withSignatureField } from './pdfSignature';

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

/** `pages`: of the signed output, the pengesahan pages included (Cetak's count says it). */
export type SignOutcome = { ok: true; bytes: Uint8Array; pages: number; signer: SignerIdentity; expired: boolean } | { ok: false; code: P12Problem | SignRefusal };

async function signOne(pdf: Uint8Array, docs: readonly PengesahanDoc[], signer: OpenedP12, req: SignRequest, expired: boolean): Promise<Uint8Array> {
  const page = await renderPdf(pengesahanDefinition({ docs, signer: signer.identity, signedAt: req.signedAt, expired }, req.paper));
  return signPdf(pdf, signer, {
    reason: `Kinerja Luring; kode verifikasi: ${docs.map((d) => d.code).join(', ')}`,
    codes: docs.map((d) => d.code),
    location: req.location,
    signingTime: req.now,
    stamp: { page: Number.MAX_SAFE_INTEGER, rect: stampRect(req.paper) },
  }, page);
}

export async function signOutput(req: SignRequest): Promise<SignOutcome> {
  const opened = await openP12(req.p12, req.passphrase);
  if (!opened.ok) return opened;
  const validity = validityAt(opened.signer, req.now);
  if (validity === 'notYetValid' || (validity === 'expired' && !req.allowExpired)) return { ok: false, code: validity };
  const expired = validity === 'expired';
  let pages = 0;
  const bytes = await eachPdf(req.output, req.docs, SIGNED_SUFFIX, async (pdf, docs) => {
    const signed = await signOne(pdf, docs, opened.signer, req, expired);
    pages += countPages(signed);
    return signed;
  });
  return { ok: true, bytes, pages, signer: opened.signer.identity, expired };
}

/** Each PDF of an output, one per file of a zip, with its documents (a zip's files are in the records' order). */
async function eachPdf(output: SignRequest['output'], docs: readonly PengesahanDoc[], suffix: string, work: (pdf: Uint8Array, docs: readonly PengesahanDoc[]) => Promise<Uint8Array>): Promise<Uint8Array> {
  if (!output.zip) return work(output.bytes, docs);
  const out: Record<string, Uint8Array> = {};
  for (const [i, [name, bytes]] of Object.entries(unzipSync(output.bytes)).entries()) {
    const doc = docs[i];
    out[withSuffix(name, suffix)] = await work(bytes, doc ? [doc] : []);
  }
  return zipSync(out, { level: 0 });
}

/**
 * "PDF siap TTE" (#31 item 4): the forms, the pengesahan page with an empty box, and an empty
 * signature field named TTE on it, for the instansi's online esign service to fill. Nothing is
 * signed here; Verifikasi checks what comes back.
 */
export async function prepareForEsign(req: Pick<SignRequest, 'output' | 'docs' | 'paper' | 'location' | 'now' | 'signedAt'>): Promise<Uint8Array> {
  return eachPdf(req.output, req.docs, READY_SUFFIX, async (pdf, docs) => {
    const page = await renderPdf(pengesahanDefinition({ docs, signer: null, signedAt: req.signedAt, expired: false }, req.paper));
    return withSignatureField(pdf, { reason: '', location: req.location, name: '', signingTime: req.now, stamp: { page: Number.MAX_SAFE_INTEGER, rect: stampRect(req.paper) }, fieldName: 'TTE', emptyField: true, codes: docs.map((d) => d.code) }, page);
  });
}

/** Renders a throw-away pengesahan page: the worker has parsed its fonts and loaded this code before the real one. */
export async function warmSigning(): Promise<void> {
  await renderPdf(pengesahanDefinition({ docs: [{ title: '-', ownerNama: '-', code: 'KL-EVA-000000000000000000-2026TW1-00000000' }], signer: null, signedAt: '-', expired: false }, 'A4'));
}
