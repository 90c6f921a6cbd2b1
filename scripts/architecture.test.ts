import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layering of docs/arsitektur.md is kept by `npm run lint` (.dependency-cruiser.cjs). These
// tests build a small tree that breaks each rule once and check that lint names every breach, so a
// rule edited into silence fails here.

const repo = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'arsitektur-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tree(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function lint(): { code: number | null; out: string } {
  const bin = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
  const r = spawnSync(process.execPath, [bin, 'src-renderer', 'src-main', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

copyFileSync(path.join(repo, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
writeFileSync(path.join(dir, 'tsconfig.renderer.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx' } }));
symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

describe('lint keeps the rooms apart (.dependency-cruiser.cjs)', () => {
  it('passes a tree that keeps the layering', () => {
    tree({
      'src-renderer/domain/pegawai.ts': 'export const nama = (s: string) => s.trim();\n',
      'src-renderer/db/employeeRepo.ts': "import { nama } from '../domain/pegawai';\nexport const simpan = nama;\n",
      'src-renderer/components/Field.tsx': "import { simpan } from '../db/employeeRepo';\nexport const Field = simpan;\n",
      'src-renderer/features/pegawai/PegawaiForm.tsx': "import { Field } from '../../components/Field';\nexport const Form = Field;\n",
      'src-renderer/app/App.tsx': "import { Form } from '../features/pegawai/PegawaiForm';\nexport const App = Form;\n",
      'src-main/main.ts': "import { app } from 'electron';\nexport const m = app;\n",
    });
    const r = lint();
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it('names each breach: a lower room reaching up, two features, a cycle, a banned package, an unknown room, main reaching the renderer', () => {
    tree({
      'src-renderer/domain/skp.ts': "import { simpan } from '../db/employeeRepo';\nimport { useState } from 'react';\nexport const x = [simpan, useState];\n",
      'src-renderer/db/skpRepo.ts': "import { Form } from '../features/pegawai/PegawaiForm';\nexport const y = Form;\n",
      'src-renderer/features/skp/SkpEditor.tsx': "import { Form } from '../pegawai/PegawaiForm';\nexport const z = Form;\n",
      'src-renderer/exchange/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src-renderer/exchange/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'src-renderer/gudang/rak.ts': "import { nama } from '../domain/pegawai';\nexport const rak = nama;\n",
      'src-main/main.ts': "import { Form } from '../src-renderer/features/pegawai/PegawaiForm';\nexport const m = Form;\n",
    });
    const r = lint();
    expect(r.code).not.toBe(0);
    for (const rule of ['layer-domain', 'layer-db', 'packages-domain', 'features-apart', 'no-cycles', 'rooms-are-known', 'main-stays-main']) {
      expect(r.out, rule).toContain(`error ${rule}:`);
    }
  });
});

describe('docs/arsitektur.md', () => {
  it('lists every room with the rooms lint lets it import, no more and no fewer', () => {
    const config = createRequire(import.meta.url)(path.join(repo, '.dependency-cruiser.cjs')) as { forbidden: { name: string; to: { pathNot?: string[] } }[] };
    const fromLint = Object.fromEntries(
      config.forbidden
        .filter((r) => r.name.startsWith('layer-'))
        .map((r) => {
          const room = r.name.slice('layer-'.length);
          const allowed = (r.to.pathNot ?? []).map((p) => /^\^src-renderer\/([a-z0-9]+)\/$/.exec(p)?.[1]).filter((x): x is string => !!x && x !== room);
          return [room, allowed.sort()];
        }),
    );
    const doc = readFileSync(path.join(repo, 'docs/arsitektur.md'), 'utf8');
    const fromDoc: Record<string, string[]> = Object.fromEntries(
      [...doc.matchAll(/^\| `([a-z0-9]+)\/` \|[^|]*\| ([^|]+) \|$/gm)].map((m) => [m[1], m[2]!.trim() === 'nothing of ours' ? [] : m[2]!.split(',').map((x) => x.trim()).sort()]),
    );
    expect(fromDoc).toEqual(fromLint);
    expect(Object.keys(fromLint).length).toBeGreaterThan(10);
    // Read top-down, a room imports only rooms listed above it: the rooms can never form a loop.
    const order = Object.keys(fromDoc);
    for (const [room, allowed] of Object.entries(fromDoc)) {
      for (const below of allowed) expect(order.indexOf(below), `${room} → ${below}`).toBeLessThan(order.indexOf(room));
    }
  });
});
