import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/i18n';

/** One office image (kop logo, DEKP emblem): preview, choose, remove. Keys share a prefix. */
export function ImageSetting(props: { prefix: 'printSettings.logo' | 'printSettings.lambang'; current: string | null | undefined; kb: number; onChoose: () => void; onRemove: () => void }) {
  const t = useT();
  const k = (suffix: string) => `${props.prefix}${suffix}` as MessageKey;
  return (
    <>
      <h3>{t(k(''))}</h3>
      <div className="toolbar">
        {props.current ? <img className="logo-preview" src={props.current} alt={t(k(''))} /> : <span className="muted">{t(k('.none'))}</span>}
        <button type="button" onClick={props.onChoose}>
          {t(k('.choose'))}
        </button>
        {props.current ? (
          <button type="button" onClick={props.onRemove}>
            {t(k('.remove'))}
          </button>
        ) : null}
      </div>
      <p className="field-hint">{t(k('.hint'), { kb: props.kb })}</p>
    </>
  );
}
