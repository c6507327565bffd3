// End-to-end trial of project approval (project-approval) against a running ParkFlow (default run, demo users,
// background schedulers on), as real users do it:
//   1. enterprise-a applies over HTTP (POST /api/projects with docs/examples/application.json);
//   2. park-admin-clerk claims 受理审查 in Tasklist, sees the application's facts, presses 完成 without a decision
//      and then with 不予受理 but no opinion (each refused with a Chinese message naming the field, the task stays),
//      then accepts;
//   3. each department with a 部门审查 task (from openSteps[].department) claims and completes it in Tasklist: one
//      returns it (退回补正: first refused without the missing items, then with opinion and missing items), the
//      others approve; enterprise-a supplements over HTTP and the returning department approves the reopened task;
//   4. park-admin-clerk approves 联审决定, seeing every department's opinion;
//   5. enterprise-a follows the case by its code: 已批准, every department's decision and opinion;
//   6. every notice to enterprise-a is in the outbox (GET /api/admin/outbox as admin);
//   7. supervisor sees the process in Cockpit.
// A second case (enterprise-b) is left at intake so that Cockpit also shows a running instance. Along the way it
// checks that each form sends what the clerk entered, that the steps, opinions and notices reach the applicant, and
// that Tasklist's relative dates are Chinese ("到期 8 天后").
// Exit status 1 when any check fails; the summary at the end lists them.
//
//   PARKFLOW_URL=http://localhost:8080 node scripts/e2e-project-approval.mjs
//
// Usually started by scripts/e2e-project-approval.sh, which also starts (and stops) the application. Uses
// playwright-core with Debian's Chromium (/usr/bin/chromium, or $CHROMIUM), browser locale zh-CN and time zone
// Asia/Shanghai; each user gets a fresh browser. Screenshots: docs/screenshots/e2e-01-intake-form.png,
// e2e-02-decision-error.png, e2e-03-department-review.png, e2e-04-joint-decision.png, e2e-05-cockpit.png (or the
// folder $E2E_SCREENSHOTS).
//
// As in scripts/browser-check.mjs, fields are filled with fill() and buttons, links and radio buttons activated
// with the DOM's click() rather than synthetic mouse events: the webapps send Content-Security-Policy "sandbox ...",
// and headless Chromium driven over CDP does not deliver synthetic key and mouse events to such a document.
import { chromium } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, apiClient, check, results } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = (process.env.PARKFLOW_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const PASSWORD = process.env.PARKFLOW_DEMO_PASSWORD || 'demo';
const SHOTS = resolve(process.env.E2E_SCREENSHOTS ?? join(ROOT, 'docs', 'screenshots'));
const APPLICATION = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'application.json'), 'utf8'));
const HAN = /\p{Script=Han}/u;
const TIMEOUT = 30_000;
/** How long to wait for asynchronous continuations (job executor) and the outbox. */
const ASYNC_TIMEOUT = 90_000;
const APPLICANT_MAIL = APPLICATION.contactEmail;
const JOINT_OPINION = '各部门审查均同意，准予批准。';


/** Stops the scenario: later steps depend on this one. */
function must(ok, what) {
  if (!check(ok, what)) {
    throw new Error(`cannot go on: ${what}`);
  }
}

function section(title) {
  console.log(`\n== ${title}`);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP, as curl would do it

const api = apiClient(BASE, PASSWORD);

async function caseOf(code) {
  const res = await api('GET', `/api/projects/${code}`, 'enterprise-a');
  if (res.status !== 200) {
    throw new Error(`GET /api/projects/${code}: HTTP ${res.status} ${res.text}`);
  }
  return res.json;
}

/** Polls until test(value) holds; returns the last value (the caller checks it). */
async function until(what, read, test, timeout = ASYNC_TIMEOUT) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!test(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 1000));
    value = await read();
  }
  if (!test(value)) {
    console.log(`     waited ${timeout / 1000} s for ${what}`);
  }
  return value;
}

const openStepsOf = (view, department) => view.openSteps.filter((s) => s.department === department);

// ---------------------------------------------------------------------------------------------------------------
// Browser

/** A fresh browser for one user, zh-CN, Beijing time; closed afterwards. */
async function asUser(user, app, use) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: app === 'cockpit' ? { width: 1600, height: 1000 } : { width: 1366, height: 1000 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => console.log(`     page error (${user}): ${error.message}`));
    await logIn(page, user, app);
    await use(page);
  } finally {
    await browser.close();
  }
}

/**
 * Logs in through the app's own login form. The form is filled once AngularJS has bound it (its submit button is
 * translated); should the app still re-render it under our hands, the values are entered again (at most 3 times).
 */
async function logIn(page, user, app) {
  await page.goto(`${BASE}/camunda/app/${app}/`);
  const form = page.locator('form[name="signinForm"]');
  await form.locator('button[type="submit"]').filter({ hasText: HAN }).waitFor();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await form.locator('input[ng-model="username"]').fill(user);
    await form.locator('input[ng-model="password"]').fill(PASSWORD);
    if (await form.evaluate((f) => f.classList.contains('ng-valid')).catch(() => false)) {
      await form.evaluate((f) => f.requestSubmit());
    }
    if (await form.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false)) {
      return;
    }
  }
  const error = await page.locator('.notifications, .page-notifications').innerText().catch(() => '');
  throw new Error(`${user} could not log in to ${app}: ${error.trim() || 'the login form stayed'}`);
}

const click = (locator) => locator.evaluate((element) => element.click());

async function screenshot(page, name) {
  await page.waitForTimeout(700); // let the last digest and the form paint
  const file = join(SHOTS, name);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
}

/** Tasklist: opens a filter by its name and the task with this id in its list. */
async function openTask(page, filterName, taskId) {
  const filter = page.locator('.task-filter', { has: page.locator('h4.name a', { hasText: filterName }) });
  await filter.waitFor();
  await click(filter);
  const item = page.locator('li.task', { has: page.locator(`h4.task a[href="#/?task=${taskId}"]`) });
  const link = item.locator('h4.task a');
  const listed = await link.waitFor().then(() => true, () => false);
  must(listed, `Tasklist: the task ${taskId} is listed under ${filterName}`);
  // Relative dates come from moment.js with the locale file's dateLocales: "到期 8 天后", not "in 8 days".
  const due = (await item.locator('.due-date').innerText()).trim();
  check(!/[A-Za-z]/.test(due), `Tasklist shows the due date in Chinese: "${due}"`);
  await click(link);
  await page.locator('.task-details h2.task').waitFor();
}

/** Tasklist: claims the open task and waits until the form shows the case code (the form's variables loaded). */
async function claimAndWaitForForm(page, user, code) {
  const claim = page.locator('.task-details button.claim');
  await claim.waitFor();
  await click(claim);
  const assignee = await page.locator('.task-details .assignee').filter({ hasNotText: '认领' })
    .waitFor().then(() => true, () => false);
  check(assignee, `${user} claimed the task`);
  const form = page.locator('.task-details .fjs-form');
  await form.waitFor();
  const caseCode = field(page, '项目代码');
  await page.waitForFunction((input) => input.value !== '', await caseCode.elementHandle(), { timeout: TIMEOUT })
    .catch(() => {});
  return form;
}

/** A form-js field's input by its label (exactly; a required field's label ends with "*"), in the task form. */
function field(page, label) {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);
  return page.locator('.task-details .fjs-form').getByLabel(exact);
}

async function readFacts(page) {
  const facts = {};
  for (const [key, label] of [['caseCode', '项目代码'], ['enterpriseName', '企业名称'], ['caseTitle', '项目名称'],
    ['industryCode', '行业大类代码（GB/T 4754-2017）'], ['totalInvestment', '总投资（万元）'],
    ['landArea', '新增用地面积（亩）'], ['annualEnergyTce', '年综合能耗（吨标准煤）']]) {
    facts[key] = await field(page, label).inputValue();
  }
  facts.hazardousChemicals = await field(page, '涉及危险化学品').isChecked();
  return facts;
}

function checkFacts(facts, code, who) {
  check(facts.caseCode === code, `${who}: form shows 项目代码 ${facts.caseCode}`);
  check(facts.enterpriseName === APPLICATION.enterpriseName, `${who}: form shows 企业名称 ${facts.enterpriseName}`);
  check(facts.caseTitle === APPLICATION.projectName, `${who}: form shows 项目名称 ${facts.caseTitle}`);
  check(facts.industryCode === APPLICATION.industryCode, `${who}: form shows 行业大类代码 ${facts.industryCode}`);
  check(Number(facts.totalInvestment) === APPLICATION.totalInvestment,
    `${who}: form shows 总投资 ${facts.totalInvestment} 万元`);
  check(Number(facts.landArea) === APPLICATION.landArea, `${who}: form shows 新增用地面积 ${facts.landArea} 亩`);
  check(Number(facts.annualEnergyTce) === APPLICATION.annualEnergyTce,
    `${who}: form shows 年综合能耗 ${facts.annualEnergyTce} 吨标准煤`);
  check(facts.hazardousChemicals === APPLICATION.hazardousChemicals,
    `${who}: form shows 涉及危险化学品 ${facts.hazardousChemicals ? '是' : '否'}`);
}

/**
 * Types into a text field and leaves it, as a user does before pressing 完成: form-js takes typed text in after a
 * short debounce or when the field loses focus, and the DOM click on 完成 does not move the focus.
 */
async function enter(page, label, text) {
  const input = field(page, label);
  await input.fill(text);
  await input.blur();
  return input;
}

async function choose(page, decisionLabel) {
  const radio = field(page, decisionLabel);
  await click(radio);
  const chosen = await radio.isChecked();
  check(chosen, `办理结论 ${decisionLabel} chosen`);
}

/** Scrolls the task pane so that the element is in view (the pane scrolls, not the page). */
async function scrollIntoView(locator, block = 'center') {
  await locator.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
}

/** Tasklist: presses 完成; returns the engine's answer to submit-form and the variables the form sent. */
async function complete(page) {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/submit-form$/.test(r.url()));
  await click(page.locator('.task-details .form-actions button.btn-primary', { hasText: '完成' }));
  const res = await answer;
  const sent = JSON.parse(res.request().postData() ?? '{}').variables ?? {};
  const variables = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v?.value]));
  return { status: res.status(), text: await res.text().catch(() => ''), variables };
}

/** The form sent what the clerk entered. */
function checkSent(who, sent, expected) {
  for (const [name, value] of Object.entries(expected)) {
    check(sent[name] === value, `${who}: the form sent ${name} = ${JSON.stringify(sent[name])}`);
  }
}

/**
 * Tasklist: presses 完成 expecting the server to refuse (400); checks the Chinese message Tasklist shows names the
 * field, that form-js added no (English) messages of its own, and that the task stays open. Returns the case.
 */
async function refused(page, who, code, taskId, fieldName, expected = {}) {
  await dismissNotifications(page);
  const res = await complete(page);
  checkSent(who, res.variables, expected);
  check(res.status === 400, `${who}: refused with HTTP ${res.status}`);
  const notice = page.locator('.page-notifications .alert-danger .message').filter({ hasText: fieldName });
  const shown = await notice.first().waitFor().then(() => true, () => false);
  const message = shown ? (await notice.first().innerText()).trim() : '';
  check(shown && HAN.test(message), `${who}: Tasklist shows the Chinese error naming ${fieldName}: "${message}"`);
  const formErrors = await page.locator('.task-details .fjs-form-field-error').allInnerTexts();
  check(formErrors.every((e) => !/[A-Za-z]{3,}/.test(e)),
    `${who}: no English form messages (${formErrors.join(' | ')})`);
  const still = await caseOf(code);
  check(still.openSteps.some((s) => s.taskId === taskId), `${who}: the task stays open`);
  return still;
}

async function dismissNotifications(page) {
  for (const close of await page.locator('.page-notifications .alert button.close:visible').all()) {
    await click(close);
  }
}

async function taskDisappears(page, taskId) {
  return page.locator(`li.task h4.task a[href="#/?task=${taskId}"]`).waitFor({ state: 'detached' })
    .then(() => true, () => false);
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario

async function apply() {
  section('1. enterprise-a applies: POST /api/projects');
  const res = await api('POST', '/api/projects', 'enterprise-a', APPLICATION, { 'Idempotency-Key': randomUUID() });
  must(res.status === 201, `POST /api/projects → ${res.status} (201 expected) ${res.status === 201 ? '' : res.text}`);
  const code = res.json?.projectCode;
  must(typeof code === 'string' && code.length === 24, `project code ${code}`);
  check(res.headers.get('location') === `/api/projects/${code}`, `Location: ${res.headers.get('location')}`);
  check(res.json.status === '受理中', `status ${res.json.status}`);

  // A second case, by enterprise-b, stays at intake: Cockpit then shows a running instance.
  const other = { ...APPLICATION, enterpriseName: '瑞洪电子科技有限公司', creditCode: '91360124MA3AQ0KD27',
    projectName: '智能终端生产线项目', industryCode: '39', landArea: 0, annualEnergyTce: 300,
    contactEmail: 'enterprise-b@parkflow.local' };
  const second = await api('POST', '/api/projects', 'enterprise-b', other, { 'Idempotency-Key': randomUUID() });
  check(second.status === 201, `enterprise-b applies too (left at intake for Cockpit) → ${second.status}`);
  return { code, waitingCode: second.json?.projectCode };
}

async function intakeReview(code) {
  section('2. park-admin-clerk: 受理审查 in Tasklist');
  const view = await caseOf(code);
  const intake = openStepsOf(view, 'park-admin').find((s) => s.name === '受理审查');
  must(intake !== undefined, `the case has an open 受理审查 for park-admin (${JSON.stringify(view.openSteps)})`);

  await asUser('park-admin-clerk', 'tasklist', async (page) => {
    await openTask(page, '本部门待办', intake.taskId);
    check((await page.locator('.task-details h2.task').innerText()).trim() === '受理审查', 'task 受理审查 opened');
    await claimAndWaitForForm(page, 'park-admin-clerk', code);
    checkFacts(await readFacts(page), code, 'intake form');
    await screenshot(page, 'e2e-01-intake-form.png');

    await scrollIntoView(field(page, '审查意见'));
    await refused(page, 'intake without a decision', code, intake.taskId, '办理结论');

    await choose(page, '不予受理');
    await enter(page, '审查意见', '');
    await scrollIntoView(field(page, '受理'), 'start');
    const still = await refused(page, '不予受理 without an opinion', code, intake.taskId, '意见（opinion）',
      { decision: 'reject', opinion: '' });
    check(still.status === '受理中', `the case stays ${still.status}`);
    await screenshot(page, 'e2e-02-decision-error.png');

    await choose(page, '受理');
    await enter(page, '审查意见', '材料齐全，符合法定形式，予以受理。');
    const done = await complete(page);
    checkSent('intake', done.variables, { decision: 'approve', opinion: '材料齐全，符合法定形式，予以受理。' });
    check(done.status === 204, `受理 completes the task: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
    check(await taskDisappears(page, intake.taskId), 'the task left 本部门待办');
  });
}

async function departmentReview(code, step, decision) {
  const user = `${step.department}-clerk`;
  await asUser(user, 'tasklist', async (page) => {
    await openTask(page, '本部门待办', step.taskId);
    const title = (await page.locator('.task-details h2.task').innerText()).trim();
    check(title === step.name, `${user} opened "${title}"`);
    await claimAndWaitForForm(page, user, code);
    checkFacts(await readFacts(page), code, `${user}'s form`);
    const reviewName = await field(page, '审查事项').inputValue();
    const department = await field(page, '承办部门').inputValue();
    const checks = await field(page, '审查要点').inputValue();
    check(reviewName !== '' && step.name.includes(reviewName), `${user}'s form shows 审查事项 ${reviewName}`);
    check(department === step.departmentName, `${user}'s form shows 承办部门 ${department}`);
    check(HAN.test(checks), `${user}'s form shows 审查要点 (${checks.length} characters)`);

    const missingItems = '需补正的材料（一次性告知，每行一项）';
    check(await field(page, missingItems).count() === 0, `${user}: no field for missing items before 退回补正`);
    await choose(page, decision.label);
    await enter(page, '审查意见', decision.opinion);
    if (decision.missingItems) {
      const visible = await field(page, missingItems).waitFor().then(() => true, () => false);
      check(visible, `${user}: 退回补正 shows the field for the missing items`);
      await scrollIntoView(field(page, missingItems));
      await refused(page, `${user}: 退回补正 without the missing items`, code, step.taskId, '需补正的材料',
        { decision: 'return', opinion: decision.opinion });
      await dismissNotifications(page);
      await enter(page, missingItems, decision.missingItems);
    }
    if (decision.screenshot) {
      await scrollIntoView(field(page, '审查意见'));
      await screenshot(page, decision.screenshot);
    }
    const done = await complete(page);
    checkSent(user, done.variables, { decision: decision.value, opinion: decision.opinion,
      ...(decision.missingItems ? { missingItems: decision.missingItems } : {}) });
    check(done.status === 204, `${user}: ${decision.label} completes "${step.name}": HTTP ${done.status}`
      + (done.status === 204 ? '' : ` ${done.text}`));
    check(await taskDisappears(page, step.taskId), `${user}: the task left 本部门待办`);
  });
}

/**
 * Every department review: one (the land pre-review when there is one) is returned and approved after the
 * supplement, the others approve. Returns the departments with the opinion of their final approval, by step.
 */
async function departmentReviews(code) {
  section('3. departments: 部门审查 in Tasklist');
  const view = await until('the department reviews to open', () => caseOf(code),
    (v) => v.status === '审查中' && v.openSteps.some((s) => s.department !== 'park-admin'));
  must(view.status === '审查中', `case accepted: status ${view.status}, stage ${view.stage}`);
  const steps = view.openSteps.filter((s) => s.name.startsWith('部门审查'));
  must(steps.length > 0 && steps.length === view.openSteps.length,
    `department reviews opened: ${view.openSteps.map((s) => `${s.name} → ${s.department}`).join('; ')}`);
  console.log(`     departments with a review: ${[...new Set(steps.map((s) => s.department))].join(', ')}`);
  const returning = steps.find((s) => s.department === 'natural-resources') ?? steps[0];
  const approvals = [];

  for (const step of steps) {
    if (step === returning) {
      await departmentReview(code, step, {
        label: '退回补正',
        value: 'return',
        opinion: '用地预审材料不全，需补正后再审。',
        missingItems: '项目用地红线图（1:500，加盖测绘单位公章）\n拟用地权属证明材料',
        screenshot: 'e2e-03-department-review.png',
      });
    } else {
      const opinion = `${step.departmentName}：经审查，符合要求，同意。`;
      await departmentReview(code, step, { label: '同意', value: 'approve', opinion });
      approvals.push({ ...step, opinion });
    }
  }

  const waiting = await until('the return to wait for the applicant', () => caseOf(code),
    (v) => v.pendingSupplements.length > 0);
  check(waiting.status === '补正中' && waiting.pendingSupplements.length === 1,
    `the case waits for the supplement: status ${waiting.status}, ${JSON.stringify(waiting.pendingSupplements)}`);

  section('3b. enterprise-a supplements: POST /api/projects/{code}/supplement');
  const supplement = await api('POST', `/api/projects/${code}/supplement`, 'enterprise-a',
    { note: '已补充项目用地红线图和拟用地权属证明材料。', changes: {} }, { 'Idempotency-Key': randomUUID() });
  check(supplement.status === 200, `supplement → HTTP ${supplement.status}, status ${supplement.json?.status}`
    + (supplement.status === 200 ? '' : ` ${supplement.text}`));

  const isReopened = (s) => s.taskId !== returning.taskId && s.name === returning.name;
  const reopened = await until(`the ${returning.department} review to reopen`, () => caseOf(code),
    (v) => openStepsOf(v, returning.department).some(isReopened));
  const again = openStepsOf(reopened, returning.department).find(isReopened);
  must(again !== undefined, `${returning.department} has a fresh "${returning.name}" (due ${again?.due})`);
  check(reopened.status === '审查中', `after the supplement the case is ${reopened.status}`);
  const opinion = `${returning.departmentName}：补正材料齐全，经审查符合要求，同意。`;
  await departmentReview(code, again, { label: '同意', value: 'approve', opinion });
  approvals.push({ ...again, opinion });
  return approvals;
}

async function jointDecision(code, approvals) {
  section('4. park-admin-clerk: 联审决定 in Tasklist');
  const view = await until('the joint decision to open', () => caseOf(code),
    (v) => v.openSteps.some((s) => s.name === '联审决定'));
  const step = view.openSteps.find((s) => s.name === '联审决定');
  must(step !== undefined && step.department === 'park-admin',
    `联审决定 is open for ${step?.departmentName} (stage ${view.stage})`);

  await asUser('park-admin-clerk', 'tasklist', async (page) => {
    await openTask(page, '本部门待办', step.taskId);
    await claimAndWaitForForm(page, 'park-admin-clerk', code);
    checkFacts(await readFacts(page), code, 'joint decision form');
    const summary = await field(page, '审查结果汇总').inputValue();
    console.log(`     审查结果汇总:\n${summary.replace(/^/gm, '       ')}`);
    for (const { departmentName, opinion } of approvals) {
      check(summary.includes(departmentName) && summary.includes(opinion),
        `审查结果汇总 shows ${departmentName}'s opinion`);
    }
    check(!(await field(page, '不予批准').isChecked()), 'no department rejected: 不予批准 is not preselected');
    await choose(page, '批准');
    await enter(page, '联审意见', JOINT_OPINION);
    await scrollIntoView(field(page, '审查结果汇总'));
    await screenshot(page, 'e2e-04-joint-decision.png');
    const done = await complete(page);
    checkSent('joint decision', done.variables, { decision: 'approve', opinion: JOINT_OPINION });
    check(done.status === 204, `批准 completes 联审决定: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
}

async function follow(code, approvals) {
  section('5. enterprise-a follows the case: GET /api/projects/{code}');
  // 已批准 shows at once; the approval notice and the land-supply mark follow in an asynchronous step.
  const view = await until('the case to be approved and the approval notice sent', () => caseOf(code),
    (v) => v.status === '已批准' && v.notices.some((n) => n.subject.includes('【批准通知】')));
  check(view.status === '已批准', `status ${view.status}, stage ${view.stage}`);
  check(view.openSteps.length === 0, `no open steps (${view.openSteps.length})`);
  check(view.landSupplyRequired === APPLICATION.landArea > 0,
    `land supply required: ${view.landSupplyRequired} (新增用地 ${APPLICATION.landArea} 亩)`);
  for (const s of view.finishedSteps) {
    console.log(`     ${s.completedAt}  ${s.departmentName ?? '-'}  ${s.name}  ${s.decision}  ${s.opinion ?? ''}`
      + `${s.missingItems ? `  补正：${s.missingItems.replace(/\n/g, '；')}` : ''}  (${s.completedBy})`);
  }
  for (const { department, departmentName, name, opinion } of approvals) {
    const steps = view.finishedSteps.filter((s) => s.department === department && s.name === name);
    check(steps.some((s) => s.decision === 'approve' && s.opinion === opinion
      && s.completedBy === `${department}-clerk` && s.departmentName === departmentName),
    `finished steps: ${departmentName} ${steps.map((s) => s.decision).join(' → ')}, opinion "${opinion}"`);
  }
  check(view.finishedSteps.some((s) => s.decision === 'return' && s.opinion && s.missingItems),
    'finished steps: the return with its opinion and missing items');
  check(view.finishedSteps.some((s) => s.name === '受理审查' && s.decision === 'approve'
    && s.completedBy === 'park-admin-clerk'), 'finished steps: 受理审查 approve by park-admin-clerk');
  check(view.finishedSteps.some((s) => s.name === '联审决定' && s.decision === 'approve' && s.opinion === JOINT_OPINION),
    'finished steps: 联审决定 approve with its opinion');
  return view;
}

async function outbox(view, approvals) {
  section(`6. the outbox: GET /api/admin/outbox?to=${APPLICANT_MAIL} as admin`);
  const read = async () => {
    const res = await api('GET', `/api/admin/outbox?to=${encodeURIComponent(APPLICANT_MAIL)}`, 'admin');
    if (res.status !== 200) {
      throw new Error(`outbox: HTTP ${res.status} ${res.text}`);
    }
    return res.json.filter((m) => m.caseCode === view.projectCode);
  };
  // Each notice is written by an asynchronous step; the approval notice is the last.
  const mails = await until('the approval notice in the outbox', read,
    (list) => list.some((m) => m.subject.includes('【批准通知】')) && list.length >= view.notices.length);
  for (const m of [...mails].reverse()) {
    console.log(`     ${m.createdAt}  [${m.status}]  ${m.subject}`);
  }
  const subjects = [...mails].reverse().map((m) => m.subject);
  const count = (tag) => subjects.filter((s) => s.includes(tag)).length;
  check(count('【受理通知】') === 1, `outbox: one 受理通知 (${count('【受理通知】')})`);
  check(count('【补正告知】') === 1, `outbox: one 补正告知 (${count('【补正告知】')})`);
  check(count('【审查结果】') === approvals.length,
    `outbox: one 审查结果 per department review (${count('【审查结果】')} of ${approvals.length})`);
  check(count('【批准通知】') === 1, `outbox: one 批准通知 (${count('【批准通知】')})`);
  check(subjects.every((s) => HAN.test(s)), 'every subject is in Chinese');
  check(mails.every((m) => m.body && m.body.includes(view.projectCode)), 'every notice names the project code');
  const supplementRequest = mails.find((m) => m.subject.includes('【补正告知】'));
  check(supplementRequest?.body.includes('项目用地红线图') && supplementRequest.body.includes('拟用地权属证明材料'),
    '补正告知 lists every missing item (一次性告知)');
  const approval = mails.find((m) => m.subject.includes('【批准通知】'));
  for (const { departmentName, opinion } of approvals) {
    check(approval?.body.includes(departmentName) && approval.body.includes(opinion),
      `批准通知 gives ${departmentName}'s opinion`);
  }
  check(view.notices.length === mails.length,
    `the case lists the same ${view.notices.length} notices as the outbox (${mails.length})`);
  return subjects;
}

async function cockpit(waitingCode) {
  section('7. supervisor: Cockpit');
  await asUser('supervisor', 'cockpit', async (page) => {
    await page.waitForURL(/#\/dashboard/);
    await page.goto(`${BASE}/camunda/app/cockpit/default/#/processes`);
    const row = page.locator('a', { hasText: '投资项目审批' }).first();
    const listed = await row.waitFor().then(() => true, () => false);
    must(listed, 'Cockpit lists 投资项目审批');
    await click(row);
    await page.waitForURL(/#\/process-definition\//);
    const diagram = await page.locator('.djs-container').first().waitFor().then(() => true, () => false);
    check(diagram, 'Cockpit shows the diagram of 投资项目审批');
    const running = await page.getByText(waitingCode).first().waitFor().then(() => true, () => false);
    check(running, `Cockpit lists the running case ${waitingCode} (left at intake)`);
    const text = await page.locator('body').innerText();
    check(text.includes('投资项目审批') && text.includes('流程实例') && text.includes('运行中的实例'),
      'Cockpit shows the process in Chinese');
    await screenshot(page, 'e2e-05-cockpit.png');
  });
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  console.log(`project-approval end to end against ${BASE} with ${CHROMIUM}`);
  let subjects = [];
  try {
    const { code, waitingCode } = await apply();
    console.log(`     project code ${code}`);
    await intakeReview(code);
    const approvals = await departmentReviews(code);
    await jointDecision(code, approvals);
    const view = await follow(code, approvals);
    subjects = await outbox(view, approvals);
    await cockpit(waitingCode);
  } catch (error) {
    check(false, `scenario stopped: ${error.stack ?? error}`);
  }
  console.log(`\nOutbox subjects to ${APPLICANT_MAIL}:`);
  subjects.forEach((s) => console.log(`  - ${s}`));
  console.log(`\ne2e project-approval: ${results.passed} passed, ${results.failed.length} failed,`
    + ` ${Math.round((Date.now() - started) / 1000)} s`);
  results.failed.forEach((f) => console.log(`  FAILED: ${f.split('\n')[0]}`));
  if (results.failed.length > 0) {
    process.exitCode = 1;
  }
}

main();
