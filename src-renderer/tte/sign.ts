/**
 * Signing a made form with an opened .p12 (#31): the field and stamp, then @signpdf/signpdf fills
 * the byte ranges with our CMS (cms.ts). A batch opens the .p12 once and signs every form with it.
 */
import { NodeBuffer } from './bufferShim';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { signDetached } from './cms';
import type { OpenedP12 } from './p12';
import { withSignatureField, type Stamp } from './pdfSignature';

class CmsSigner extends Signer {
  constructor(private readonly signer: OpenedP12) {
    super();
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const cms = await signDetached(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), this.signer.key, this.signer.certificate, this.signer.chain);
    return NodeBuffer.from(cms) as unknown as Buffer;
  }
}

export type SignRefusal = 'expired' | 'notYetValid';

/** Whether the certificate is valid at `at`; an expired one signs only when the person chose to (the stamp then says so). */
export function validityAt(signer: OpenedP12, at: Date): 'valid' | SignRefusal {
  if (at < signer.identity.notBefore) return 'notYetValid';
  if (at > signer.identity.notAfter) return 'expired';
  return 'valid';
}

export interface SignOptions {
  reason: string;
  codes: readonly string[];
  location: string;
  signingTime: Date;
  stamp: Stamp;
}

/** `append`: pages added after the document before it is signed (the pengesahan page). */
export async function signPdf(pdf: Uint8Array, signer: OpenedP12, opts: SignOptions, append?: Uint8Array): Promise<Uint8Array> {
  const prepared = await withSignatureField(pdf, { ...opts, name: signer.identity.name, fieldName: 'TTE' }, append);
  const signed = await new SignPdf().sign(NodeBuffer.from(prepared) as unknown as Buffer, new CmsSigner(signer));
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
