import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  warnings?: string[] | undefined;
  required?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode;
}

/** Label, control, hint, error (red) and warnings (amber) in one accessible block. */
export function Field({ label, hint, error, warnings = [], required, children }: FieldProps) {
  const id = useId();
  const describedBy = `${id}-desc`;
  return (
    <div className={`field${error ? ' has-error' : ''}${warnings.length ? ' has-warning' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      <div id={describedBy}>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {warnings.map((w) => (
          <p key={w} className="field-warning">
            {w}
          </p>
        ))}
        {hint && !error ? <p className="field-hint">{hint}</p> : null}
      </div>
    </div>
  );
}

export function Notice({ kind, children, testId }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
