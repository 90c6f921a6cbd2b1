import { useState, type InputHTMLAttributes } from 'react';
import { parseIsoDate } from '../domain/dates';
import { useT } from '../i18n/i18n';
import { parseTanggal } from '../io/values';

/** "2026-11-23" → "23/11/2026": how every date field shows its value, whatever the OS locale. */
export function showDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}` : '';
}

/** What was typed, as an ISO date, '' for empty, or null when it is no date (bare numbers are not). */
export function readTypedDate(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return '';
  if (/^\d+$/.test(trimmed)) return null;
  const r = parseTanggal(trimmed);
  return r.ok ? r.value : null;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  value: string;
  onChange(iso: string): void;
  /** ISO bounds; a date outside them is not taken. */
  min?: string;
  max?: string;
};

/**
 * A date typed as "23/11/2026", "23-11-2026" or "23 November 2026" and shown as 23/11/2026. The
 * browser's own date input follows the OS locale (mm/dd/yyyy on an English Windows), so it is not
 * used. The value only changes when the text is a valid date inside the bounds.
 */
export function DateField({ value, onChange, min, max, onBlur, ...rest }: Props) {
  const t = useT();
  const [text, setText] = useState(() => showDate(value));
  const [shownFor, setShownFor] = useState(value);
  // A new value from outside (another record, a reset) replaces what is shown.
  if (value !== shownFor) {
    setShownFor(value);
    if (readTypedDate(text) !== value) setText(showDate(value));
  }
  const typed = readTypedDate(text);
  const outside = typed ? (min !== undefined && typed < min) || (max !== undefined && typed > max) : false;
  const invalid = typed === null || outside;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        className={`date-field${invalid ? ' invalid' : ''}`}
        placeholder="dd/mm/yyyy"
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const iso = readTypedDate(e.target.value);
          const ok = iso !== null && !(iso && ((min !== undefined && iso < min) || (max !== undefined && iso > max)));
          if (ok && iso !== value) {
            setShownFor(iso);
            onChange(iso);
          }
        }}
        onBlur={(e) => {
          if (!invalid) setText(showDate(value));
          onBlur?.(e);
        }}
      />
      {invalid ? <span className="field-error date-error">{outside ? t('date.outside', { min: showDate(min ?? ''), max: showDate(max ?? '') }) : t('date.invalid')}</span> : null}
    </>
  );
}
