import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { href } from '../../components/router';
import { Notice } from '../../components/Field';
import { HeadRow } from '../../components/HeadRow';
import { Toast } from '../../components/Toast';
import { checkGroup } from '../../domain/distributionScope';
import type { Evaluation, UnitResult } from '../../domain/evaluation';
import { CAPAIAN_ORGANISASI, PREDIKATS, type CapaianOrganisasi, type RulePack } from '../../domain/rulepack';
import type { Unit } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { DistributionWarnings } from '../../components/DistributionWarnings';
import { groupEmptyText, groupGuidelineText } from '../../components/evalText';

type Save = (patch: { capaian?: CapaianOrganisasi | ''; justifikasi?: string }, done: string) => Promise<void>;

type SaveMessage = { kind: 'success' | 'error'; text: string; seq: number };

function useUnitResultSave(unitId: string, periodId: string): [Save, SaveMessage | null] {
  const t = useT();
  const { store } = useApp();
  const [msg, setMsg] = useState<SaveMessage | null>(null);
  const save: Save = async (patch, done) => {
    try {
      await store.evaluations.setUnitResult(unitId, periodId, patch);
      setMsg((m) => ({ kind: 'success', text: done, seq: (m?.seq ?? 0) + 1 }));
    } catch (err) {
      setMsg((m) => ({ kind: 'error', text: errorMessage(t, err), seq: (m?.seq ?? 0) + 1 }));
    }
  };
  return [save, msg];
}

/** The organisational result of one unit for the period (§7.1). */
/** What a unit without a capaian of its own follows (§7.6): the value and the unit it is set on. */
export interface InheritedCapaian {
  capaian: CapaianOrganisasi;
  from: string;
}

export function CapaianSelect({ unit, pack, periodId, capaian, inherited, onSave }: { unit: Unit; pack: RulePack; periodId: string; capaian: CapaianOrganisasi | ''; inherited?: InheritedCapaian; onSave?: Save }) {
  const t = useT();
  const [ownSave, msg] = useUnitResultSave(unit.id, periodId);
  const save = onSave ?? ownSave;
  return (
    <label className="inline-field">
      <span>{onSave ? t('eval.capaian') : unit.nama}</span>
      <select aria-label={`${t('eval.capaian')} — ${unit.nama}`} value={capaian} onChange={(e) => void save({ capaian: e.target.value as CapaianOrganisasi | '' }, t('dist.capaian.saved'))}>
        <option value="">{inherited ? t('dist.capaian.inherit', { capaian: pack.capaianLabels[inherited.capaian], from: inherited.from }) : t('dist.capaian.none')}</option>
        {CAPAIAN_ORGANISASI.map((c) => (
          <option key={c} value={c}>
            {pack.capaianLabels[c]}
          </option>
        ))}
      </select>
      {msg?.kind === 'error' ? <Notice kind="error">{msg.text}</Notice> : null}
      {/* In the list of units a confirmation beside each select would shift the list: a toast instead. */}
      {msg?.kind === 'success' ? <Toast key={msg.seq} text={`${unit.nama}: ${msg.text}`} /> : null}
    </label>
  );
}

/** One group of the guideline: its counts, what the guideline asks of it, its warnings and justification. */
/** How many of the people without an evaluation a card names before "dan N lainnya". */
const MISSING_SHOWN = 8;

export function GroupCard({
  title,
  unit,
  depth,
  pack,
  periodId,
  members,
  result,
  inherited,
  missing,
}: {
  title: string;
  unit: Unit;
  depth: number;
  pack: RulePack;
  periodId: string;
  members: Evaluation[];
  result: UnitResult | undefined;
  inherited?: InheritedCapaian;
  /** Active staff of the group with no evaluation in the period (notEvaluatedIn). */
  missing: readonly { id: string; nama: string }[];
}) {
  const t = useT();
  const [save, msg] = useUnitResultSave(unit.id, periodId);
  const own = result?.capaian ?? '';
  const capaian = own || inherited?.capaian || '';
  const [justifikasi, setJustifikasi] = useState(result?.justifikasi ?? '');
  const check = checkGroup(pack, capaian, members);
  const warnings = check.state === 'checked' ? check.warnings : [];
  const guideline = groupGuidelineText(t, pack, check);
  const empty = groupEmptyText(t, check);

  return (
    <section className="card dist-card" data-testid="dist-unit" data-unit={unit.nama} style={{ marginLeft: depth * 16 }}>
      <div className="page-head">
        <h2>{title}</h2>
        <span className="spacer" />
        <CapaianSelect unit={unit} pack={pack} periodId={periodId} capaian={own} inherited={inherited} onSave={save} />
      </div>
      <table className="dist-table">
        <HeadRow cells={[...PREDIKATS.map((p) => pack.predikatLabels[p]), t('dist.total')]} />
        <tbody>
          <tr>
            {PREDIKATS.map((p) => (
              <td key={p}>
                {check.counts[p]}
                {check.n > 0 ? <span className="muted"> ({Math.round((check.counts[p] / check.n) * 100)}%)</span> : null}
              </td>
            ))}
            <td>{t('dist.rated', { rated: check.n, all: check.all })}</td>
          </tr>
        </tbody>
      </table>
      {missing.length > 0 ? (
        <div data-testid="dist-missing">
          <p className="muted-warn">{t('dist.missing', { count: missing.length })}</p>
          <ul className="names">
            {missing.slice(0, MISSING_SHOWN).map((e) => (
              <li key={e.id}>
                <a href={href('penilaian')}>{e.nama}</a>
              </li>
            ))}
            {missing.length > MISSING_SHOWN ? <li>{t('home.work.more', { count: missing.length - MISSING_SHOWN })}</li> : null}
          </ul>
        </div>
      ) : null}
      {guideline ? <p className="field-hint" data-testid="dist-guideline">{guideline}</p> : null}
      {empty ? <Notice kind={check.state === 'noCapaian' ? 'warning' : 'info'}>{empty}</Notice> : null}
      {warnings.length > 0 ? (
        <DistributionWarnings pack={pack} capaian={capaian} warnings={warnings} note={t('dist.warnOnly')} testId="dist-warnings" />
      ) : check.state === 'checked' ? (
        <p className="ok-text">{t('dist.ok')}</p>
      ) : null}
      {warnings.length > 0 || result?.justifikasi ? (
        <div>
          <label className="field">
            <span>{t('dist.justifikasi')}</span>
            <textarea rows={2} aria-label={`${t('dist.justifikasi')} — ${unit.nama}`} value={justifikasi} onChange={(e) => setJustifikasi(e.target.value)} />
          </label>
          <button type="button" className="small" disabled={justifikasi.trim() === (result?.justifikasi ?? '')} onClick={() => void save({ justifikasi }, t('dist.justifikasi.saved'))}>
            {t('dist.justifikasi.save')}
          </button>
        </div>
      ) : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
