import type { ReactNode } from 'react';
import type { BerakhlakValue } from '../domain/rulepack';

/** One BerAKHLAK value as the forms show it: number, name, its three guides; `notes` below, `children` beside. */
export function PerilakuRow({ no, value, notes, children }: { no: number; value: BerakhlakValue; notes?: ReactNode; children: ReactNode }) {
  return (
    <div className="perilaku-row">
      <strong>{no}.</strong>
      <div>
        <strong>{value.nama}</strong>
        <ul>
          {value.panduan.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
        {notes}
      </div>
      {children}
    </div>
  );
}
