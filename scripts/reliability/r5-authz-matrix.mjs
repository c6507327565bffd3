// Reliability probe R5 (issue 7): the authorization matrix. Every demo user of the contract × every endpoint family of
// the engine REST API (/engine-rest), the webapps' engine API (/camunda/api/engine/engine/default) and the ParkFlow
// API (/api), asserted against the contract's rules:
//   - a department sees its own department's tasks only, and a task's comments, attachments and identity links with
//     it (404 otherwise, read or write); it sees a case and the case's history once it has had a task in it;
//   - supervisors read everything and change nothing (writes 403; urging through /api is their only write);
//   - administrators see everything;
//   - enterprise accounts use /api only (engine REST 403, every webapp login refused) and see their own cases only;
//   - staff list staff; enterprise accounts are listed to administrators only.
// A "leak" is an answer that shows or changes what the rules forbid; a "wrong" answer refuses what they allow or
// refuses with another status than the rule's. Exit status 1 on any leak or wrong answer.
//
//   PARKFLOW_URL=http://127.0.0.1:8080 node scripts/reliability/r5-authz-matrix.mjs
//
// Run by scripts/reliability/r5-authz-matrix.sh on a throw-away default run. Only 127.0.0.1; every request times out
// after 20 s; at most R5_PARALLEL (4) users are probed at once. Node 20, no dependencies.
import { readFileSync } from 'node:fs';

const BASE = (process.env.PARKFLOW_URL || 'http://127.0.0.1:8080').replace('localhost', '127.0.0.1');
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(BASE)) {
  console.error(`R5 talks to 127.0.0.1 only, not ${BASE}`);
  process.exit(2);
}
const PASSWORD = process.env.PARKFLOW_DEMO_PASSWORD || 'demo';
const PARALLEL = Number(process.env.R5_PARALLEL || 4);
const REST = '/engine-rest';
const WEBAPP = '/camunda/api/engine/engine/default';
const DEPARTMENTS = ['park-admin', 'investment-promotion', 'drc', 'natural-resources', 'ecology-environment',
  'emergency-management', 'housing-construction', 'finance', 'county-government', 'trading-centre',
  'platform-company', 'justice'];
const SEES_ALL_CASES_IN_API = ['park-admin', 'supervision', 'camunda-admin'];
const ENTERPRISE_CODES = { 'enterprise-a': '91360124MA39PFL7XC', 'enterprise-b': '91360124MA3AQ0KD27' };

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function call(method, path, { user, json, form, multipart, session, accept } = {}) {
  const headers = { Accept: accept || 'application/json' };
  let body;
  if (user) headers.Authorization = 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  } else if (multipart !== undefined) {
    const boundary = '----r5' + Date.now();
    body = Object.entries(multipart).map(([k, v]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
    headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
  }
  if (session) {
    headers.Cookie = Object.entries(session.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (session.token && method !== 'GET') headers['X-XSRF-TOKEN'] = session.token;
  }
  const res = await fetch(BASE + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(20000) });
  const text = await res.text();
  if (session) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      session.cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    const token = res.headers.get('x-xsrf-token');
    if (token) session.token = token;
  }
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
  return { status: res.status, text, json: parsed, headers: res.headers };
}

async function ok(method, path, opts, expected = [200]) {
  const res = await call(method, path, opts);
  if (!expected.includes(res.status)) {
    throw new Error(`${method} ${path} as ${opts.user || 'session'}: ${res.status} ${res.text.slice(0, 300)}`);
  }
  return res;
}

/** Logs in to a webapp as a browser does; answers the session (or null) and the login's status. */
async function webappLogin(app, user) {
  const session = { cookies: {}, token: null };
  await call('GET', `/camunda/app/${app}/`, { session, accept: 'text/html' });
  const res = await call('POST', `/camunda/api/admin/auth/user/default/login/${app}`,
    { session, form: { username: user, password: PASSWORD } });
  return { session: res.status === 200 ? session : null, status: res.status };
}

// ---------------------------------------------------------------------------------------------------------------
// Results

const results = { checks: 0, leaks: [], wrong: [], families: new Map() };

function record(family, user, what, verdict, detail) {
  results.checks++;
  const f = results.families.get(family) || { checks: 0, leaks: 0, wrong: 0 };
  f.checks++;
  if (verdict === 'leak') { f.leaks++; results.leaks.push(`${family} | ${user} | ${what} | ${detail}`); }
  if (verdict === 'wrong') { f.wrong++; results.wrong.push(`${family} | ${user} | ${what} | ${detail}`); }
  results.families.set(family, f);
}

/** An answer that must refuse with one of `denied` statuses (2xx is a leak). */
function expectDenied(family, user, what, res, denied) {
  if (res.status >= 200 && res.status < 300) record(family, user, what, 'leak', `${res.status} ${res.text.slice(0, 120)}`);
  else if (!denied.includes(res.status)) record(family, user, what, 'wrong', `${res.status}, expected ${denied.join('/')}`);
  else record(family, user, what, 'ok');
}

function expectAllowed(family, user, what, res, allowed = [200]) {
  record(family, user, what, allowed.includes(res.status) ? 'ok' : 'wrong',
    `${res.status}, expected ${allowed.join('/')}: ${res.text.slice(0, 120)}`);
}

function expectSubset(family, user, what, got, allowed, required = []) {
  const extra = got.filter(x => !allowed.includes(x));
  const missing = required.filter(x => !got.includes(x));
  if (extra.length) record(family, user, what, 'leak', `unexpected ${extra.join(', ')}`);
  else if (missing.length) record(family, user, what, 'wrong', `missing ${missing.join(', ')}`);
  else record(family, user, what, 'ok');
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario

async function apply(user, application) {
  const res = await ok('POST', '/api/projects', { user, json: application }, [201]);
  return res.json.projectCode;
}

async function instanceOf(code) {
  const res = await ok('GET', `${REST}/process-instance?businessKey=${code}`, { user: 'admin' });
  return res.json[0].id;
}

async function openTasks(instanceId) {
  return (await ok('GET', `${REST}/task?processInstanceId=${instanceId}`, { user: 'admin' })).json;
}

async function waitForTasks(instanceId, atLeast) {
  for (let i = 0; i < 60; i++) {
    const tasks = await openTasks(instanceId);
    if (tasks.length >= atLeast) return tasks;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`case ${instanceId}: fewer than ${atLeast} open tasks after 30 s`);
}

async function groupsOf(user) {
  return (await ok('GET', `${REST}/group?member=${user}`, { user: 'admin' })).json.map(g => g.id);
}

/** The groups a finished task belonged to: the engine's own HISTORIC_TASK grants on it (resource type 19). */
async function groupsOfFinished(taskId) {
  const grants = (await ok('GET', `${REST}/authorization?resourceType=19&resourceId=${taskId}&maxResults=500`, { user: 'admin' })).json;
  return [...new Set(grants.filter(a => a.groupId).map(a => a.groupId))];
}

async function setUp() {
  const example = JSON.parse(readFileSync(new URL('../../docs/examples/application.json', import.meta.url), 'utf8'));
  const codeA = await apply('enterprise-a', example);
  const codeB = await apply('enterprise-b', {
    ...example, enterpriseName: '瑞洪电子科技有限公司', creditCode: ENTERPRISE_CODES['enterprise-b'],
    projectName: '电子元器件生产线项目', industryCode: '39', landArea: 0, annualEnergyTce: 300,
    contactEmail: 'enterprise-b@parkflow.local',
  });
  const cases = [{ code: codeA, owner: 'enterprise-a' }, { code: codeB, owner: 'enterprise-b' }];
  for (const c of cases) c.instanceId = await instanceOf(c.code);

  // Case A goes past intake, so several departments share it; case B stays with the intake window.
  const [intake] = await waitForTasks(cases[0].instanceId, 1);
  await ok('POST', `${REST}/task/${intake.id}/claim`, { user: 'park-admin-clerk', json: { userId: 'park-admin-clerk' } }, [204]);
  await ok('POST', `${REST}/task/${intake.id}/complete`,
    { user: 'park-admin-clerk', json: { variables: { decision: { value: 'approve' } } } }, [204, 200]);
  await waitForTasks(cases[0].instanceId, 2);

  // Ground truth, as the administrator: every task of both cases and the groups it belongs to.
  const tasks = [];
  for (const c of cases) {
    for (const t of await openTasks(c.instanceId)) {
      const links = (await ok('GET', `${REST}/task/${t.id}/identity-links`, { user: 'admin' })).json;
      tasks.push({ id: t.id, name: t.name, caseCode: c.code, instanceId: c.instanceId, open: true,
        groups: links.filter(l => l.type === 'candidate' && l.groupId).map(l => l.groupId) });
    }
    const history = (await ok('GET', `${REST}/history/task?processInstanceId=${c.instanceId}`, { user: 'admin' })).json;
    for (const h of history.filter(h => h.endTime)) {
      tasks.push({ id: h.id, name: h.name, caseCode: c.code, instanceId: c.instanceId, open: false,
        groups: await groupsOfFinished(h.id) });
    }
  }
  // Each open task gets a comment and an attachment from its own department, marked so a leak is recognisable.
  for (const t of tasks.filter(t => t.open)) {
    const clerk = `${t.groups[0]}-clerk`;
    await ok('POST', `${REST}/task/${t.id}/comment/create`,
      { user: clerk, json: { message: `R5-SECRET-COMMENT-${t.id}`, processInstanceId: t.instanceId } });
    await ok('POST', `${REST}/task/${t.id}/attachment/create`, { user: clerk, multipart: {
      'attachment-name': `R5-SECRET-ATTACHMENT-${t.id}`, 'attachment-type': 'url', url: 'http://127.0.0.1/none' } });
  }
  // The supervisor urges one department review: the urge note is a comment that carries the case id.
  const review = tasks.find(t => t.open && t.caseCode === codeA && !t.groups.includes('park-admin'));
  await ok('POST', `/api/supervision/tasks/${review.id}/urge`, { user: 'supervisor', json: { note: `R5-SECRET-URGE-${review.id}` } });
  return { cases, tasks };
}

// ---------------------------------------------------------------------------------------------------------------
// The matrix

function roleOf(groups) {
  if (groups.includes('camunda-admin')) return 'admin';
  if (groups.includes('supervision')) return 'supervisor';
  if (groups.includes('enterprise')) return 'enterprise';
  return 'department';
}

async function probeStaff(u, world) {
  const { cases, tasks } = world;
  const all = u.role === 'admin' || u.role === 'supervisor';
  const owns = t => t.groups.some(g => u.groups.includes(g));
  const readable = t => all || owns(t);
  const participates = c => all || tasks.some(t => t.instanceId === c.instanceId && owns(t));
  const secretsHidden = tasks.filter(t => !readable(t)).map(t => t.id);
  const surfaces = [{ name: 'engine-rest', base: REST, opts: { user: u.id } }];
  const app = u.role === 'admin' ? 'admin' : u.role === 'supervisor' ? 'cockpit' : 'tasklist';
  const login = await webappLogin(app, u.id);
  expectAllowed('webapp login', u.id, app, { status: login.status, text: '' });
  if (login.session) surfaces.push({ name: 'webapp-api', base: WEBAPP, opts: { session: login.session } });

  for (const s of surfaces) {
    const fam = f => `${s.name} ${f}`;
    for (const c of cases) {
      const list = await call('GET', `${s.base}/task?processInstanceId=${c.instanceId}&maxResults=500`, s.opts);
      const openOfCase = tasks.filter(t => t.open && t.instanceId === c.instanceId);
      expectSubset(fam('task list'), u.id, c.code, (list.json || []).map(t => t.id),
        openOfCase.filter(readable).map(t => t.id), openOfCase.filter(readable).map(t => t.id));
      for (const [path, what] of [[`process-instance?processInstanceIds=${c.instanceId}`, 'case'],
        [`history/process-instance?processInstanceId=${c.instanceId}`, 'case history'],
        [`history/task?processInstanceId=${c.instanceId}`, 'task history'],
        [`history/variable-instance?processInstanceId=${c.instanceId}`, 'variable history'],
        [`history/activity-instance?processInstanceId=${c.instanceId}`, 'activity history']]) {
        const res = await call('GET', `${s.base}/${path}${path.includes('?') ? '&' : '?'}maxResults=500`, s.opts);
        const n = Array.isArray(res.json) ? res.json.length : -1;
        if (!participates(c)) record(fam(what), u.id, c.code, n === 0 ? 'ok' : n > 0 ? 'leak' : 'wrong', `${res.status} ${n} rows`);
        else record(fam(what), u.id, c.code, n > 0 ? 'ok' : 'wrong', `${res.status} ${n} rows`);
      }
      const ops = await call('GET', `${s.base}/history/user-operation?processInstanceId=${c.instanceId}&maxResults=500`, s.opts);
      expectSubset(fam('operation log'), u.id, c.code, (ops.json || []).filter(e => e.taskId).map(e => e.taskId),
        tasks.filter(readable).map(t => t.id));
      const comments = await call('GET', `${s.base}/process-instance/${c.instanceId}/comment`, s.opts);
      const leaked = secretsHidden.filter(id => comments.text.includes(id));
      if (leaked.length) record(fam('case comments'), u.id, c.code, 'leak', `comments of ${leaked.join(', ')}`);
      else if (participates(c) && comments.status !== 200) record(fam('case comments'), u.id, c.code, 'wrong', `${comments.status}`);
      else record(fam('case comments'), u.id, c.code, 'ok');
    }
    for (const t of tasks) {
      const what = `${t.name} (${t.groups.join(',')}, ${t.open ? 'open' : 'finished'}) in ${t.caseCode}`;
      const reads = t.open ? ['', '/comment', '/attachment', '/identity-links'] : ['/comment', '/attachment'];
      for (const sub of reads) {
        const res = await call('GET', `${s.base}/task/${t.id}${sub}`, s.opts);
        if (readable(t)) expectAllowed(fam(`task${sub}`), u.id, what, res);
        else {
          expectDenied(fam(`task${sub}`), u.id, what, res, [404]);
          if (res.text.includes('R5-SECRET')) record(fam(`task${sub}`), u.id, what, 'leak', 'marker in the answer');
        }
      }
      // Writes: a department that does not see the task gets 404; the supervisor 403; nobody else changes a thing.
      if (!readable(t) || u.role === 'supervisor') {
        const denied = readable(t) ? [403] : [404];
        expectDenied(fam('comment create'), u.id, what,
          await call('POST', `${s.base}/task/${t.id}/comment/create`, { ...s.opts, json: { message: 'R5-INTRUDER' } }), denied);
        if (t.open) {
          expectDenied(fam('identity link add'), u.id, what, await call('POST', `${s.base}/task/${t.id}/identity-links`,
            { ...s.opts, json: { userId: u.id, type: 'candidate' } }), denied);
          expectDenied(fam('claim'), u.id, what, await call('POST', `${s.base}/task/${t.id}/claim`,
            { ...s.opts, json: { userId: u.id } }), [403, 404]);
          expectDenied(fam('complete'), u.id, what, await call('POST', `${s.base}/task/${t.id}/complete`,
            { ...s.opts, json: { variables: { decision: { value: 'approve' } } } }), [403, 404, 400]);
        }
        if (s.name === 'engine-rest') {
          expectDenied(fam('attachment create'), u.id, what, await call('POST', `${s.base}/task/${t.id}/attachment/create`,
            { ...s.opts, multipart: { 'attachment-name': 'R5-INTRUDER', 'attachment-type': 'url', url: 'http://127.0.0.1/x' } }), denied);
        }
      }
    }
    // People and groups.
    const users = await call('GET', `${s.base}/user?maxResults=500`, s.opts);
    const ids = (users.json || []).map(x => x.id);
    const enterprises = ids.filter(id => ['enterprise-a', 'enterprise-b'].includes(id));
    if (u.role === 'admin') record(fam('user list'), u.id, 'enterprise accounts', enterprises.length === 2 ? 'ok' : 'wrong', ids.join(','));
    else if (enterprises.length) record(fam('user list'), u.id, 'enterprise accounts', 'leak', enterprises.join(','));
    else record(fam('user list'), u.id, 'staff', ids.includes('supervisor') && ids.includes(u.id) ? 'ok' : 'wrong', ids.join(','));
    for (const e of ['enterprise-a', 'enterprise-b']) {
      const profile = await call('GET', `${s.base}/user/${e}/profile`, s.opts);
      if (u.role === 'admin') expectAllowed(fam('user profile'), u.id, e, profile);
      else expectDenied(fam('user profile'), u.id, e, profile, [404]);
      const groups = await call('GET', `${s.base}/group?member=${e}&maxResults=500`, s.opts);
      const n = Array.isArray(groups.json) ? groups.json.length : -1;
      record(fam('group of user'), u.id, e, u.role === 'admin' ? (n === 1 ? 'ok' : 'wrong') : (n === 0 ? 'ok' : n > 0 ? 'leak' : 'wrong'), `${groups.status} ${n}`);
    }
    const members = await call('GET', `${s.base}/user?memberOfGroup=enterprise&maxResults=500`, s.opts);
    const m = Array.isArray(members.json) ? members.json.length : -1;
    record(fam('group members'), u.id, 'enterprise', u.role === 'admin' ? (m >= 2 ? 'ok' : 'wrong') : (m === 0 ? 'ok' : m > 0 ? 'leak' : 'wrong'), `${members.status} ${m}`);
    const groupList = await call('GET', `${s.base}/group?maxResults=500`, s.opts);
    const gids = (groupList.json || []).map(g => g.id);
    record(fam('group list'), u.id, 'enterprise group', u.role === 'admin' ? (gids.includes('enterprise') ? 'ok' : 'wrong')
      : gids.includes('enterprise') ? 'leak' : gids.includes('supervision') ? 'ok' : 'wrong', gids.join(','));
    // Administration: users, authorizations, deployments.
    if (u.role !== 'admin') {
      expectDenied(fam('user create'), u.id, 'intruder', await call('POST', `${s.base}/user/create`,
        { ...s.opts, json: { profile: { id: 'r5-intruder', firstName: 'a', lastName: 'b' }, credentials: { password: 'x' } } }), [403]);
      expectDenied(fam('membership'), u.id, `${u.id} → camunda-admin`, await call('PUT',
        `${s.base}/group/camunda-admin/members/${u.id}`, s.opts), [403]);
      const auths = await call('GET', `${s.base}/authorization?maxResults=500`, s.opts);
      const foreign = (auths.json || []).filter(a => a.userId !== u.id && !u.groups.includes(a.groupId) && a.userId !== '*');
      record(fam('authorization list'), u.id, 'others\' grants', foreign.length ? 'leak' : 'ok', `${foreign.length} foreign`);
    }
  }

  // The ParkFlow API.
  const visibleCases = cases.filter(c => u.groups.some(g => SEES_ALL_CASES_IN_API.includes(g)) || participates(c)).map(c => c.code);
  const list = await call('GET', '/api/projects?limit=200', { user: u.id });
  const codes = (list.json || []).map(c => c.projectCode).filter(code => cases.some(c => c.code === code));
  expectSubset('api projects list', u.id, 'cases', codes, visibleCases, visibleCases);
  for (const c of cases) {
    const res = await call('GET', `/api/projects/${c.code}`, { user: u.id });
    if (visibleCases.includes(c.code)) expectAllowed('api project', u.id, c.code, res);
    else expectDenied('api project', u.id, c.code, res, [404]);
    expectDenied('api withdrawal', u.id, c.code, await call('POST', `/api/projects/${c.code}/withdrawal`,
      { user: u.id, json: { reason: 'R5' } }), [403, 404]);
  }
  if (u.role !== 'supervisor') {
    const t = tasks.find(x => x.open);
    expectDenied('api urge', u.id, t.id, await call('POST', `/api/supervision/tasks/${t.id}/urge`,
      { user: u.id, json: { note: 'R5' } }), [403]);
  }
  const outbox = await call('GET', '/api/admin/outbox?limit=1', { user: u.id });
  if (u.role === 'admin') expectAllowed('api outbox', u.id, 'outbox', outbox);
  else expectDenied('api outbox', u.id, 'outbox', outbox, [403]);
}

async function probeEnterprise(u, world) {
  const { cases, tasks } = world;
  const t = tasks.find(x => x.open);
  for (const path of ['/task', `/task/${t.id}`, `/task/${t.id}/comment`, `/task/${t.id}/attachment`,
    `/task/${t.id}/identity-links`, '/process-instance', `/process-instance/${cases[0].instanceId}/comment`,
    '/history/task', '/history/process-instance', '/history/user-operation', '/history/variable-instance',
    '/user', '/user/enterprise-a/profile', '/group', '/authorization', '/deployment', '/process-definition']) {
    expectDenied('engine-rest (enterprise)', u.id, path, await call('GET', REST + path, { user: u.id }), [403]);
  }
  expectDenied('engine-rest (enterprise)', u.id, 'comment create', await call('POST', `${REST}/task/${t.id}/comment/create`,
    { user: u.id, json: { message: 'R5-INTRUDER' } }), [403]);
  for (const app of ['tasklist', 'cockpit', 'admin', 'welcome']) {
    const login = await webappLogin(app, u.id);
    expectDenied('webapp login (enterprise)', u.id, app, { status: login.status, text: '' }, [403]);
    if (login.session) {
      expectDenied('webapp-api (enterprise)', u.id, `${app} → user list`,
        await call('GET', `${WEBAPP}/user`, { session: login.session }), [401, 403]);
    }
  }
  const own = cases.filter(c => c.owner === u.id).map(c => c.code);
  const list = await call('GET', '/api/projects?limit=200', { user: u.id });
  const codes = (list.json || []).map(c => c.projectCode).filter(code => cases.some(c => c.code === code));
  expectSubset('api projects list', u.id, 'cases', codes, own, own);
  for (const c of cases) {
    const res = await call('GET', `/api/projects/${c.code}`, { user: u.id });
    if (own.includes(c.code)) expectAllowed('api project', u.id, c.code, res);
    else {
      expectDenied('api project', u.id, c.code, res, [404]);
      expectDenied('api withdrawal', u.id, c.code, await call('POST', `/api/projects/${c.code}/withdrawal`,
        { user: u.id, json: { reason: 'R5' } }), [404]);
      expectDenied('api supplement', u.id, c.code, await call('POST', `/api/projects/${c.code}/supplement`,
        { user: u.id, json: { changes: {} } }), [404, 400]);
    }
  }
  expectDenied('api urge', u.id, t.id, await call('POST', `/api/supervision/tasks/${t.id}/urge`, { user: u.id, json: { note: 'R5' } }), [403]);
  expectDenied('api outbox', u.id, 'outbox', await call('GET', '/api/admin/outbox?limit=1', { user: u.id }), [403]);
}

async function main() {
  const started = Date.now();
  const candidates = [...DEPARTMENTS.flatMap(d => [`${d}-clerk`, `${d}-leader`]), 'supervisor', 'admin', 'enterprise-a', 'enterprise-b'];
  const present = [];
  const absent = [];
  for (const id of candidates) {
    const res = await call('GET', '/api/calendar/2026', { user: id });
    (res.status === 200 ? present : absent).push(id);
  }
  const world = await setUp();
  const users = [];
  for (const id of present) {
    const groups = await groupsOf(id);
    users.push({ id, groups, role: roleOf(groups) });
  }
  const queue = [...users];
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      await (u.role === 'enterprise' ? probeEnterprise(u, world) : probeStaff(u, world));
    }
  }));
  // Nothing any refused write tried may have landed.
  for (const t of world.tasks) {
    const comments = (await ok('GET', `${REST}/task/${t.id}/comment`, { user: 'admin' })).json;
    record('state after the probe', 'admin', `comments of ${t.id}`, comments.some(c => c.message.includes('R5-INTRUDER')) ? 'leak' : 'ok', 'an intruder comment landed');
    if (t.open) {
      const task = (await ok('GET', `${REST}/task/${t.id}`, { user: 'admin' })).json;
      record('state after the probe', 'admin', `assignee of ${t.id}`, task.assignee ? 'leak' : 'ok', `assignee ${task.assignee}`);
    }
  }
  const intruder = await call('GET', `${REST}/user/r5-intruder/profile`, { user: 'admin' });
  record('state after the probe', 'admin', 'r5-intruder', intruder.status === 404 ? 'ok' : 'leak', `${intruder.status}`);

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`R5 authorization matrix: ${users.length} users (${users.filter(u => u.role === 'department').length} department staff, `
    + `${users.filter(u => u.role === 'supervisor').length} supervisor, ${users.filter(u => u.role === 'admin').length} admin, `
    + `${users.filter(u => u.role === 'enterprise').length} enterprise), ${world.cases.length} cases, ${world.tasks.length} tasks (`
    + `${world.tasks.filter(t => t.open).length} open), ${seconds} s`);
  if (absent.length) console.log(`Contract users not present in this build (skipped): ${absent.join(', ')}`);
  console.log('\n| family | checks | leaks | wrong |\n|---|---:|---:|---:|');
  for (const [name, f] of [...results.families.entries()].sort()) console.log(`| ${name} | ${f.checks} | ${f.leaks} | ${f.wrong} |`);
  console.log(`\nchecks: ${results.checks}, leaks: ${results.leaks.length}, wrong answers: ${results.wrong.length}`);
  for (const l of results.leaks.slice(0, 50)) console.log(`LEAK  ${l}`);
  for (const w of results.wrong.slice(0, 50)) console.log(`WRONG ${w}`);
  process.exit(results.leaks.length || results.wrong.length ? 1 : 0);
}

main().catch(e => { console.error(`R5 failed: ${e.stack || e}`); process.exit(2); });
