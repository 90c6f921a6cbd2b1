/**
 * `npm run couchdb:siapkan -- <url> <admin> <rencana.json>`: prepares a CouchDB 3 server (or the
 * stand-in of `npm run server:coba`) for network sync, and can be run again safely (issue #28).
 * The admin's password comes from env COUCHDB_ADMIN_PASSWORD or is asked for. Passwords of users
 * created now are written to kata-sandi-server-<date>.csv, to hand to each PC's admin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { setupServer } from './couchdb-setup-lib.mjs';
import { normalizeServerUrl } from '../src-main/ipc-contract.ts';

const [url, adminName, planPath] = process.argv.slice(2);
if (!url || !adminName || !planPath) {
  console.error('Pakai: npm run couchdb:siapkan -- <alamat-server> <nama-admin> <rencana.json>');
  process.exit(2);
}
const server = normalizeServerUrl(url);
if (!server) {
  console.error('Alamat server harus https:// (atau http://127.0.0.1 untuk server coba), tanpa nama pengguna atau kata sandi di dalamnya.');
  process.exit(2);
}
let plan;
try {
  plan = JSON.parse(readFileSync(planPath, 'utf8'));
} catch (err) {
  console.error(`Rencana ${planPath} tidak dapat dibaca: ${err.message}`);
  process.exit(2);
}
let password = process.env.COUCHDB_ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question(`Kata sandi admin ${adminName}: `);
  rl.close();
}
try {
  const { done, passwords } = await setupServer({ url: server, admin: { name: adminName, password }, plan });
  for (const line of done) console.log(`- ${line}`);
  if (done.length === 0) console.log('Server sudah sesuai rencana; tidak ada yang diubah.');
  if (passwords.length > 0) {
    // Where the admin ran the command (npm runs scripts from the project folder).
    const file = join(process.env.INIT_CWD || process.cwd(), `kata-sandi-server-${new Date().toISOString().slice(0, 10)}.csv`);
    writeFileSync(file, ['nama_pengguna,kata_sandi', ...passwords.map((p) => `${p.name},${p.password}`)].join('\n') + '\n', { mode: 0o600 });
    console.log(`Kata sandi ${passwords.length} pengguna baru ditulis ke ${file}. Serahkan ke admin tiap komputer, lalu hapus berkasnya.`);
  }
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
