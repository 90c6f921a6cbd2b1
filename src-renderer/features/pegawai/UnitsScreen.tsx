import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Field, Notice } from '../../components/Field';
import { printedName } from '../../domain/pegawai';
import { buildUnitTree, flattenTree, type Unit, type UnitFields } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { PegawaiTabs } from './PegawaiTabs';
import { UnitOptions } from '../../components/UnitOptions';
import { usePegawaiData } from '../../components/usePegawaiData';
import { useSaveShortcut } from '../../components/useSaveShortcut';

interface Editing {
  id: string | null;
  fields: UnitFields;
}

export function UnitsScreen() {
  const t = useT();
  const { store } = useApp();
  const data = usePegawaiData();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const nodes = flattenTree(buildUnitTree(data.units));
  const memberCount = new Map<string, number>();
  for (const e of data.employees) if (e.aktif && e.unitId) memberCount.set(e.unitId, (memberCount.get(e.unitId) ?? 0) + 1);

  const startNew = (parentId: string | null) => {
    setStatus(null);
    setEditing({ id: null, fields: { nama: '', parentId, headId: null, aktif: true } });
  };
  const startEdit = (u: Unit) => {
    setStatus(null);
    setEditing({ id: u.id, fields: { nama: u.nama, parentId: u.parentId, headId: u.headId, aktif: u.aktif, urutan: u.urutan ?? null } });
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    // One save per click: a second click while the first is saving does nothing.
    if (!editing || saving) return;
    setSaving(true);
    try {
      const saved = await store.units.save(editing.id, editing.fields);
      setEditing(null);
      setStatus({ kind: 'success', text: t('unit.saved', { nama: saved.nama }) });
    } catch (err) {
      setStatus({ kind: 'error', text: errorMessage(t, err) });
    } finally {
      setSaving(false);
    }
  };

  useSaveShortcut(() => void submit(), editing !== null);

  const setField = <K extends keyof UnitFields>(k: K, v: UnitFields[K]) =>
    setEditing((cur) => (cur ? { ...cur, fields: { ...cur.fields, [k]: v } } : cur));

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('pegawai.title')}</h1>
        <button type="button" className="primary" onClick={() => startNew(null)}>
          {t('unit.add')}
        </button>
      </div>
      <PegawaiTabs active="units" />
      {status ? <Notice kind={status.kind}>{status.text}</Notice> : null}
      <div className={editing ? 'columns' : ''}>
        <section className="card">
          <h2>{t('unit.title')}</h2>
          {data.loaded && nodes.length === 0 ? <p className="muted">{t('unit.empty')}</p> : null}
          <ul className="tree" data-testid="unit-tree">
            {nodes.map(({ unit, depth }) => {
              const head = unit.headId ? data.employeeById.get(unit.headId) : undefined;
              return (
                <li key={unit.id} style={{ paddingLeft: depth * 20 }} className={unit.aktif ? '' : 'inactive'} data-testid="unit-node">
                  <div className="tree-row">
                    <strong className="grow">
                      {unit.nama}
                      {unit.aktif ? null : <span className="badge">{t('unit.inactive')}</span>}
                    </strong>
                    <span className="muted nowrap">{t('unit.members', { count: memberCount.get(unit.id) ?? 0 })}</span>
                    {head ? (
                      <span className="muted head">{t('struktur.head', { nama: printedName(head) })}</span>
                    ) : (
                      <span className="muted-warn head">{t('unit.noHead')}</span>
                    )}
                    <button type="button" className="link" onClick={() => startEdit(unit)}>
                      {t('common.edit')}
                    </button>
                    {/* An inactive unit takes no sub-units; the button keeps its place so the columns line up. */}
                    <button type="button" className={unit.aktif ? 'link' : 'link invisible'} disabled={!unit.aktif} aria-hidden={!unit.aktif} tabIndex={unit.aktif ? undefined : -1} onClick={() => startNew(unit.id)}>
                      {t('unit.addChild')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        {editing ? (
          <section className="card">
            <h2>{editing.id ? t('unit.edit.title') : t('unit.new.title')}</h2>
            <form className="form" onSubmit={submit} noValidate data-testid="unit-form">
              <Field label={t('unit.nama')} required>
                {(p) => <input {...p} name="unitNama" value={editing.fields.nama} onChange={(e) => setField('nama', e.target.value)} autoFocus />}
              </Field>
              <Field label={t('unit.parent')}>
                {(p) => (
                  <select {...p} name="unitParent" value={editing.fields.parentId ?? ''} onChange={(e) => setField('parentId', e.target.value || null)}>
                    <option value="">{t('unit.parent.none')}</option>
                    <UnitOptions nodes={nodes.filter((n) => n.unit.id !== editing.id && n.unit.aktif)} />
                  </select>
                )}
              </Field>
              <Field label={t('unit.head')}>
                {(p) => (
                  <select {...p} name="unitHead" value={editing.fields.headId ?? ''} onChange={(e) => setField('headId', e.target.value || null)}>
                    <option value="">{t('unit.head.none')}</option>
                    {data.rows
                      .filter((r) => r.e.aktif && (!editing.id || r.e.unitId === editing.id || r.e.id === editing.fields.headId))
                      .slice(0, 500)
                      .map((r) => (
                        <option key={r.e.id} value={r.e.id}>
                          {r.name} — {r.e.jabatan}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              <Field label={t('unit.urutan')} hint={t('unit.urutan.hint')}>
                {(p) => (
                  <input
                    {...p}
                    name="unitUrutan"
                    type="number"
                    min={1}
                    max={999}
                    className="narrow"
                    value={editing.fields.urutan ?? ''}
                    onChange={(e) => setField('urutan', e.target.value === '' ? null : Math.max(1, Math.min(999, Math.round(Number(e.target.value)))))}
                  />
                )}
              </Field>
              {editing.id ? (
                <label className="check">
                  <input type="checkbox" checked={editing.fields.aktif} onChange={(e) => setField('aktif', e.target.checked)} />
                  {t('unit.aktif')}
                </label>
              ) : null}
              <div className="actions">
                <button type="button" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="primary" disabled={saving}>
                  {t('common.save')}
                </button>
              </div>
            </form>
          </section>
        ) : null}
      </div>
    </div>
  );
}
