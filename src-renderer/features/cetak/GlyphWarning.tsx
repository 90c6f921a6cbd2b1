import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { jobFacts } from '../../print/documents';
import { codePointLabel, unprintableChars } from '../../print/glyphs';
import type { PrintJob } from '../../print/model';

/** Characters no bundled font has, and whose documents they are in, at most this many named. */
const MAX_LISTED = 8;

/** Before printing: which characters would come out as empty boxes, never silently. */
export function GlyphWarning({ jobs }: { jobs: readonly PrintJob[] }) {
  const t = useT();
  const found = useMemo(() => {
    const out: { ch: string; owner: string }[] = [];
    for (const job of jobs) {
      const f = jobFacts(job);
      const text = [f.ownerNama, ...f.content.map(([, v]) => v)].join('\n');
      for (const ch of unprintableChars(text)) if (!out.some((o) => o.ch === ch)) out.push({ ch, owner: f.ownerNama });
    }
    return out;
  }, [jobs]);
  if (found.length === 0) return null;
  const list = found
    .slice(0, MAX_LISTED)
    .map((o) => t('cetak.glyphs.item', { ch: o.ch, code: codePointLabel(o.ch), owner: o.owner }))
    .join('; ');
  return (
    <div className="notice notice-warning" data-testid="cetak-glyphs" role="status">
      {t('cetak.glyphs', { list, more: found.length > MAX_LISTED ? t('cetak.glyphs.more', { n: found.length - MAX_LISTED }) : '' })}
    </div>
  );
}
