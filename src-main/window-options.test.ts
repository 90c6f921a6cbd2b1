import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PAGE_CONTENT_SECURITY_POLICY } from './csp';
import { buildMenuTemplate } from './menu';
import { crashRecovery, mainWindowOptions } from './window-options';

describe('main window security options', () => {
  const prefs = mainWindowOptions('/app/preload.js').webPreferences ?? {};

  it('isolates and sandboxes the renderer without Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/preload.js',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('a packaged window has no developer tools at all', () => {
    expect(mainWindowOptions('/p.js', undefined, false).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.js').webPreferences?.devTools).toBe(true);
  });

  it('the Content-Security-Policy allows nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
    // The page's own policy differs in one directive only: it may reach an HTTPS server or this
    // computer (the browser build's BKD server, issue #28); scripts, frames and the rest stay as strict.
    const directives = (p: string) => new Map(p.split('; ').map((d) => [d.split(' ')[0], d]));
    const page = directives(PAGE_CONTENT_SECURITY_POLICY);
    for (const [name, d] of directives(CONTENT_SECURITY_POLICY)) if (name !== 'connect-src') expect(page.get(name)).toBe(d);
    expect(page.get('connect-src')).toBe("connect-src 'self' blob: data: https: http://127.0.0.1:* http://localhost:*");
  });

  it('the built page carries exactly the page policy (the Vite config reads csp.json on its own)', async () => {
    const { default: viteConfig } = await import('../vite.config.mjs');
    const config = (viteConfig as (env: { mode: string; command: string }) => { plugins: unknown[] })({ mode: 'production', command: 'build' });
    const plugin = config.plugins.flat(3).find((p) => (p as { name?: string })?.name === 'kinerja-csp') as { transformIndexHtml(html: string): string };
    expect(plugin.transformIndexHtml('<head></head>')).toContain(`content="${PAGE_CONTENT_SECURITY_POLICY}"`);
  });
});

describe('application menu', () => {
  const noop = { backup: () => {}, showDataFolder: () => {}, showAbout: () => {} };

  it('is in Indonesian with the standard editing roles', () => {
    const menu = buildMenuTemplate({ isMac: false, isDev: false }, noop);
    expect(menu.map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);
    const edit = menu[1]?.submenu as { role?: string; label?: string }[];
    expect(edit.filter((i) => i.role).map((i) => `${i.role}=${i.label}`)).toEqual([
      'undo=Urungkan', 'redo=Ulangi', 'cut=Potong', 'copy=Salin', 'paste=Tempel', 'selectAll=Pilih Semua',
    ]);
  });

  it('offers "Cadangkan Data…" first in Berkas, with Ctrl+Shift+S shown and handled by the page', () => {
    let asked = 0;
    const menu = buildMenuTemplate({ isMac: false, isDev: false }, { ...noop, backup: () => (asked += 1) });
    const first = (menu[0]?.submenu as { label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void }[])[0]!;
    expect(first).toMatchObject({ label: 'Cadangkan Data…', accelerator: 'CommandOrControl+Shift+S', registerAccelerator: false });
    first.click?.();
    expect(asked).toBe(1);
  });

  it('shows developer tools only in development', () => {
    const roles = (dev: boolean) =>
      (buildMenuTemplate({ isMac: false, isDev: dev }, noop)[2]?.submenu as { role?: string }[]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('renderer crash recovery', () => {
  it('reloads and explains in Indonesian after a crash or running out of memory', () => {
    const oom = crashRecovery('oom');
    expect(oom.reload).toBe(true);
    expect(oom.message).toMatch(/kehabisan memori/);
    expect(oom.message).toMatch(/Data yang sudah tersimpan tetap utuh/);
    expect(crashRecovery('crashed')).toMatchObject({ reload: true });
  });

  it('does nothing when the window simply closed', () => {
    expect(crashRecovery('clean-exit')).toEqual({ reload: false, message: '' });
  });
});
