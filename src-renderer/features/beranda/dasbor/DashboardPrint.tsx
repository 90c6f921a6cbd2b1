import { useState } from 'react';
import { errorMessage } from '../../../components/errors';
import { useApp } from '../../../components/StoreContext';
import { Notice } from '../../../components/Field';
import { PAPER_SIZES, type PaperSize } from '../../../domain/office';
import { periodTitle } from '../../../domain/periods';
import type { RulePack } from '../../../domain/rulepack';
import { useT } from '../../../i18n/i18n';
import { getPlatform } from '../../../platform/platform';
import { batchFileName } from '../../../print/output';
import { PrintRun } from '../../../jobs/printClient';
import type { ChosenPeriod } from '../../../components/usePenilaianData';
import { dashboardPrintData } from './printData';
import type { DashboardState } from './useDashboard';

/** "Cetak dasbor (PDF)": one landscape page on the office's paper (A4 or F4). */
export function DashboardPrint({ state, pack, chosen }: { state: DashboardState; pack: RulePack; chosen: ChosenPeriod }) {
  const t = useT();
  const { profile } = useApp();
  const [paper, setPaper] = useState<PaperSize>(profile.office.kertas);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async () => {
    if (!chosen.period) return;
    setBusy(true);
    setError(null);
    try {
      const title = periodTitle(chosen.period);
      const { bytes } = await new PrintRun().dashboard(dashboardPrintData(t, state, pack, profile.office, paper, `${title} ${chosen.period.year}`, new Date()));
      await getPlatform().saveFile({ title: t('dash.print.save'), suggestedName: batchFileName(['Dasbor', String(chosen.period.year), chosen.period.label], 'pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }], bytes, mime: 'application/pdf' });
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-field">
      <select aria-label={t('cetak.paper')} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
        {PAPER_SIZES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void print()} disabled={busy}>
        {busy ? t('dash.print.busy') : t('dash.print')}
      </button>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </span>
  );
}
