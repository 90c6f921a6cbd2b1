import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { useBusyAction } from '../../components/useBusyAction';
import { printedName, type Employee } from '../../domain/pegawai';
import { useT } from '../../i18n/i18n';
import { savePackage } from '../../components/packageFiles';

type Notify = (kind: 'success' | 'error', text: string) => void;

/** "Daftarkan laptop pejabat penilai": enrols it and saves its pairing package. */
export function EnrolCard({ employees, notify }: { employees: Employee[] | undefined; notify: Notify }) {
  const t = useT();
  const { store } = useApp();
  const [nama, setNama] = useState('');
  const [penilai, setPenilai] = useState('');
  // After enrolling: this PC's key code, which the laptop shows before it joins.
  const [code, setCode] = useState('');
  const { busy, run } = useBusyAction((err) => notify('error', errorMessage(t, err)));
  // Appraisers are the employees who are someone's atasan.
  const atasan = new Set((employees ?? []).map((e) => e.atasanId).filter(Boolean));
  const candidates = (employees ?? []).filter((e) => atasan.has(e.id) && e.aktif);

  const enrol = () =>
    run(async () => {
      if (!nama.trim()) return notify('error', t('sync.enrol.namaRequired'));
      if (!penilai) return notify('error', t('sync.enrol.penilaiRequired'));
      const { installation, pkg } = await store.packages.enrol({ role: 'PENILAI', nama: nama.trim(), penilaiEmployeeId: penilai });
      if (await savePackage(t, pkg, t('sync.enrol.title'))) await store.packages.markSent(installation.id, pkg.envelope, pkg.records.length);
      notify('success', t('sync.enrol.done', { nama: installation.nama }));
      setCode(await store.trust.ownKeyCode());
      setNama('');
      setPenilai('');
    });

  return (
    <section className="card" data-testid="sync-enrol">
      <h2>{t('sync.enrol.title')}</h2>
      <p className="muted">{t('sync.enrol.body')}</p>
      <div className="form-row">
        <label>
          {t('sync.enrol.nama')}
          <input value={nama} onChange={(e) => setNama(e.target.value)} placeholder="laptop Camat" />
        </label>
        <label>
          {t('sync.enrol.penilai')}
          <select value={penilai} onChange={(e) => setPenilai(e.target.value)}>
            <option value="">{t('sync.enrol.penilai.none')}</option>
            {candidates.map((e) => (
              <option key={e.id} value={e.id}>
                {printedName(e)} — {e.jabatan}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" className="primary" disabled={busy} onClick={() => void enrol()}>
        {t('sync.enrol.submit')}
      </button>
      {code ? (
        <p className="notice notice-info" data-testid="enrol-key-code">
          {t('sync.key.enrolCode', { code })}
        </p>
      ) : null}
    </section>
  );
}
