import { useLiveQuery } from 'dexie-react-hooks';
import { useGateLoading } from '../../components/LoadGate';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { LOGO_MAX_BYTES, SIGNATURE_MAX_BYTES } from '../../domain/images';
import { KOLOM_INTERVENSI, MARGIN_LIMITS_MM, printPreferencesOf, type KolomIntervensi, type MarginSide, type PrintPreferences } from '../../domain/office';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import { ImageSetting } from './ImageSetting';

const SIDES: readonly MarginSide[] = ['top', 'right', 'bottom', 'left'];
const IMAGE_FILTERS = [{ name: 'PNG / JPG', extensions: ['png', 'jpg', 'jpeg'] }];

/** Pick an image file; the repository checks its real type and size and says what is wrong. */
async function pickImage(title: string): Promise<Uint8Array | null> {
  // The dialog lets a larger file through so the repository can name its size in the message.
  const res = await getPlatform().openFile({ title, filters: IMAGE_FILTERS, maxBytes: 20 * 1024 * 1024 });
  return res.status === 'ok' ? res.bytes : null;
}

/** Pengaturan › Cetak: margins, name underline, signers, column heading, pangkat line, kop logo, DEKP emblem, scanned signatures. */
export function PrintSettings() {
  const t = useT();
  const { store, profile } = useApp();
  const saved = printPreferencesOf(profile.office);
  const [prefs, setPrefs] = useState<PrintPreferences>(saved);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [signer, setSigner] = useState('');
  const employees = useLiveQuery(() => store.employees.listAll(), [store]);
  const signatures = useLiveQuery(() => store.prints.signatures(), [store]);
  useGateLoading(employees === undefined || signatures === undefined);
  const active = (employees ?? []).filter((e) => !e.deleted && e.aktif).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  const nameOf = (id: string) => employees?.find((e) => e.id === id)?.nama ?? id;

  const attempt = async (action: () => Promise<unknown>, ok: string) => {
    setMsg(null);
    try {
      await action();
      setMsg({ kind: 'success', text: ok });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err) });
    }
  };
  const setMargin = (side: MarginSide, v: string) => setPrefs({ ...prefs, margins: { ...prefs.margins, [side]: Number(v) } });
  const dirty = JSON.stringify(prefs) !== JSON.stringify(saved);
  const savePrefs = () => void attempt(() => store.settings.updatePrintPreferences(prefs), t('printSettings.saved'));
  useSaveShortcut(savePrefs, dirty);

  return (
    <section className="card" aria-labelledby="print-settings">
      <h2 id="print-settings">{t('printSettings.title')}</h2>
      <fieldset className="inline-radios">
        <legend>{t('printSettings.margins')}</legend>
        {SIDES.map((side) => (
          <label key={side}>
            {t(`printSettings.margin.${side}`)}
            <input type="number" min={side === 'bottom' ? MARGIN_LIMITS_MM.minBottom : MARGIN_LIMITS_MM.min} max={MARGIN_LIMITS_MM.max} step={1} style={{ width: 64 }} aria-label={`${t('printSettings.margins')} ${t(`printSettings.margin.${side}`)}`} value={prefs.margins[side]} onChange={(e) => setMargin(side, e.target.value)} />
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={prefs.garisBawahNama} onChange={(e) => setPrefs({ ...prefs, garisBawahNama: e.target.checked })} /> {t('printSettings.underline')}
      </label>
      <label className="field">
        <span>{t('printSettings.signers')}</span>
        <select aria-label={t('printSettings.signers')} value={prefs.penandatanganEvaluasi} onChange={(e) => setPrefs({ ...prefs, penandatanganEvaluasi: e.target.value as PrintPreferences['penandatanganEvaluasi'] })}>
          <option value="DUA">{t('printSettings.signers.DUA')}</option>
          <option value="PENILAI">{t('printSettings.signers.PENILAI')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('printSettings.kolom')}</span>
        <select value={prefs.kolomIntervensi} onChange={(e) => setPrefs({ ...prefs, kolomIntervensi: e.target.value as KolomIntervensi })}>
          {KOLOM_INTERVENSI.map((k) => (
            <option key={k} value={k}>
              {t(`printSettings.kolom.${k}`)}
            </option>
          ))}
        </select>
        <small className="field-hint">{t('printSettings.kolom.hint', { heading: `RENCANA HASIL KERJA ${prefs.kolomIntervensi} YANG DIINTERVENSI` })}</small>
      </label>
      <label className="check">
        <input type="checkbox" checked={prefs.pangkatPenandatangan} onChange={(e) => setPrefs({ ...prefs, pangkatPenandatangan: e.target.checked })} /> {t('printSettings.pangkat')}
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={!dirty} onClick={savePrefs}>
          {t('printSettings.save')}
        </button>
      </div>

      <ImageSetting
        prefix="printSettings.logo"
        current={profile.office.logo}
        kb={LOGO_MAX_BYTES / 1024}
        onChoose={() => void pickImage(t('printSettings.logo.choose')).then((bytes) => bytes && attempt(() => store.settings.setLogo(bytes), t('printSettings.logo.saved')))}
        onRemove={() => void attempt(() => store.settings.setLogo(null), t('printSettings.logo.removed'))}
      />
      <ImageSetting
        prefix="printSettings.lambang"
        current={profile.office.lambang}
        kb={LOGO_MAX_BYTES / 1024}
        onChoose={() => void pickImage(t('printSettings.lambang.choose')).then((bytes) => bytes && attempt(() => store.settings.setLambang(bytes), t('printSettings.lambang.saved')))}
        onRemove={() => void attempt(() => store.settings.setLambang(null), t('printSettings.lambang.removed'))}
      />

      <h3>{t('printSettings.sig')}</h3>
      <p className="field-hint">{t('printSettings.sig.hint', { kb: SIGNATURE_MAX_BYTES / 1024 })}</p>
      <div className="toolbar">
        <select aria-label={t('printSettings.sig.who')} value={signer} onChange={(e) => setSigner(e.target.value)}>
          <option value="">{t('printSettings.sig.who')}</option>
          {active.map((e) => (
            <option key={e.id} value={e.id}>
              {e.nama} — {e.jabatan}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!signer}
          onClick={() => void pickImage(t('printSettings.sig.choose')).then((bytes) => bytes && attempt(() => store.prints.setSignature(signer, bytes), t('printSettings.sig.saved')))}
        >
          {t('printSettings.sig.choose')}
        </button>
      </div>
      <ul className="history" data-testid="signature-list">
        {(signatures ?? []).map((s) => (
          <li key={s.id} className="toolbar">
            <img className="sig-preview" src={s.dataUrl} alt={nameOf(s.employeeId)} /> {nameOf(s.employeeId)}
            <button type="button" className="link" onClick={() => void attempt(() => store.prints.removeSignature(s.employeeId), t('printSettings.sig.removed'))}>
              {t('printSettings.sig.remove')}
            </button>
          </li>
        ))}
      </ul>
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
