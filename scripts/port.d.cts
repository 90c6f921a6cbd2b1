export const DEFAULT_PORT: number;
export function appPort(): number;
