/**
 * `npm run server:coba`: a CouchDB-protocol stand-in on this computer, for trying network sync
 * (issue #28). Not for real use: its data is lost when it stops. A BKD installs Apache CouchDB 3
 * (README › Server BKD). Then `npm run couchdb:siapkan -- http://127.0.0.1:5984 admin rencana.json`.
 *
 *   npm run server:coba [-- --port 5984]     admin password: env KL_SERVER_ADMIN_PASSWORD, else "coba"
 */
import { startStandIn } from './couchdb-standin.mjs';
import { appPort } from './port.cjs';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 5984;
const password = process.env.KL_SERVER_ADMIN_PASSWORD || 'coba';
// The browser build (`npm run web`, `npm run dev`) calls it from these pages.
const pages = [appPort(), 5173].flatMap((p) => [`http://127.0.0.1:${p}`, `http://localhost:${p}`]);
const server = await startStandIn({ port, admin: { name: 'admin', password }, corsOrigins: pages });
console.log(`Server coba berjalan di ${server.url} (admin: admin / ${password === 'coba' ? 'coba' : '(dari KL_SERVER_ADMIN_PASSWORD)'}).`);
console.log('Hanya untuk mencoba: datanya hilang saat dihentikan (Ctrl+C).');
console.log(`Langkah berikutnya: npm run couchdb:siapkan -- ${server.url} admin rencana.json`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
