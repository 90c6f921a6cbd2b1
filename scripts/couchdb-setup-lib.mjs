/**
 * What `npm run couchdb:siapkan` does to a CouchDB 3 server (or the stand-in), idempotently: a
 * database per kecamatan per year, a user per installation, each database's `_security` and the
 * design document whose `validate_doc_update` comes from src-renderer/exchange/packet.ts.
 *
 * Runs in Node and in a page (the bench sets its server up from the page): Web Crypto and btoa only.
 *
 * The plan (a JSON file the BKD admin writes from what each PC's "Server BKD" card shows):
 *   { "tahun": [2026], "bkd": ["<installId>"],
 *     "kantor": [{ "officeId": "<officeId>", "nama": "Kecamatan Curug", "anggota": ["<installId>", …] }] }
 */
import { databaseName, designDoc, securityObject } from '../src-renderer/exchange/packet.ts';

const base64 = (bytes) => btoa(String.fromCharCode(...bytes));
const basic = (name, password) => `Basic ${base64(new TextEncoder().encode(`${name}:${password}`))}`;
/** 16 random characters from a URL-safe alphabet (96 bits). */
const newPassword = () => base64(crypto.getRandomValues(new Uint8Array(12))).replace(/\+/g, '-').replace(/\//g, '_');

/** Checks the plan's shape; throws one sentence naming what is wrong. */
export function readPlan(plan) {
  const ids = (v, where) => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(x))) throw new Error(`Rencana: ${where} harus daftar kode instalasi.`);
    return v;
  };
  if (!plan || typeof plan !== 'object') throw new Error('Rencana: berkas bukan JSON objek.');
  const tahun = plan.tahun;
  if (!Array.isArray(tahun) || tahun.length === 0 || tahun.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) throw new Error('Rencana: "tahun" harus daftar tahun, misalnya [2026].');
  const bkd = ids(plan.bkd ?? [], '"bkd"');
  if (!Array.isArray(plan.kantor) || plan.kantor.length === 0) throw new Error('Rencana: "kantor" kosong.');
  const kantor = plan.kantor.map((k, i) => {
    if (!k || typeof k.officeId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(k.officeId)) throw new Error(`Rencana: kantor ke-${i + 1} tanpa "officeId" yang sah.`);
    return { officeId: k.officeId, nama: String(k.nama ?? k.officeId), anggota: ids(k.anggota, `"anggota" kantor ${k.nama ?? i + 1}`) };
  });
  return { tahun, bkd, kantor };
}

/**
 * Applies the plan. Returns the passwords of users created now (existing users keep theirs) and
 * what was done, one line each.
 */
export async function setupServer({ url, admin, plan: raw, fetchImpl = fetch }) {
  const plan = readPlan(raw);
  const base = url.replace(/\/+$/, '');
  const auth = basic(admin.name, admin.password);
  const call = async (method, path, body) => {
    const res = await fetchImpl(base + path, { method, headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (res.status === 401 || res.status === 403) throw new Error(`Server menolak akun admin "${admin.name}" (${res.status}): periksa nama dan kata sandi admin.`);
    return { status: res.status, json };
  };
  const done = [];
  const passwords = [];

  const everyone = [...new Set([...plan.bkd, ...plan.kantor.flatMap((k) => k.anggota)])];
  for (const name of everyone) {
    const id = `org.couchdb.user:${name}`;
    const got = await call('GET', `/_users/${encodeURIComponent(id)}`);
    if (got.status === 200) continue;
    const password = newPassword();
    const put = await call('PUT', `/_users/${encodeURIComponent(id)}`, { _id: id, name, password, roles: [], type: 'user' });
    if (put.status !== 201 && put.status !== 202) throw new Error(`Pengguna ${name} tidak dapat dibuat (${put.status}).`);
    passwords.push({ name, password });
    done.push(`pengguna ${name} dibuat`);
  }

  const ddoc = designDoc();
  for (const k of plan.kantor) {
    for (const year of plan.tahun) {
      const db = databaseName(k.officeId, year);
      const created = await call('PUT', `/${db}`);
      if (created.status === 201 || created.status === 202) done.push(`database ${db} (${k.nama} ${year}) dibuat`);
      else if (created.status !== 412) throw new Error(`Database ${db} tidak dapat dibuat (${created.status}).`);
      // Members only grow: a PC removed from the plan keeps its access until an admin removes it by hand.
      const sec = await call('GET', `/${db}/_security`);
      const before = sec.json?.members?.names ?? [];
      const members = securityObject([...before, ...k.anggota, ...plan.bkd]);
      if (JSON.stringify([...before].sort()) !== JSON.stringify(members.members.names)) {
        const put = await call('PUT', `/${db}/_security`, members);
        if (put.status !== 200 && put.status !== 201) throw new Error(`Hak akses ${db} tidak dapat disimpan (${put.status}).`);
        done.push(`hak akses ${db}: ${members.members.names.length} instalasi`);
      }
      const cur = await call('GET', `/${db}/${ddoc._id}`);
      if (cur.status === 200 && cur.json.validate_doc_update === ddoc.validate_doc_update && JSON.stringify(cur.json.filters) === JSON.stringify(ddoc.filters)) continue;
      const put = await call('PUT', `/${db}/${ddoc._id}`, { ...ddoc, ...(cur.status === 200 ? { _rev: cur.json._rev } : {}) });
      if (put.status !== 201 && put.status !== 202) throw new Error(`Aturan ${db} tidak dapat disimpan (${put.status}).`);
      done.push(`aturan paket ${db} ${cur.status === 200 ? 'diperbarui' : 'dipasang'}`);
    }
  }
  return { done, passwords };
}
