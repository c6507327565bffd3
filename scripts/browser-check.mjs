// Browser check of the Chinese webapps against a running ParkFlow (default run, demo users).
//
//   PARKFLOW_URL=http://localhost:8080 node scripts/browser-check.mjs
//
// Usually started by scripts/browser-check.sh, which also starts the application. Uses playwright-core with
// Debian's Chromium (/usr/bin/chromium, or $CHROMIUM); it never downloads a browser. Each browser gets a fresh
// profile. What it checks:
//   - zh-CN: Tasklist's login page in Chinese; drc-clerk logs in and sees the filter 本部门待办 with Chinese labels;
//     supervisor logs in to Cockpit and sees the dashboard in Chinese;
//   - en-US: Tasklist's login page in English (no Chinese), and English labels after logging in.
// The expected labels are read from the locale files the server serves (locales/zh.json, locales/en.json), by key.
// Screenshots: docs/screenshots/tasklist-login.png, tasklist-filters.png, cockpit-dashboard.png (Chinese), and
// the English login page in the temporary folder (its path is printed).
//
// Why fields are filled and the form submitted through the DOM rather than typed and clicked: the webapps send
// Content-Security-Policy "sandbox ...", and headless Chromium driven over CDP does not deliver synthetic key and
// mouse events to such a document (seen with Chromium 156 and playwright-core 1.65; the same page without the
// sandbox directive takes them). Playwright's fill() sets the value and fires the input event as typing would.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, check, results } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = (process.env.PARKFLOW_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const PASSWORD = process.env.PARKFLOW_DEMO_PASSWORD || 'demo';
const SHOTS = join(ROOT, 'docs', 'screenshots');
const HAN = /\p{Script=Han}/u;
const TIMEOUT = 30_000;


/** The labels of one app's locale file, as the server serves it (the shipped en.json starts with a BOM). */
async function labels(app, locale) {
  const res = await fetch(`${BASE}/camunda/app/${app}/locales/${locale}.json`);
  if (!res.ok) {
    throw new Error(`GET locales/${locale}.json of ${app}: HTTP ${res.status}`);
  }
  return JSON.parse((await res.text()).replace(/^\uFEFF/, '')).labels;
}

/** A browser with a fresh profile in the given locale; closed and removed afterwards. */
async function withBrowser(locale, use) {
  const profile = mkdtempSync(join(tmpdir(), 'parkflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    await use(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const loginForm = (page) => page.locator('form[name="signinForm"]');

/** Opens an app's login page and waits until its button shows the expected label (translations are async). */
async function openLogin(page, app, signInLabel) {
  await page.goto(`${BASE}/camunda/app/${app}/`);
  const button = loginForm(page).locator('button[type="submit"]');
  await button.waitFor();
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.textContent.trim() === text,
    ['form[name="signinForm"] button[type="submit"]', signInLabel],
    { timeout: TIMEOUT },
  ).catch(() => {});
  return button;
}

async function logIn(page, user) {
  const form = loginForm(page);
  await form.locator('input[ng-model="username"]').fill(user);
  await form.locator('input[ng-model="password"]').fill(PASSWORD);
  await form.evaluate((f) => f.requestSubmit());
  await form.waitFor({ state: 'detached' });
}

async function bodyText(page) {
  return page.locator('body').innerText();
}

async function screenshot(page, file) {
  await page.waitForTimeout(500); // let the last digest paint
  await page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
}

async function chineseTasklist(zh) {
  await withBrowser('zh-CN', async (page) => {
    const button = await openLogin(page, 'tasklist', zh.PAGE_LOGIN_SIGN_IN_ACTION);
    const form = loginForm(page);
    const buttonText = (await button.textContent()).trim();
    const userHint = await form.locator('input[ng-model="username"]').getAttribute('placeholder');
    const passwordHint = await form.locator('input[ng-model="password"]').getAttribute('placeholder');
    check(buttonText === zh.PAGE_LOGIN_SIGN_IN_ACTION && HAN.test(buttonText),
      `Tasklist login button in Chinese: "${buttonText}"`);
    check(userHint === zh.PAGE_LOGIN_USERNAME && HAN.test(userHint), `username field in Chinese: "${userHint}"`);
    check(passwordHint === zh.PAGE_LOGIN_PASSWORD && HAN.test(passwordHint),
      `password field in Chinese: "${passwordHint}"`);
    await screenshot(page, join(SHOTS, 'tasklist-login.png'));

    await logIn(page, 'drc-clerk');
    const filter = page.getByText('本部门待办').first();
    const filterShown = await filter.waitFor().then(() => true, () => false);
    check(filterShown, 'drc-clerk logged in to Tasklist and sees the filter 本部门待办');
    const text = await bodyText(page);
    for (const key of ['START_PROCESS', 'CREATE_TASK']) {
      check(text.includes(zh[key]) && HAN.test(zh[key]), `Tasklist shows ${key} in Chinese: "${zh[key]}"`);
    }
    await screenshot(page, join(SHOTS, 'tasklist-filters.png'));
  });
}

async function chineseCockpit(zh) {
  await withBrowser('zh-CN', async (page) => {
    await openLogin(page, 'cockpit', zh.PAGE_LOGIN_SIGN_IN_ACTION);
    await logIn(page, 'supervisor');
    const dashboard = await page.waitForURL(/#\/dashboard/).then(() => true, () => false);
    check(dashboard, `supervisor logged in to Cockpit and is on the dashboard (${page.url()})`);
    await page.getByText(zh.DASHBOARD_RUNNING_PROCESS_INSTANCE).first().waitFor().catch(() => {});
    const text = await bodyText(page);
    for (const key of ['COCKPIT_PROCESSES', 'COCKPIT_DECISIONS', 'DASHBOARD_RUNNING_PROCESS_INSTANCE',
      'DASHBOARD_OPEN_INCIDENTS']) {
      check(text.includes(zh[key]) && HAN.test(zh[key]), `Cockpit shows ${key} in Chinese: "${zh[key]}"`);
    }
    await screenshot(page, join(SHOTS, 'cockpit-dashboard.png'));
  });
}

async function englishTasklist(en, zh) {
  await withBrowser('en-US', async (page) => {
    const button = await openLogin(page, 'tasklist', en.PAGE_LOGIN_SIGN_IN_ACTION);
    const form = loginForm(page);
    const buttonText = (await button.textContent()).trim();
    const userHint = await form.locator('input[ng-model="username"]').getAttribute('placeholder');
    check(buttonText === en.PAGE_LOGIN_SIGN_IN_ACTION, `English browser: login button "${buttonText}"`);
    check(userHint === en.PAGE_LOGIN_USERNAME, `English browser: username field "${userHint}"`);
    const loginText = await bodyText(page);
    check(!HAN.test(loginText), 'English browser: no Chinese on the login page');
    await screenshot(page, join(tmpdir(), 'parkflow-tasklist-login-en.png'));

    await logIn(page, 'drc-clerk');
    await page.getByText('本部门待办').first().waitFor().catch(() => {});
    const text = await bodyText(page);
    check(text.includes(en.START_PROCESS), `English browser: Tasklist shows "${en.START_PROCESS}"`);
    check(!text.includes(zh.START_PROCESS) && !text.includes(zh.CREATE_TASK),
      'English browser: no Chinese UI labels (filter names are data and stay Chinese)');
  });
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`Browser check against ${BASE} with ${CHROMIUM}`);
  const tasklistZh = await labels('tasklist', 'zh');
  const tasklistEn = await labels('tasklist', 'en');
  const cockpitZh = await labels('cockpit', 'zh');
  await chineseTasklist(tasklistZh);
  await chineseCockpit(cockpitZh);
  await englishTasklist(tasklistEn, tasklistZh);
  console.log(`browser check: ${results.passed} passed, ${results.failed.length} failed`);
  if (results.failed.length > 0) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
