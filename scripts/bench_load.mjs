// Load generator of `make bench` (scripts/bench.sh): Node 20, standard library only (node:http with a
// keep-alive agent, one socket per client).
//
// Input: a JSON file (argv[2]) written by bench.sh: { base, password, techs: [email], employees: [email],
// techId, categoryId, openIds: [id] (IN_PROGRESS/WAITING tickets), readIds: [id], seconds, clients: [1, 16],
// mixRate, mixSeconds, phase: "rows" | "mix", only: a regular expression of the rows to run (all when absent) }.
// Output (stdout): JSON { rows: [{ name, group, clients, n, errors, p50, p95, p99, rps }], mix: {...} }.
//
// Closed loop for the table: each of `clients` clients sends its next request when the previous one
// answered, for `seconds` (after a 1 s warm-up that is not counted). Open loop for the mix: actions
// are due at a constant rate, each sent at its due time whatever the number in flight, and its
// latency is measured from that due time, so a server that falls behind shows it (no coordinated
// omission). Latencies in ms; an error is a network failure or any status >= 400.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = new URL(cfg.base);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One HTTP request; resolves { status, body } (body parsed when JSON is asked for). */
function request(method, path, token, body, wantBody = false, prefix = '/api/v1') {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (data) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = Buffer.byteLength(data); }
    const req = http.request({ host: base.hostname, port: base.port, path: `${prefix}${path}`, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => { if (wantBody || res.statusCode >= 400) chunks.push(c); });
      res.on('end', () => {
        let parsed = null;
        if (chunks.length) { try { parsed = JSON.parse(Buffer.concat(chunks).toString()); } catch { parsed = null; } }
        resolve({ status: res.statusCode, body: parsed });
      });
      res.on('error', () => resolve({ status: 0, body: null }));
    });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    if (data) req.write(data);
    req.end();
  });
}

async function login(email) {
  const r = await request('POST', '/auth/login', null, { email, password: cfg.password }, true);
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.access_token;
}

const pick = (a) => a[Math.floor(Math.random() * a.length)];
const qs = (o) => new URLSearchParams(Object.entries(o).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString();

function percentiles(lat) {
  const s = Float64Array.from(lat).sort();
  const at = (p) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null);
  const r = (x) => (x === null ? null : Math.round(x * 10) / 10);
  return { p50: r(at(50)), p95: r(at(95)), p99: r(at(99)) };
}

const techTokens = [];
const empTokens = [];
for (const e of cfg.techs) techTokens.push(await login(e));
for (const e of cfg.employees) empTokens.push(await login(e));

// The open tickets the writes work on, with the version and status last seen (a ticket is used by
// one request at a time, so PATCH never meets a concurrent change of its own making).
const tickets = cfg.openIds.map((id) => ({ id, version: null, status: null, busy: false }));
let nextTicket = 0;
function takeTicket() {
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[(nextTicket + i) % tickets.length];
    if (!t.busy) { nextTicket = (nextTicket + i + 1) % tickets.length; t.busy = true; return t; }
  }
  return null;
}
/** A status transition IN_PROGRESS ⇄ WAITING on one open ticket (its version read once, uncounted). */
async function transition(token) {
  // Every open ticket busy (a small database, a backlog): wait for one rather than count an error
  // the server did not make; the wait is part of the action's latency.
  let t = takeTicket();
  while (!t) {
    await new Promise((r) => setTimeout(r, 5));
    t = takeTicket();
  }
  try {
    if (t.version === null) {
      const g = await request('GET', `/tickets/${t.id}`, token, undefined, true);
      if (g.status !== 200) return g;
      t.version = g.body.version; t.status = g.body.status;
    }
    const to = t.status === 'WAITING' ? 'IN_PROGRESS' : 'WAITING';
    const r = await request('PATCH', `/tickets/${t.id}`, token, { version: t.version, status: to }, true);
    if (r.status === 200) { t.version = r.body.version; t.status = r.body.status; } else { t.version = null; }
    return r;
  } finally { t.busy = false; }
}

const words = ['imprimante', 'VPN', 'écran', 'licence', 'accès', 'mot de passe', 'laptop', 'meeting room'];
function createBody() {
  const w = pick(words);
  return { title: `Problème ${w} ${Math.floor(Math.random() * 1e6)}`,
    description: `Bonjour, depuis ce matin le ${w} ne fonctionne plus sur mon poste. Pouvez-vous regarder ? Merci.`,
    priority: pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH']), category_id: cfg.categoryId };
}

// Requests of the table: [name, group, fn(token-chooser) -> Promise<{status}>].
const tech = () => pick(techTokens);
const emp = () => pick(empTokens);
const get = (path) => () => request('GET', path, tech());
const open = ['NEW', 'IN_PROGRESS', 'WAITING'];
const q = (o) => get(`/tickets?${qs({ size: 25, ...o })}`);

/** yyyy-MM-dd of n days ago (UTC; the dashboard's days are in REPORTS_TIME_ZONE, close enough here). */
function daysAgo(n) {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** yyyy-MM-dd of the same day n years ago (UTC). */
function yearsAgo(n) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
}

/** The first and last day of the previous calendar month. */
function previousMonth() {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function deepCursor(params) {
  let cursor = null;
  for (let i = 0; i < 49; i++) {
    const r = await request('GET', `/tickets?${qs({ size: 25, ...params, ...(cursor ? { cursor } : {}) })}`, techTokens[0], undefined, true);
    if (r.status !== 200) throw new Error(`deep page ${i + 2}: ${r.status} ${JSON.stringify(r.body)}`);
    cursor = r.body.next_cursor;
    if (!cursor) return null;
  }
  return cursor;
}

const rowDefs = [
  ['queue: default (updated_at desc), page 1', 'queue', q({ sort: 'updated_at,desc' })],
  ['queue: default, page 50 (next_cursor ×49)', 'queue', null, { sort: 'updated_at,desc' }],
  ['queue: chip NEW', 'queue', q({ status: 'NEW', sort: 'updated_at,desc' })],
  ['queue: chip IN_PROGRESS', 'queue', q({ status: 'IN_PROGRESS', sort: 'updated_at,desc' })],
  ['queue: chip WAITING', 'queue', q({ status: 'WAITING', sort: 'updated_at,desc' })],
  ['queue: chip RESOLVED', 'queue', q({ status: 'RESOLVED', sort: 'updated_at,desc' })],
  ['queue: chip CLOSED', 'queue', q({ status: 'CLOSED', sort: 'updated_at,desc' })],
  ['queue: chips NEW+IN_PROGRESS+WAITING', 'queue', q({ status: open, sort: 'updated_at,desc' })],
  ['queue: priority HIGH', 'queue', q({ priority: 'HIGH', sort: 'updated_at,desc' })],
  ['queue: priority HIGH, page 50', 'queue', null, { priority: 'HIGH', sort: 'updated_at,desc' }],
  ['queue: category', 'queue', q({ category_id: cfg.categoryId, sort: 'updated_at,desc' })],
  ['queue: assigned to me', 'queue', q({ assignee_id: 'me', sort: 'updated_at,desc' })],
  ['queue: unassigned', 'queue', q({ assignee_id: 'none', sort: 'updated_at,desc' })],
  ['queue: me + open chips', 'queue', q({ assignee_id: 'me', status: open, sort: 'updated_at,desc' })],
  ['queue: HIGH + open chips', 'queue', q({ priority: 'HIGH', status: open, sort: 'updated_at,desc' })],
  ['queue: category + HIGH + IN_PROGRESS', 'queue', q({ category_id: cfg.categoryId, priority: 'HIGH', status: 'IN_PROGRESS', sort: 'updated_at,desc' })],
  ['queue: sort created_at desc', 'queue', q({ sort: 'created_at,desc' })],
  ['queue: sort created_at asc', 'queue', q({ sort: 'created_at,asc' })],
  ['queue: sort priority desc', 'queue', q({ sort: 'priority,desc' })],
  ['queue: sort status asc', 'queue', q({ sort: 'status,asc' })],
  ['queue: sort title asc', 'queue', q({ sort: 'title,asc' })],
  ['queue: SLA breached', 'queue', q({ sla: 'BREACHED', sort: 'updated_at,desc' })],
  ['queue: SLA at risk', 'queue', q({ sla: 'AT_RISK', sort: 'updated_at,desc' })],
  ['queue: sort next SLA due', 'queue', q({ sort: 'sla_due,asc' })],
  ['queue: open chips, sort next SLA due', 'queue', q({ status: open, sort: 'sla_due,asc' })],
  ['search: common word "password"', 'queue', q({ q: 'password' })],
  ['search: rare word "toner"', 'queue', q({ q: 'toner' })],
  ['search: French phrase "écran noir après redémarrage"', 'queue', q({ q: 'écran noir après redémarrage' })],
  ['search: no match "zyxwvut quokka"', 'queue', q({ q: 'zyxwvut quokka' })],
  ['counts (unfiltered)', 'queue', get('/tickets/counts')],
  ['counts (priority HIGH)', 'queue', get('/tickets/counts?priority=HIGH')],
  ['counts (SLA breached)', 'queue', get('/tickets/counts?sla=BREACHED')],
  ['counts (search "password")', 'queue', get('/tickets/counts?q=password')],
  // Reports dashboard: every figure of a period in one request; target < 500 ms (docs/architecture.md, "Dashboard").
  ['dashboard: last 30 days', 'report', get('/reports/dashboard')],
  ['dashboard: last 30 days, one category, weekly', 'report', get(`/reports/dashboard?${qs({ category_id: cfg.categoryId, granularity: 'week' })}`)],
  ['dashboard: previous calendar month', 'report', get(`/reports/dashboard?${qs(previousMonth())}`)],
  ['dashboard: last 365 days, weekly', 'report', get(`/reports/dashboard?${qs({ from: daysAgo(364), to: daysAgo(0), granularity: 'week' })}`)],
  ['dashboard: last 5 years, weekly', 'report', get(`/reports/dashboard?${qs({ from: yearsAgo(5), to: daysAgo(0), granularity: 'week' })}`)],
  // The floor of one HTTP request to this JVM (no database): what the read rows' ratio to pgbench
  // is bounded by. No target; read with "ticket detail" and pgbench's detail (docs/performance.md).
  ['floor: GET /health/liveness (no token, no SQL)', 'floor', () => request('GET', '/health/liveness', null, undefined, false, '')],
  ['ticket detail', 'read', () => request('GET', `/tickets/${pick(cfg.readIds)}`, tech())],
  ['comments', 'read', () => request('GET', `/tickets/${pick(cfg.readIds)}/comments`, tech())],
  ['history', 'read', () => request('GET', `/tickets/${pick(cfg.readIds)}/history`, tech())],
  ['create ticket (employee)', 'write', () => request('POST', '/tickets', emp(), createBody())],
  ['reply (technician)', 'write', () => request('POST', `/tickets/${pick(cfg.openIds)}/comments`, tech(), { body: 'Merci, nous regardons et revenons vers vous.', internal: false })],
  ['internal note', 'write', () => request('POST', `/tickets/${pick(cfg.openIds)}/comments`, tech(), { body: 'Vu avec l’équipe réseau : pas d’incident en cours.', internal: true })],
  ['PATCH (status IN_PROGRESS ⇄ WAITING)', 'write', () => transition(tech())],
];

async function closedLoop(fn, clients, seconds) {
  const lat = [];
  let errors = 0;
  let n = 0;
  let measuring = false;
  const warmEnd = Date.now() + 1000;
  const end = warmEnd + seconds * 1000;
  let firstError = null;
  const worker = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const r = await fn();
      const ms = performance.now() - t0;
      measuring = Date.now() >= warmEnd;
      if (!measuring) continue;
      n++;
      if (r.status === 0 || r.status >= 400) { errors++; firstError ??= `${r.status} ${JSON.stringify(r.body)}`.slice(0, 300); }
      lat.push(ms);
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (Date.now() - Math.max(t0, warmEnd)) / 1000;
  return { n, errors, ...percentiles(lat), rps: Math.round((n / elapsed) * 10) / 10, first_error: firstError };
}

async function runRows() {
  const rows = [];
  for (const [name, group, fn0, deep] of rowDefs) {
    if (cfg.only && !new RegExp(cfg.only).test(name)) continue;
    let fn = fn0;
    if (deep) {
      const cursor = await deepCursor(deep);
      if (!cursor) { process.stderr.write(`  ${name}: fewer than 50 pages, skipped\n`); continue; }
      fn = q({ ...deep, cursor });
    }
    for (const clients of cfg.clients) {
      const r = await closedLoop(fn, clients, cfg.seconds);
      rows.push({ name, group, clients, ...r });
      process.stderr.write(`  ${name.padEnd(52)} c=${String(clients).padEnd(3)} p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, ${r.rps} req/s, ${r.errors} errors${r.first_error ? ` (${r.first_error})` : ''}\n`);
    }
  }
  return rows;
}

// The JSM-like mix: shares of actions (Atlassian's JSM load profile: comments ≈ 26 %, views ≈ 24 %,
// queue views ≈ 20 %, the rest creates, searches and transitions).
const mixDefs = [
  ['comment (reply or internal note)', 26, () => request('POST', `/tickets/${pick(cfg.openIds)}/comments`, tech(),
    { body: 'Merci pour ces informations, nous avançons.', internal: Math.random() < 0.3 })],
  ['view ticket', 24, () => request('GET', `/tickets/${pick(cfg.readIds)}`, tech())],
  ['queue view', 20, () => request('GET', `/tickets?${qs(pick([{ sort: 'updated_at,desc' }, { status: open, sort: 'updated_at,desc' },
    { assignee_id: 'me', status: open, sort: 'updated_at,desc' }, { priority: 'HIGH', sort: 'updated_at,desc' }, { assignee_id: 'none', sort: 'updated_at,desc' }]))}&size=25`, tech())],
  ['create ticket', 12, () => request('POST', '/tickets', emp(), createBody())],
  ['search', 10, () => request('GET', `/tickets?${qs({ q: pick(['password', 'imprimante', 'vpn access', 'écran', 'toner', 'licence office']), size: 25 })}`, tech())],
  ['transition', 8, () => transition(tech())],
];

async function runMix() {
  const total = mixDefs.reduce((s, d) => s + d[1], 0);
  const per = Object.fromEntries(mixDefs.map((d) => [d[0], { lat: [], errors: 0 }]));
  const all = [];
  let errors = 0;
  let firstError = null;
  const count = Math.round(cfg.mixRate * cfg.mixSeconds);
  const t0 = performance.now() + 100;
  const pending = [];
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / cfg.mixRate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    let x = Math.random() * total;
    const def = mixDefs.find((d) => (x -= d[1]) < 0) ?? mixDefs[0];
    pending.push(def[2]().then((r) => {
      const ms = performance.now() - due;
      all.push(ms); per[def[0]].lat.push(ms);
      if (r.status === 0 || r.status >= 400) { errors++; per[def[0]].errors++; firstError ??= `${def[0]}: ${r.status} ${JSON.stringify(r.body)}`.slice(0, 300); }
    }));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - t0) / 1000;
  return { rate: cfg.mixRate, seconds: cfg.mixSeconds, n: all.length, errors, ...percentiles(all),
    rps: Math.round((all.length / elapsed) * 10) / 10, first_error: firstError,
    actions: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, { n: v.lat.length, errors: v.errors, ...percentiles(v.lat) }])) };
}

const out = {};
if (cfg.phase === 'rows') out.rows = await runRows();
if (cfg.phase === 'mix') out.mix = await runMix();
process.stdout.write(JSON.stringify(out));
agent.destroy();
