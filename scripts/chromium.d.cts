export function chromiumExecutable(): string | undefined;
export const CHROMIUM_ARGS: string[];
export function chromiumLaunchOptions(extraArgs?: string[]): { executablePath: string | undefined; args: string[] };
