import type { ReactNode } from 'react';

/** A table's heading row from its labels (the dashboard's and the distribution cards' tables). */
export function HeadRow({ cells }: { cells: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {cells.map((c, i) => (
          <th key={i}>{c}</th>
        ))}
      </tr>
    </thead>
  );
}
