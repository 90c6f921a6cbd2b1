import type { SkpIssue } from '../../domain/skp';
import type { Translate } from '../../i18n/i18n';

/** The Indonesian sentence for an SKP issue, naming the RHK and indicator it concerns. */
export function skpIssueText(t: Translate, issue: SkpIssue, year: number): string {
  const where = issue.group && issue.rhkNo ? t(`skp.where.${issue.group}`, { no: issue.rhkNo }) : '';
  return t(`skp.issue.${issue.code}`, { where, ind: issue.indikatorNo ?? '', year });
}
