import type { SyncMeta } from './records';

/** A unit kerja: the office itself at the root, then units and sub-units. */
export interface UnitFields {
  nama: string;
  parentId: string | null;
  /** Kepala unit (an employee id). */
  headId: string | null;
  aktif: boolean;
  /**
   * The office's own order among sibling units (the SOTK order: Sekretariat before the seksi…),
   * used by lists, pickers and prints; units without one follow, by name. Absent on older records.
   */
  urutan?: number | null;
}

export interface Unit extends SyncMeta, UnitFields {}

export type UnitIssueCode = 'required' | 'tooLong' | 'parentCycle' | 'parentInactive';

/** Moving `unitId` under `parentId` must not put a unit inside its own subtree. */
export function wouldCreateUnitCycle(
  unitId: string,
  parentId: string | null,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  let current = parentId;
  while (current) {
    if (current === unitId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = parentOf(current) ?? null;
  }
  return false;
}

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

/** Sibling order: the office's urutan first (lowest first), then units without one, by name. */
export function byUrutan(a: Pick<Unit, 'nama' | 'urutan'>, b: Pick<Unit, 'nama' | 'urutan'>): number {
  const ua = a.urutan ?? Number.POSITIVE_INFINITY;
  const ub = b.urutan ?? Number.POSITIVE_INFINITY;
  return ua !== ub ? (ua < ub ? -1 : 1) : a.nama.localeCompare(b.nama, 'id');
}

/** Depth-first tree in the office's order (byUrutan); units whose parent is missing are shown at the root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && byId.has(u.parentId) && u.parentId !== u.id ? u.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(u);
    childrenOf.set(parent, list);
  }
  const visited = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .sort(byUrutan)
      .filter((u) => !visited.has(u.id) && visited.add(u.id))
      .map((u) => ({ unit: u, depth, children: build(u.id, depth + 1) }));
  return build(null, 0);
}

export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** A unit and every unit below it, in tree order; all units (tree order) when unitId is null. */
export function unitScope(units: readonly Unit[], unitId: string | null): string[] {
  const tree = buildUnitTree(units);
  if (!unitId) return flattenTree(tree).map((n) => n.unit.id);
  const node = flattenTree(tree).find((n) => n.unit.id === unitId);
  return node ? flattenTree([node]).map((n) => n.unit.id) : [];
}

/** "Kecamatan Curug › Seksi Pemerintahan" */
export function unitPath(unitId: string | null, byId: ReadonlyMap<string, Pick<Unit, 'nama' | 'parentId'>>): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = unitId;
  while (current && !seen.has(current)) {
    seen.add(current);
    const u = byId.get(current);
    if (!u) break;
    path.unshift(u.nama);
    current = u.parentId;
  }
  return path;
}

/** The editable fields of a stored unit, without sync metadata. */
export function unitFieldsOf(u: Unit): UnitFields {
  return { nama: u.nama, parentId: u.parentId, headId: u.headId, aktif: u.aktif, urutan: u.urutan ?? null };
}
