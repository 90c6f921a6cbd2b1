/**
 * From a print job to a pdfmake definition: each document gets its canonical content, its
 * verification code, and a section of its own (own page numbering, footer and DRAF watermark), so
 * one employee or a whole unit becomes one PDF the same way.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { compactPeriod, contentHash, formatCode, verificationNip, type CanonicalContent, type DocKind, type PrintRecord } from '../domain/verification';
import { dekpCanonical, dekpContent } from './dekp';
import { evaluasiCanonical, evaluasiContent } from './evaluasi';
import { DRAFT_WATERMARK, FONT, footerFor, marginsPt, PDF_VERSION, pageSizeOf, sectionPageCounter, STYLES, type DocFrame } from './layout';
import type { PrintJob, PrintOptions } from './model';
import { withFallbackFonts } from './glyphs';
import { rekapCanonical, rekapContent } from './rekap';
import { skpCanonical, skpContent } from './skp';

// What a printed document records lives in domain/ (the print log in db/ stores it).
export type { PrintRecord } from '../domain/verification';

export interface PreparedDoc {
  record: PrintRecord;
  content: Content[];
  /** What the footer names. */
  frame: DocFrame;
}

/** What a job prints about itself, before it has a code. */
export type JobFacts = Omit<PrintRecord, 'code' | 'kind'>;

/** Identity, period and canonical content of a job: what both printing and verifying need. */
export function jobFacts(job: PrintJob): JobFacts {
  switch (job.kind) {
    case 'SKP':
      return {
        docId: job.skp.id,
        periodId: String(job.skp.year),
        nip: job.skp.pegawai.nip,
        ownerNama: job.skp.pegawai.nama,
        title: `SKP ${job.skp.year}`,
        draft: job.skp.status !== 'DISETUJUI',
        content: skpCanonical(job.skp, job.pack),
      };
    case 'EVA':
    case 'DEK': {
      const ev = job.evaluation;
      return {
        docId: ev.id,
        periodId: ev.periodId,
        nip: ev.pegawai.nip,
        ownerNama: ev.pegawai.nama,
        title: `${job.kind === 'EVA' ? 'Evaluasi Kinerja Pegawai' : 'DEKP'} ${ev.periodLabel}${ev.akhir ? '-AKHIR' : ''} ${ev.year}`,
        draft: ev.status !== 'FINAL',
        content: job.kind === 'EVA' ? evaluasiCanonical(ev, job.skp, job.pack, job.capaian) : dekpCanonical(ev, job.pack, job.capaian),
      };
    }
    case 'RKP':
      return {
        docId: job.rekap.unitId,
        periodId: job.rekap.periodId,
        nip: job.rekap.kepala?.nip ?? '',
        ownerNama: job.rekap.kepala?.nama || job.rekap.unitNama,
        title: `Rekap predikat ${job.rekap.unitNama} ${job.rekap.periodTitle}`,
        draft: job.rekap.draft,
        content: rekapCanonical(job.rekap),
      };
  }
}

export async function verificationCodeOf(kind: DocKind, nip: string, periodId: string, canonical: CanonicalContent): Promise<string> {
  return formatCode({ kind, nip: verificationNip(nip), period: compactPeriod(periodId), hash: await contentHash(canonical) });
}

function bodyOf(job: PrintJob, opts: PrintOptions): Content[] {
  switch (job.kind) {
    case 'SKP':
      return skpContent(job.skp, job.pack, opts);
    case 'EVA':
      return evaluasiContent(job.evaluation, job.skp, job.pack, job.capaian, opts);
    case 'DEK':
      return dekpContent(job.evaluation, job.pack, job.capaian, opts);
    case 'RKP':
      return rekapContent(job.rekap, opts);
  }
}

function isPppk(job: PrintJob): boolean {
  switch (job.kind) {
    case 'SKP':
      return job.skp.pegawai.status === 'PPPK';
    case 'EVA':
    case 'DEK':
      return job.evaluation.pegawai.status === 'PPPK';
    case 'RKP':
      return false;
  }
}

export async function prepareDocument(job: PrintJob, opts: PrintOptions): Promise<PreparedDoc> {
  const f = jobFacts(job);
  const code = await verificationCodeOf(job.kind, f.nip, f.periodId, f.content);
  // A unit recap belongs to the unit, not to the head who signs it.
  const owner = job.kind === 'RKP' ? job.rekap.unitNama : f.ownerNama;
  return {
    record: { ...f, code, kind: job.kind },
    content: bodyOf(job, opts).map(withFallbackFonts),
    frame: { kind: job.kind, ownerNama: owner, nip: job.kind === 'RKP' ? '' : f.nip, pppk: isPppk(job), code },
  };
}

/**
 * A copy of a content tree that pdfmake has never seen. pdfmake writes layout state into the nodes
 * it lays out (positions, measured sizes, `_` fields) and replaces an image's data with a key of its
 * own ("$$pdfmake$$1"), so rendering the same objects twice adds pages and breaks images. Layout
 * callbacks are shared, plain data is copied.
 */
export function untouched<T>(content: T): T {
  if (Array.isArray(content)) return content.map(untouched) as T;
  if (!content || typeof content !== 'object') return content;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(content)) out[k] = typeof v === 'function' ? v : untouched(v);
  return out as T;
}

/** One PDF holding the documents in order, each in its own section; every call renders fresh. */
export function documentDefinition(docs: readonly PreparedDoc[], opts: PrintOptions, title: string): TDocumentDefinitions {
  const sections = docs.map((d) => {
    const counter = sectionPageCounter();
    return {
      section: untouched(d.content),
      pageSize: pageSizeOf(opts.paper),
      pageOrientation: opts.orientation,
      pageMargins: marginsPt(opts.margins),
      header: counter.header,
      footer: footerFor(d.frame, opts, counter.position),
      watermark: d.record.draft ? DRAFT_WATERMARK : null,
    };
  });
  return {
    info: { title, creator: 'Kinerja Luring', producer: 'Kinerja Luring' },
    version: PDF_VERSION,
    pageSize: pageSizeOf(opts.paper),
    pageOrientation: opts.orientation,
    pageMargins: marginsPt(opts.margins),
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.1 },
    styles: STYLES,
    content: sections as unknown as Content,
  };
}
