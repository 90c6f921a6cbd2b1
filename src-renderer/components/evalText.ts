import type { DistributionWarning } from '../domain/distribution';
import type { DistributionScope, GroupCheck, HeadCountRule } from '../domain/distributionScope';
import type { CapaianOrganisasi, DistributionRule, Predikat, RulePack } from '../domain/rulepack';
import type { Translate } from '../i18n/i18n';

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

/** One whole-person rule of a small group: "paling banyak 2 Baik". */
export function headCountRuleText(t: Translate, pack: RulePack, rule: HeadCountRule): string {
  switch (rule.kind) {
    case 'atMost':
      return t('dist.hc.atMost', { count: rule.count, predikat: names(pack, rule.predikat) });
    case 'atLeast':
      return t('dist.hc.atLeast', { count: rule.count, predikat: names(pack, rule.predikat) });
    case 'largest':
      return t('dist.hc.largest', { predikat: pack.predikatLabels[rule.predikat] });
    case 'none':
      return t('dist.hc.none', { predikat: names(pack, rule.predikat) });
  }
}

/**
 * What the guideline asks of this group, in words: percentages for a group large enough, whole
 * people for a small one ("untuk 3 pegawai: paling banyak 2 Baik; …"), and why nothing is asked of
 * a group too small to meet it. Empty when there is nothing to judge yet.
 */
export function groupGuidelineText(t: Translate, pack: RulePack, check: GroupCheck): string {
  switch (check.state) {
    case 'empty':
    case 'noCapaian':
      return '';
    case 'infeasible':
      return t('dist.small.infeasible', { n: check.n, capaian: pack.capaianLabels[check.capaian] });
    case 'checked':
      return check.small
        ? t('dist.small.rules', { n: check.n, capaian: pack.capaianLabels[check.capaian], rules: check.rules.map((r) => headCountRuleText(t, pack, r)).join('; ') })
        : `${t('dist.guideline', { capaian: pack.capaianLabels[check.capaian] })} ${pack.distribution[check.capaian].map((r) => distributionRuleText(t, pack, r)).join('; ')}.`;
  }
}

/** Why a group has nothing to judge, or '' when it has. */
export function groupEmptyText(t: Translate, check: GroupCheck): string {
  if (check.state === 'empty') return check.all === 0 ? t('dist.empty.none') : t('dist.empty.unrated', { all: check.all });
  if (check.state === 'noCapaian') return t('dist.capaian.missing');
  return '';
}

/** "Cakupan pedoman: seluruh kantor." — where the office applies the guideline (§7.4). */
export function scopeLineText(t: Translate, scope: DistributionScope): string {
  return t('dist.scope.line', { scope: t(`dist.scope.${scope}`) });
}

/** A guideline group's name: the unit's, or "Seluruh kantor — Kecamatan Curug" for the office group. */
export function groupTitle(t: Translate, unitNama: string, office: boolean): string {
  return office ? `${t('dist.office')} — ${unitNama}` : unitNama;
}
