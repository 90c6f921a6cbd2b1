import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
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
