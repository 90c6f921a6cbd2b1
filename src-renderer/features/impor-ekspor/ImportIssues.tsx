import type { ImportError } from '../../exchange/pegawaiImport';
import { useT, type Translate } from '../../i18n/i18n';

const SHOWN = 200;

/** One table of import problems (errors or warnings), each with its sheet, Excel row and column. */
export function ImportIssues({ title, issues, total, text, testId }: { title: string; issues: readonly ImportError[]; total: number; text: (e: ImportError) => string; testId: string }) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <table className="error-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('import.errors.sheet')}</th>
            <th>{t('import.errors.row')}</th>
            <th>{t('import.errors.column')}</th>
            <th>{t('import.errors.message')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.slice(0, SHOWN).map((e, i) => (
            <tr key={i}>
              <td>{e.sheet}</td>
              <td>{e.row}</td>
              <td>{e.column}</td>
              <td>{text(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > SHOWN ? <p className="muted">{t('import.errors.more', { count: total - SHOWN })}</p> : null}
    </>
  );
}

/** The saved list: errors then warnings, each row saying which it is. */
export function issueListRows(t: Translate, errors: readonly ImportError[], warnings: readonly ImportError[], text: (e: ImportError) => string): (string | number)[][] {
  return [
    [t('import.errors.kind'), t('import.errors.sheet'), t('import.errors.row'), t('import.errors.column'), t('import.errors.message')],
    ...errors.map((e) => [t('import.errors.kind.error'), e.sheet, e.row, e.column, text(e)]),
    ...warnings.map((e) => [t('import.errors.kind.warning'), e.sheet, e.row, e.column, text(e)]),
  ];
}
