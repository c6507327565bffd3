// Shared by the Tasklist trials (e2e-project-approval, e2e-land-supply): HTTP as curl does it, one fresh zh-CN browser
// per user, and the Tasklist and form-js steps a clerk takes. Reads PARKFLOW_URL, PARKFLOW_DEMO_PASSWORD and
// E2E_SCREENSHOTS like the scripts. Fields are filled with fill() and buttons activated with the DOM's click(): the
// webapps send Content-Security-Policy "sandbox ...", and headless Chromium driven over CDP does not deliver
// synthetic key and mouse events to such a document.
import { chromium } from 'playwright-core';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, check, results } from './browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE = (process.env.PARKFLOW_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const PASSWORD = process.env.PARKFLOW_DEMO_PASSWORD || 'demo';
export const SHOTS = resolve(process.env.E2E_SCREENSHOTS ?? join(ROOT, 'docs', 'screenshots'));
export const HAN = /\p{Script=Han}/u;
export const TIMEOUT = 30_000;
/** How long to wait for asynchronous continuations (job executor) and the outbox. */
export const ASYNC_TIMEOUT = 90_000;

/** Stops the scenario: later steps depend on this one. */
export function must(ok, what) {
  if (!check(ok, what)) {
    throw new Error(`cannot go on: ${what}`);
  }
}

export function section(title) {
  console.log(`\n== ${title}`);
}

export async function api(method, path, user, body, headers = {}) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Polls until test(value) holds; returns the last value (the caller checks it). */
export async function until(what, read, test, timeout = ASYNC_TIMEOUT) {
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

/** A fresh browser for one user, zh-CN, Beijing time; closed afterwards. */
export async function asUser(user, app, use) {
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
export async function logIn(page, user, app) {
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

export const click = (locator) => locator.evaluate((element) => element.click());

export async function screenshot(page, name) {
  await page.waitForTimeout(700); // let the last digest and the form paint
  const file = join(SHOTS, name);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
}

/** Tasklist: opens a filter by its name and the task with this id in its list. */
export async function openTask(page, filterName, taskId) {
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

/**
 * Tasklist: claims the open task and waits until the form shows the case code in the field labelled {@code caseLabel}
 * (the form's variables loaded).
 */
export async function claimAndWaitForForm(page, user, code, caseLabel = '项目代码') {
  const claim = page.locator('.task-details button.claim');
  await claim.waitFor();
  await click(claim);
  const assignee = await page.locator('.task-details .assignee').filter({ hasNotText: '认领' })
    .waitFor().then(() => true, () => false);
  check(assignee, `${user} claimed the task`);
  const form = page.locator('.task-details .fjs-form');
  await form.waitFor();
  const caseCode = field(page, caseLabel);
  await page.waitForFunction((input) => input.value !== '', await caseCode.elementHandle(), { timeout: TIMEOUT })
    .catch(() => {});
  return form;
}

/** A form-js field's input by its label (exactly; a required field's label ends with "*"), in the task form. */
export function field(page, label) {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);
  return page.locator('.task-details .fjs-form').getByLabel(exact);
}

/**
 * Types into a text field and leaves it, as a user does before pressing 完成: form-js takes typed text in after a
 * short debounce or when the field loses focus, and the DOM click on 完成 does not move the focus.
 */
export async function enter(page, label, text) {
  const input = field(page, label);
  await input.fill(text);
  await input.blur();
  return input;
}

export async function choose(page, decisionLabel) {
  const radio = field(page, decisionLabel);
  await click(radio);
  const chosen = await radio.isChecked();
  check(chosen, `办理结论 ${decisionLabel} chosen`);
}

/** Scrolls the task pane so that the element is in view (the pane scrolls, not the page). */
export async function scrollIntoView(locator, block = 'center') {
  await locator.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
}

/** Tasklist: presses 完成; returns the engine's answer to submit-form and the variables the form sent. */
export async function complete(page) {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/submit-form$/.test(r.url()));
  await click(page.locator('.task-details .form-actions button.btn-primary', { hasText: '完成' }));
  const res = await answer;
  const sent = JSON.parse(res.request().postData() ?? '{}').variables ?? {};
  const variables = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v?.value]));
  return { status: res.status(), text: await res.text().catch(() => ''), variables };
}

/** The form sent what the clerk entered. */
export function checkSent(who, sent, expected) {
  for (const [name, value] of Object.entries(expected)) {
    check(sent[name] === value, `${who}: the form sent ${name} = ${JSON.stringify(sent[name])}`);
  }
}

/**
 * Tasklist: presses 完成 expecting the server to refuse (400); checks the Chinese message Tasklist shows names the
 * field and that form-js added no (English) messages of its own. Returns the message.
 */
export async function refusal(page, who, fieldName, expected = {}) {
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
  return message;
}

export async function dismissNotifications(page) {
  for (const close of await page.locator('.page-notifications .alert button.close:visible').all()) {
    await click(close);
  }
}

export async function taskDisappears(page, taskId) {
  return page.locator(`li.task h4.task a[href="#/?task=${taskId}"]`).waitFor({ state: 'detached' })
    .then(() => true, () => false);
}


/** The tally at the end of a trial; exit status 1 when a check failed. */
export function report(name, started) {
  console.log(`\ne2e ${name}: ${results.passed} passed, ${results.failed.length} failed,`
    + ` ${Math.round((Date.now() - started) / 1000)} s`);
  results.failed.forEach((f) => console.log(`  FAILED: ${f.split('\n')[0]}`));
  if (results.failed.length > 0) {
    process.exitCode = 1;
  }
}
