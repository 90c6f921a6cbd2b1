import { OwnerNotice } from '../../components/OwnerNotice';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/errors';
import { clearFlash, peekFlash, setFlash } from '../../components/flash';
import { href, navigateAfterSave, useUnsavedGuard } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Field, Notice } from '../../components/Field';
import { RepoError } from '../../db/errors';
import { formatTanggal, fromJsDate, toIsoDate } from '../../domain/dates';
import { EMPLOYEE_STATUSES, golonganCodesFor, isPppk, pangkatOf } from '../../domain/golongan';
import { analyzeNip, formatNip } from '../../domain/nip';
import {
  atasanChain, emptyEmployeeFields, JENIS_JABATAN, JENJANG_BY_JENIS, matchesQuery, NONAKTIF_REASONS, parseSearchQuery,
  printedName, validateEmployee, type Employee, type EmployeeField, type EmployeeFields,
} from '../../domain/pegawai';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { DeactivateDialog } from './DeactivateDialog';
import { FIELD_LABELS, issueText } from '../../components/fieldText';
import { HistoryList } from './HistoryList';
import { PegawaiTabs } from './PegawaiTabs';
import { UnitOptions } from '../../components/UnitOptions';
import { usePegawaiData } from '../../components/usePegawaiData';
import { DateField } from '../../components/DateField';
import { Toast } from '../../components/Toast';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useGateLoading } from '../../components/LoadGate';
import { useLiveFor } from '../../components/useLiveFor';
import { useEditDraft } from '../../components/useEditDraft';
import { useWritable } from '../../components/useWritable';

function fieldsOf(e: Employee): EmployeeFields {
  const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, rev: _r, deleted: _d, ...fields } = e;
  return fields;
}

export function PegawaiFormScreen({ id }: { id: string | null }) {
  const { store } = useApp();
  const existing = useLiveFor(id ?? '', async () => (id ? ((await store.employees.get(id)) ?? null) : null), [store]);
  // Lives outside the form, which remounts on every saved revision.
  const [notice, setNotice] = useState<string | null>(() => (id ? peekFlash(id) : null));
  useEffect(() => {
    if (id) clearFlash(id);
  }, [id]);
  if (id && existing === undefined) return <Loading />;
  if (id && existing === null) {
    return (
      <div className="page">
        <PegawaiNotFound />
      </div>
    );
  }
  // Not remounted per revision: a package landing under an open form is taken in (useEditDraft).
  return <PegawaiForm key={existing?.id ?? 'new'} existing={existing ?? null} notice={notice} onNotice={setNotice} />;
}

function Loading() {
  return <p className="loading">{useT()('app.loading')}</p>;
}

function PegawaiNotFound() {
  const t = useT();
  return <Notice kind="error">{t('error.notFound')}</Notice>;
}

interface FormProps {
  existing: Employee | null;
  notice: string | null;
  onNotice(text: string | null): void;
}

function PegawaiForm({ existing, notice, onNotice }: FormProps) {
  const t = useT();
  const { store } = useApp();
  const data = usePegawaiData();
  useGateLoading(!data.loaded);
  const edit = useEditDraft('employees', existing, fieldsOf, emptyEmployeeFields);
  const can = useWritable('employees', existing);
  const readOnly = !can.loading && !can.whole;
  const { draft: value, dirty } = edit;
  const [touched, setTouched] = useState<Set<EmployeeField>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [status, setStatus] = useState<{ kind: 'error'; text: string; link?: { to: string; label: string } } | null>(null);
  const [busy, setBusy] = useState(false);
  const [atasanFilter, setAtasanFilter] = useState('');
  const [deactivate, setDeactivate] = useState<{ subordinates: { id: string; nama: string }[]; atasanId: string | null } | null>(null);
  useUnsavedGuard(dirty, t('common.unsaved'));

  const today = fromJsDate(new Date());
  const issues = validateEmployee(value, { today, ...(existing ? { selfId: existing.id } : {}) });
  const visibleFor = (f: EmployeeField) => showAll || touched.has(f);
  const errorFor = (f: EmployeeField) => {
    const i = issues.find((x) => x.field === f && x.severity === 'error');
    return i && visibleFor(f) ? issueText(t, i) : undefined;
  };
  const warningsFor = (f: EmployeeField) =>
    visibleFor(f) || (existing && f === 'nip') ? issues.filter((x) => x.field === f && x.severity === 'warning').map((i) => issueText(t, i)) : [];

  const set = <K extends EmployeeField>(field: K, v: EmployeeFields[K]) => {
    {
      const prev = value;
      const next = { ...prev, [field]: v };
      if (field === 'nip') {
        // Fill sex and birth date from the NIP when still empty; both stay editable.
        const facts = analyzeNip(String(v), { today }).facts;
        if (facts && !prev.jenisKelamin) next.jenisKelamin = facts.sex;
        if (facts && !prev.tanggalLahir) next.tanggalLahir = toIsoDate(facts.birthDate);
      }
      if (field === 'status' && next.golongan && !golonganCodesFor(next.status).includes(next.golongan)) next.golongan = '';
      if (field === 'jenisJabatan') {
        const options = next.jenisJabatan ? JENJANG_BY_JENIS[next.jenisJabatan] : undefined;
        if (!options?.includes(next.jenjang as never)) next.jenjang = '';
      }
      edit.change(next);
    }
    setStatus(null);
    if (notice) onNotice(null);
  };
  const touch = (f: EmployeeField) => setTouched((s) => (s.has(f) ? s : new Set(s).add(f)));

  const save = async (reassignSubordinatesTo?: string | null) => {
    setShowAll(true);
    if (issues.some((i) => i.severity === 'error')) {
      setStatus({ kind: 'error', text: t('error.employeeInvalid') });
      return;
    }
    setBusy(true);
    try {
      // The whole form is checked and handed over; only what was typed is written (db/write.ts).
      const saved = await edit.save((_typed, seen) => store.employees.save(existing?.id ?? null, value, { ...(reassignSubordinatesTo === undefined ? {} : { reassignSubordinatesTo }), edit: seen }));
      setDeactivate(null);
      const text = t('pegawai.saved', { nama: printedName(saved) });
      if (existing) {
        onNotice(text);
      } else {
        setFlash(saved.id, text);
        navigateAfterSave('pegawai', saved.id);
      }
    } catch (err) {
      if (err instanceof RepoError && err.code === 'stillAtasan') {
        setDeactivate(err.params as { subordinates: { id: string; nama: string }[]; atasanId: string | null });
      } else if (err instanceof RepoError && err.code === 'nipDuplicate') {
        const other = err.params as { id: string; nama: string };
        setStatus({
          kind: 'error',
          text: errorMessage(t, err),
          link: { to: href('pegawai', other.id), label: t('error.nipDuplicate.open', { nama: other.nama }) },
        });
      } else {
        setStatus({ kind: 'error', text: errorMessage(t, err) });
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  useSaveShortcut(() => void save(), dirty && !readOnly);

  const nipFacts = analyzeNip(value.nip, { today }).facts;
  const pppk = isPppk(value.status);
  const unitOptions = flattenTree(buildUnitTree(data.units));
  const atasanQuery = parseSearchQuery(atasanFilter);
  const atasanOptions = data.rows
    .filter((r) => r.e.aktif && r.e.id !== existing?.id && (r.e.id === value.atasanId || matchesQuery(atasanQuery, r.e.nip, r.text)))
    .slice(0, 200);
  const chain = existing
    ? atasanChain(existing.id, (x) => (x === existing.id ? value.atasanId : (data.employeeById.get(x)?.atasanId ?? null)))
    : value.atasanId
      ? [value.atasanId, ...atasanChain(value.atasanId, (x) => data.employeeById.get(x)?.atasanId ?? null)]
      : [];
  const atasanPenilai = chain[1] ? data.employeeById.get(chain[1]) : undefined;
  const jenjangOptions = value.jenisJabatan ? JENJANG_BY_JENIS[value.jenisJabatan] : undefined;

  const textInput = (f: 'nama' | 'gelarDepan' | 'gelarBelakang' | 'jabatan' | 'nonaktifKeterangan', required = false) => (
    <Field label={t(FIELD_LABELS[f])} error={errorFor(f)} required={required}>
      {(p) => <input {...p} name={f} value={value[f]} onChange={(e) => set(f, e.target.value)} onBlur={() => touch(f)} />}
    </Field>
  );
  const dateInput = (f: 'tanggalLahir' | 'tmtGolongan' | 'nonaktifTanggal', required = false) => (
    <Field label={t(FIELD_LABELS[f])} error={errorFor(f)} required={required}>
      {(p) => <DateField {...p} name={f} value={value[f]} onChange={(iso) => set(f, iso)} onBlur={() => touch(f)} />}
    </Field>
  );

  return (
    <div className="page">
      <div className="page-head">
        <h1>{existing ? printedName(existing) : t('pegawai.new.title')}</h1>
        <a className="button" href={href('pegawai')}>
          {t('common.back')}
        </a>
      </div>
      <PegawaiTabs active="list" />
      <OwnerNotice table="employees" doc={existing} />
      <form className="form employee-form" onSubmit={onSubmit} noValidate data-testid="pegawai-form">
        {/* Not this installation's to write (the BKD, a penilai laptop): shown, never offered for editing. */}
        <fieldset disabled={readOnly} className="plain-fieldset">
        <section className="card">
          <h2>{t('pegawai.section.identitas')}</h2>
          <div className="grid-2">
            <Field label={t('pegawai.status')} required>
              {(p) => (
                <select {...p} name="status" value={value.status} onChange={(e) => set('status', e.target.value as EmployeeFields['status'])}>
                  {EMPLOYEE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`pegawai.status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t(pppk ? 'pegawai.nip.pppk' : 'pegawai.nip')}
              hint={
                nipFacts
                  ? t('pegawai.nip.decoded', {
                      lahir: formatTanggal(nipFacts.birthDate),
                      tmt: nipFacts.tmtMonth ? `${String(nipFacts.tmtMonth).padStart(2, '0')}/${nipFacts.tmtYear}` : String(nipFacts.tmtYear),
                      sex: t(`pegawai.jenisKelamin.${nipFacts.sex}`),
                    })
                  : t('pegawai.nip.hint')
              }
              error={errorFor('nip')}
              warnings={warningsFor('nip')}
              required
            >
              {(p) => (
                <input
                  {...p}
                  name="nip"
                  className="mono"
                  inputMode="numeric"
                  autoComplete="off"
                  value={value.nip}
                  onChange={(e) => set('nip', e.target.value)}
                  onBlur={() => {
                    touch('nip');
                    if (nipFacts) set('nip', formatNip(value.nip));
                  }}
                />
              )}
            </Field>
            {textInput('gelarDepan')}
            {textInput('nama', true)}
            {textInput('gelarBelakang')}
            <p className="preview" data-testid="printed-name">
              {t('pegawai.printedName', { name: printedName(value) || '—' })}
            </p>
            <Field label={t('pegawai.jenisKelamin')}>
              {(p) => (
                <select {...p} name="jenisKelamin" value={value.jenisKelamin} onChange={(e) => set('jenisKelamin', e.target.value as EmployeeFields['jenisKelamin'])}>
                  <option value="">—</option>
                  <option value="L">{t('pegawai.jenisKelamin.L')}</option>
                  <option value="P">{t('pegawai.jenisKelamin.P')}</option>
                </select>
              )}
            </Field>
            {dateInput('tanggalLahir')}
          </div>
        </section>

        <section className="card">
          <h2>{t('pegawai.section.kepangkatan')}</h2>
          <div className="grid-2">
            <Field label={t(pppk ? 'pegawai.golongan.pppk' : 'pegawai.golongan')} error={errorFor('golongan')}>
              {(p) => (
                <select {...p} name="golongan" value={value.golongan} onChange={(e) => set('golongan', e.target.value)}>
                  <option value="">{t('pegawai.golongan.none')}</option>
                  {golonganCodesFor(value.status).map((g) => (
                    <option key={g} value={g}>
                      {pangkatOf(g) ? `${g} — ${pangkatOf(g)}` : g}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('pegawai.pangkat')}>
              {(p) => <input {...p} name="pangkat" readOnly value={pangkatOf(value.golongan) ?? '-'} />}
            </Field>
            {dateInput('tmtGolongan')}
            {textInput('jabatan')}
            <Field label={t('pegawai.jenisJabatan')}>
              {(p) => (
                <select {...p} name="jenisJabatan" value={value.jenisJabatan} onChange={(e) => set('jenisJabatan', e.target.value as EmployeeFields['jenisJabatan'])}>
                  <option value="">{t('pegawai.jenisJabatan.none')}</option>
                  {JENIS_JABATAN.map((j) => (
                    <option key={j} value={j}>
                      {t(`pegawai.jenisJabatan.${j}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {jenjangOptions ? (
              <Field label={t('pegawai.jenjang')} error={errorFor('jenjang')} required>
                {(p) => (
                  <select {...p} name="jenjang" value={value.jenjang} onChange={(e) => set('jenjang', e.target.value as EmployeeFields['jenjang'])} onBlur={() => touch('jenjang')}>
                    <option value="">{t('pegawai.jenjang.none')}</option>
                    {jenjangOptions.map((j) => (
                      <option key={j} value={j}>
                        {t(`pegawai.jenjang.${j}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
          </div>
        </section>

        <section className="card">
          <h2>{t('pegawai.section.penempatan')}</h2>
          <div className="grid-2">
            <Field label={t('pegawai.unit')}>
              {(p) => (
                <select {...p} name="unitId" value={value.unitId ?? ''} onChange={(e) => set('unitId', e.target.value || null)}>
                  <option value="">{t('pegawai.unit.none')}</option>
                  <UnitOptions nodes={unitOptions.filter((n) => n.unit.aktif || n.unit.id === value.unitId)} />
                </select>
              )}
            </Field>
            <Field label={t('pegawai.atasan')} error={errorFor('atasanId')} hint={atasanPenilai ? t('pegawai.atasanPenilai', { nama: printedName(atasanPenilai) }) : t('pegawai.atasanPenilai.none')}>
              {(p) => (
                <div className="combo">
                  <input
                    type="search"
                    aria-label={t('pegawai.atasan.filter')}
                    placeholder={t('pegawai.atasan.filter')}
                    value={atasanFilter}
                    onChange={(e) => setAtasanFilter(e.target.value)}
                  />
                  <select {...p} name="atasanId" value={value.atasanId ?? ''} onChange={(e) => set('atasanId', e.target.value || null)}>
                    <option value="">{t('pegawai.atasan.none')}</option>
                    {atasanOptions.map((r) => (
                      <option key={r.e.id} value={r.e.id}>
                        {r.name} — {r.e.jabatan || formatNip(r.e.nip)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
          </div>
        </section>

        <section className="card">
          <h2>{t('pegawai.section.keaktifan')}</h2>
          <label className="check">
            <input type="checkbox" name="aktif" checked={value.aktif} onChange={(e) => set('aktif', e.target.checked)} />
            {t('pegawai.aktif')}
          </label>
          {!value.aktif ? (
            <>
              <p className="field-hint">{t('pegawai.nonaktifInfo')}</p>
              <div className="grid-2">
                <Field label={t('pegawai.nonaktifAlasan')} error={errorFor('nonaktifAlasan')} required>
                  {(p) => (
                    <select {...p} name="nonaktifAlasan" value={value.nonaktifAlasan} onChange={(e) => set('nonaktifAlasan', e.target.value as EmployeeFields['nonaktifAlasan'])}>
                      <option value="">{t('pegawai.nonaktifAlasan.none')}</option>
                      {NONAKTIF_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`pegawai.nonaktifAlasan.${r}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {dateInput('nonaktifTanggal', true)}
                {textInput('nonaktifKeterangan')}
              </div>
            </>
          ) : null}
        </section>

        {notice ? <Toast text={notice} /> : null}
        {edit.arrival ? <Notice kind="info" testId="edit-arrival">{edit.arrival}</Notice> : null}
        {status ? (
          <Notice kind={status.kind}>
            {status.text} {status.link ? <a href={status.link.to}>{status.link.label}</a> : null}
          </Notice>
        ) : null}
        {issues.some((i) => i.severity === 'warning') ? <p className="field-hint">{t('pegawai.warningsNote')}</p> : null}
        </fieldset>
        {readOnly ? null : (
          <div className="actions sticky-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        )}
      </form>

      {existing ? (
        <section className="card">
          <h2>{t('pegawai.section.riwayat')}</h2>
          <HistoryList employeeId={existing.id} data={data} />
        </section>
      ) : null}

      {deactivate && existing ? (
        <DeactivateDialog
          nama={printedName(existing)}
          subordinates={deactivate.subordinates}
          atasan={deactivate.atasanId ? (data.employeeById.get(deactivate.atasanId) ?? null) : null}
          candidates={data.rows.filter((r) => r.e.aktif && r.e.id !== existing.id && !deactivate.subordinates.some((s) => s.id === r.e.id))}
          onCancel={() => setDeactivate(null)}
          onConfirm={(target) => void save(target)}
        />
      ) : null}
    </div>
  );
}
