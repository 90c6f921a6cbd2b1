import type { UnitNode } from '../../domain/unit';

/** `<option>`s for a unit tree, indented by depth (a select cannot nest). */
export function UnitOptions({ nodes }: { nodes: readonly UnitNode[] }) {
  return (
    <>
      {nodes.map((n) => (
        <option key={n.unit.id} value={n.unit.id}>
          {'\u00a0\u00a0'.repeat(n.depth)}
          {n.unit.nama}
        </option>
      ))}
    </>
  );
}
