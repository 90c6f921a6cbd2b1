export interface SetupPlan {
  tahun: number[];
  bkd?: string[];
  kantor: { officeId: string; nama?: string; anggota: string[] }[];
}
export function readPlan(plan: unknown): Required<SetupPlan>;
export function setupServer(opts: { url: string; admin: { name: string; password: string }; plan: unknown; fetchImpl?: typeof fetch }): Promise<{ done: string[]; passwords: { name: string; password: string }[] }>;
