import { APPRAISER_MARKING } from '../../../domain/appraiserSpread';
import { formatTanggal, fromJsDate } from '../../../domain/dates';
import { yearSummary } from '../../../domain/dashboard';
import { distributionScopeOf, expectedBands } from '../../../domain/distributionScope';
import type { Office, PaperSize } from '../../../domain/office';
import { PREDIKATS, type Predikat, type RulePack } from '../../../domain/rulepack';
import type { Translate } from '../../../i18n/i18n';
import type { DashboardPrintData } from '../../../print/dashboard';
import { distributionWarningText, groupEmptyText, groupGuidelineText, scopeLineText } from '../../../components/evalText';
import type { DashboardState } from './useDashboard';

/** The dashboard's numbers and words for its printed page (print/dashboard.ts draws them). */
export function dashboardPrintData(t: Translate, state: DashboardState, pack: RulePack, office: Office, paper: PaperSize, periodTitle: string, today: Date): DashboardPrintData {
  const { index, dashboard } = state;
  const summary = yearSummary(index);
  const o = dashboard.office;
  const check = o.check;
  return {
    pack,
    paper,
    kantor: office.namaKantor,
    instansi: office.namaInstansi,
    periodTitle,
    printedOn: t('dash.print.printedOn', { date: formatTanggal(fromJsDate(today)) }),
    scopeLine: scopeLineText(t, distributionScopeOf(office)),
    office: {
      nama: o.nama,
      capaian: o.capaian ? pack.capaianLabels[o.capaian] : '',
      n: check.n,
      all: check.all,
      counts: check.counts,
      bands: check.state === 'checked' ? expectedBands(check.rules, check.n) : {},
      guideline: check.state === 'noCapaian' ? groupEmptyText(t, check) : groupGuidelineText(t, pack, check),
      warnings: check.state === 'checked' && o.capaian ? check.warnings.map((w) => distributionWarningText(t, pack, check.capaian, w)) : [],
      ok: check.state === 'checked' && check.warnings.length === 0 ? t('dist.ok') : '',
      empty: check.state === 'empty' ? groupEmptyText(t, check) : '',
    },
    appraisers: dashboard.appraisers,
    appraiserMark: { LONGGAR: t('dash.appraiser.mark.LONGGAR'), KETAT: t('dash.appraiser.mark.KETAT') },
    appraiserHint: t('dash.appraiser.hint', { min: APPRAISER_MARKING.minRatees }),
    short: Object.fromEntries(PREDIKATS.map((p) => [p, t(`dash.short.${p}`)])) as Record<Predikat, string>,
    skp: summary.skpProgress.map((r) => ({ ...r, nama: r.nama || t('dash.noUnit') })),
    skpLabels: { BELUM: t('dash.skp.BELUM'), DRAF: t('dash.skp.DRAF'), DIAJUKAN: t('dash.skp.DIAJUKAN'), DISETUJUI: t('dash.skp.DISETUJUI') },
    evaluations: summary.evaluationProgress,
    trend: summary.trend,
    labels: {
      title: t('dash.print.title', { period: periodTitle }),
      capaian: t('eval.capaian'),
      office: t('dist.office'),
      appraiser: t('dash.appraiser'),
      skp: t('dash.skp'),
      eval: t('dash.eval'),
      trend: t('dash.trend'),
      unit: t('dash.unit'),
      total: t('dist.total'),
      belum: t('dash.eval.belum'),
      draf: t('dash.eval.draf'),
      final: t('dash.eval.final'),
      others: t('dash.others'),
      appraiserName: t('dash.appraiser.name'),
      rated: t('dash.appraiser.n'),
      mean: t('dash.appraiser.mean'),
      period: t('eval.period'),
    },
  };
}
