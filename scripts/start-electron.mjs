// `npm start`: launch Electron on the built app, or say clearly why it cannot.
import { spawn } from 'node:child_process';
import electronBinaryModule from './electron-binary.cjs';

const { electronBinary } = electronBinaryModule;

const binary = electronBinary();
if (!binary) {
  console.error(`
================================================================================
  Kinerja Luring: the Electron binary is not installed.

  Electron downloads its binary from GitHub on first use, and this machine could
  not fetch it. Either:
    - connect to the internet once and run:  npx install-electron --no
    - or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build,
    - or run the same app in a browser:      npm run web
      (then open http://127.0.0.1:4173)
================================================================================
`);
  process.exit(1);
}

const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
