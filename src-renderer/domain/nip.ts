import { isValidDate, type CalendarDate } from './dates';

/**
 * NIP (PNS) and NI PPPK rules from docs/aturan-kinerja.md §10.3. Only the rules the reference marks
 * [hard] are errors; everything else is a warning the admin may accept.
 *
 *   19860926 201505 1 001
 *   birth    TMT    sex seq       (PPPK: the two "month" digits hold a code 13..99, e.g. 21, 24)
 */
export const NIP_ISSUE_CODES = [
  'empty', 'notDigits', 'length', 'birthDateInvalid', 'birthYearRange', 'tmtTooEarly', 'tmtInFuture',
  'codeZero', 'sexDigit', 'sequenceZero', 'pnsWithPppkCode', 'pppkWithMonth', 'sexMismatch', 'birthMismatch',
] as const;
export type NipIssueCode = (typeof NIP_ISSUE_CODES)[number];

export type Severity = 'error' | 'warning';

export interface NipIssue {
  code: NipIssueCode;
  severity: Severity;
  params?: Record<string, string | number>;
}

export type NipKind = 'PNS' | 'PPPK';
export type Sex = 'L' | 'P';

export interface NipFacts {
  birthDate: CalendarDate;
  tmtYear: number;
  /** Month of TMT CPNS for a PNS number; null for an NI PPPK. */
  tmtMonth: number | null;
  pppkCode: number | null;
  kind: NipKind;
  sex: Sex;
  sequence: number;
}

export interface NipAnalysis {
  /** 18 digits, or null when the input cannot be a NIP at all. */
  normalized: string | null;
  facts: NipFacts | null;
  issues: NipIssue[];
}

export interface NipContext {
  today: CalendarDate;
  /** What the employee record says; drives the PNS/PPPK cross-check. */
  expectedKind?: NipKind;
  /** Cross-checks against fields the admin typed. */
  sex?: Sex | '';
  birthDate?: CalendarDate | null;
}

export const MIN_BIRTH_YEAR = 1940;
export const MIN_APPOINTMENT_AGE = 17;

/** Strip the separators offices type: spaces, dots, dashes and Excel's leading apostrophe. */
export function normalizeNip(raw: string): string {
  return raw
    .trim()
    .replace(/^['‘’`]+/, '')
    .replace(/[\s.\-\u00a0]/g, '');
}

/** "19800101 200501 1 001" — the 8-6-1-3 grouping printed on forms. */
export function formatNip(nip: string): string {
  const n = normalizeNip(nip);
  if (!/^\d{18}$/.test(n)) return nip.trim();
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

export function analyzeNip(raw: string, ctx: NipContext): NipAnalysis {
  const issues: NipIssue[] = [];
  const n = normalizeNip(raw);
  if (n === '') return { normalized: null, facts: null, issues: [{ code: 'empty', severity: 'error' }] };
  if (!/^\d+$/.test(n)) return { normalized: null, facts: null, issues: [{ code: 'notDigits', severity: 'error' }] };
  if (n.length !== 18) {
    return { normalized: null, facts: null, issues: [{ code: 'length', severity: 'error', params: { count: n.length } }] };
  }

  const birthDate = { year: Number(n.slice(0, 4)), month: Number(n.slice(4, 6)), day: Number(n.slice(6, 8)) };
  const tmtYear = Number(n.slice(8, 12));
  const code2 = Number(n.slice(12, 14));
  const sexDigit = n.charAt(14);
  const sequence = Number(n.slice(15, 18));

  if (!isValidDate(birthDate)) {
    issues.push({ code: 'birthDateInvalid', severity: 'error', params: { digits: n.slice(0, 8) } });
  } else if (birthDate.year < MIN_BIRTH_YEAR || birthDate.year > ctx.today.year - MIN_APPOINTMENT_AGE) {
    issues.push({ code: 'birthYearRange', severity: 'warning', params: { year: birthDate.year } });
  }
  if (sexDigit !== '1' && sexDigit !== '2') {
    issues.push({ code: 'sexDigit', severity: 'error', params: { digit: sexDigit } });
  }

  const kind: NipKind = code2 >= 13 ? 'PPPK' : 'PNS';
  const tmtMonth = kind === 'PNS' && code2 >= 1 ? code2 : null;
  if (code2 === 0) issues.push({ code: 'codeZero', severity: 'warning' });

  if (isValidDate(birthDate) && tmtYear < birthDate.year + MIN_APPOINTMENT_AGE) {
    issues.push({ code: 'tmtTooEarly', severity: 'warning', params: { tmtYear, birthYear: birthDate.year } });
  }
  const tmtAfterToday =
    tmtYear > ctx.today.year || (tmtYear === ctx.today.year && tmtMonth !== null && tmtMonth > ctx.today.month);
  if (tmtAfterToday) issues.push({ code: 'tmtInFuture', severity: 'warning', params: { tmtYear } });

  if (sequence === 0) issues.push({ code: 'sequenceZero', severity: 'warning' });

  if (ctx.expectedKind === 'PNS' && kind === 'PPPK') {
    issues.push({ code: 'pnsWithPppkCode', severity: 'warning', params: { code: n.slice(12, 14) } });
  }
  if (ctx.expectedKind === 'PPPK' && kind === 'PNS' && code2 !== 0) {
    issues.push({ code: 'pppkWithMonth', severity: 'warning', params: { code: n.slice(12, 14) } });
  }

  const sex: Sex = sexDigit === '2' ? 'P' : 'L';
  if (ctx.sex && (sexDigit === '1' || sexDigit === '2') && ctx.sex !== sex) {
    issues.push({ code: 'sexMismatch', severity: 'warning' });
  }
  if (
    ctx.birthDate &&
    isValidDate(birthDate) &&
    (ctx.birthDate.year !== birthDate.year || ctx.birthDate.month !== birthDate.month || ctx.birthDate.day !== birthDate.day)
  ) {
    issues.push({ code: 'birthMismatch', severity: 'warning' });
  }

  const hardError = issues.some((i) => i.severity === 'error');
  return {
    normalized: n,
    facts: hardError
      ? null
      : { birthDate, tmtYear, tmtMonth, pppkCode: kind === 'PPPK' ? code2 : null, kind, sex, sequence },
    issues,
  };
}

export function hasNipError(a: NipAnalysis): boolean {
  return a.issues.some((i) => i.severity === 'error');
}

/** An 18-digit NIP written inside other text (a certificate subject's "NIP198211032006042011"), or null. */
export function nipInText(text: string): string | null {
  return /(?<!\d)(\d{18})(?!\d)/.exec(text)?.[1] ?? null;
}
