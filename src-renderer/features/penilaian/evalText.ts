import type { DistributionWarning } from '../../domain/distribution';
import type { CapaianOrganisasi, DistributionRule, Predikat, RulePack } from '../../domain/rulepack';
import type { Translate } from '../../i18n/i18n';

function names(pack: RulePack, ps: readonly Predikat[]): string {
  return ps.map((p) => pack.predikatLabels[p]).join(' atau ');
}

/** "Capaian organisasi BAIK: harus ada pegawai dengan predikat Butuh Perbaikan atau Kurang/Misconduct." */
export function distributionWarningText(t: Translate, pack: RulePack, capaian: CapaianOrganisasi, w: DistributionWarning): string {
  const base = { capaian: pack.capaianLabels[capaian].toUpperCase(), n: w.n };
  switch (w.code) {
    case 'dominantTooMany':
      return t('dist.warn.dominantTooMany', { ...base, predikat: pack.predikatLabels[w.predikat], max: w.max, actual: w.actual });
    case 'dominantNotLargest':
      return t('dist.warn.dominantNotLargest', { ...base, predikat: pack.predikatLabels[w.predikat], larger: pack.predikatLabels[w.larger], actual: w.actual, largerCount: w.largerCount });
    case 'belowMin':
      return t('dist.warn.belowMin', { ...base, predikat: names(pack, w.predikat), min: w.min, actual: w.actual });
    case 'aboveMax':
      return t('dist.warn.aboveMax', { ...base, predikat: names(pack, w.predikat), max: w.max, actual: w.actual });
    case 'missingRequired':
      return t('dist.warn.missingRequired', { ...base, predikat: names(pack, w.predikat) });
  }
}

/** One line of the guideline in words, for the "what the guideline says" list. */
export function distributionRuleText(t: Translate, pack: RulePack, rule: DistributionRule): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  switch (rule.kind) {
    case 'dominant':
      return t('dist.rule.dominant', { predikat: pack.predikatLabels[rule.predikat], share: pct(rule.maxShare) });
    case 'minShare':
      return t('dist.rule.minShare', { predikat: names(pack, rule.predikat), share: pct(rule.share) });
    case 'maxShare':
      return rule.share === 0 ? t('dist.rule.none', { predikat: names(pack, rule.predikat) }) : t('dist.rule.maxShare', { predikat: names(pack, rule.predikat), share: pct(rule.share) });
    case 'atLeastOne':
      return t('dist.rule.atLeastOne', { predikat: names(pack, rule.predikat) });
  }
}
