// Trial of idle-land-recovery against a running ParkFlow (default run, demo users), as its users meet it:
//   A. a natural-resources clerk opens a case for an idle parcel (POST /api/idle-land-cases); the clerks work their
//      steps as Tasklist does (the engine REST API's submit-form, the same request and the same checks), the holder
//      (enterprise-a) answers over the API: statement, hearing request; a recovery after 18 months is refused (400
//      naming decision), the fee goes through hearing, legality review, county approval and payment → 已征缴;
//   B. a stopped plant of enterprise-b goes through 租赁转产 with a producer's enterprise-onboarding case linked →
//      已盘活.
// Tasklist screenshots of three forms (headless Chromium, zh-CN): docs/screenshots/idle-*.png.
// Exit status 1 when any check fails.
//
//   PARKFLOW_URL=http://localhost:8080 node scripts/trial-idle-land.mjs      (scripts/trial-idle-land.sh starts it)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, apiClient, check, results } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = (process.env.PARKFLOW_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const PASSWORD = process.env.PARKFLOW_DEMO_PASSWORD || 'demo';
const SHOTS = resolve(process.env.E2E_SCREENSHOTS ?? join(ROOT, 'docs', 'screenshots'));
const HAN = /\p{Script=Han}/u;

const api = apiClient(BASE, PASSWORD);

function must(ok, what) {
  if (!check(ok, what)) {
    throw new Error(`cannot go on: ${what}`);
  }
}

const today = new Date();
const isoDate = (d) => d.toISOString().slice(0, 10);
const monthsAgo = (n) => isoDate(new Date(today.getFullYear(), today.getMonth() - n, today.getDate(), 12));
const daysFromNow = (n) => isoDate(new Date(today.getTime() + n * 86_400_000));
const parcelCode = () => `360124${String(100 + Math.floor(Math.random() * 900))}${String(100 + Math.floor(
  Math.random() * 900))}GB${String(10000 + Math.floor(Math.random() * 90000))}`;

/** The one open task of the case at this step, as the given clerk sees it. */
async function task(parcel, step, user) {
  const res = await api('GET', `/engine-rest/task?processInstanceBusinessKey=${parcel}&taskDefinitionKey=${step}`,
    user);
  must(res.status === 200 && res.json.length === 1, `${user} sees ${step} of ${parcel}`);
  return res.json[0].id;
}

/** Completes the step as Tasklist does (submit-form with typed variables). */
async function submit(parcel, step, user, values) {
  const id = await task(parcel, step, user);
  const variables = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v,
    type: typeof v === 'boolean' ? 'Boolean' : 'String' }]));
  return api('POST', `/engine-rest/task/${id}/submit-form`, user, { variables });
}

async function done(parcel, step, user, values) {
  const res = await submit(parcel, step, user, values);
  must(res.status === 204, `${user} completes ${step} (HTTP ${res.status} ${res.text})`);
}

async function caseOf(parcel, user = 'enterprise-a') {
  const res = await api('GET', `/api/idle-land-cases/${parcel}`, user);
  must(res.status === 200, `GET /api/idle-land-cases/${parcel} as ${user}`);
  return res.json;
}

async function screenshotTask(user, taskId, name) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 1100 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${BASE}/camunda/app/tasklist/`);
    const form = page.locator('form[name="signinForm"]');
    await form.locator('button[type="submit"]').filter({ hasText: HAN }).waitFor();
    await form.locator('input[ng-model="username"]').fill(user);
    await form.locator('input[ng-model="password"]').fill(PASSWORD);
    await form.evaluate((f) => f.requestSubmit());
    await form.waitFor({ state: 'detached' });
    await page.goto(`${BASE}/camunda/app/tasklist/default/#/?task=${taskId}`);
    await page.locator('.task-details .fjs-form').waitFor();
    await page.waitForTimeout(1500);
    const text = await page.locator('.task-details').innerText();
    check(HAN.test(text) && text.includes('办理结论'), `Tasklist shows the ${name} form in Chinese to ${user}`);
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, `idle-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`     screenshot ${file}`);
  } finally {
    await browser.close();
  }
}

async function branchA() {
  console.log('\n== A: idle land, holder-caused, 18 months → fee');
  const parcel = parcelCode();
  const opened = await api('POST', '/api/idle-land-cases', 'natural-resources-clerk', {
    parcelCode: parcel, kind: 'idle', holderCreditCode: '91360124MA39PFL7XC', holderName: '赣江新材料有限公司',
    facts: { price: 1234.5, areaMu: 42.5, agreedStart: monthsAgo(18), agreedHandOver: monthsAgo(24),
      actualHandOver: monthsAgo(24), committedInvestment: 15000, contractNumber: '3601242024B00031',
      location: '进贤经济开发区创业路 6 号' },
  });
  must(opened.status === 201, `natural-resources-clerk opens the case (HTTP ${opened.status} ${opened.text})`);
  check((await api('POST', '/api/idle-land-cases', 'park-admin-clerk', {})).status === 403,
    'park-admin-clerk may not open a case (403)');
  await screenshotTask('natural-resources-clerk', await task(parcel, 'userTask_openInvestigation',
    'natural-resources-clerk'), '01-open-investigation');
  await done(parcel, 'userTask_openInvestigation', 'natural-resources-clerk', { decision: 'approve' });
  let c = await caseOf(parcel);
  check(c.status === '待陈述', `the holder sees 待陈述 and ${c.decisions[0]?.title} ${c.decisions[0]?.number}`);
  check((await api('GET', `/api/idle-land-cases/${parcel}`, 'enterprise-b')).status === 404,
    'enterprise-b gets 404 for the parcel');
  const statement = await api('POST', `/api/parcels/${parcel}/idle-land-statement`, 'enterprise-a',
    { use: '已完成场地平整，主体未动工', reasons: '资金未到位', evidence: ['银行贷款审批意见'] });
  must(statement.status === 200 && statement.json.status === '认定中', 'the holder states its case → 认定中');
  await screenshotTask('natural-resources-clerk', await task(parcel, 'userTask_determineCause',
    'natural-resources-clerk'), '02-determine-cause');
  await done(parcel, 'userTask_determineCause', 'natural-resources-clerk',
    { decision: 'holder', opinion: '未提出第八条政府原因的证据，属土地使用权人原因。' });
  await done(parcel, 'userTask_issueDetermination', 'natural-resources-clerk', { decision: 'approve' });
  const recovery = await submit(parcel, 'userTask_draftDecision', 'natural-resources-clerk',
    { decision: 'recovery', opinion: '拟无偿收回。' });
  check(recovery.status === 400 && recovery.json?.errors?.[0]?.field === 'decision'
    && recovery.json.errors[0].message.includes('未满两年'), `a recovery after 18 months is refused: ${recovery.text}`);
  await done(parcel, 'userTask_draftDecision', 'natural-resources-clerk',
    { decision: 'fee', opinion: '闲置满一年，拟征缴土地闲置费。' });
  c = await caseOf(parcel);
  check(c.status === '听证告知中' && c.draft.fee === '246.9', `听证告知中, fee ${c.draft.fee} 万元`);
  const hearing = await api('POST', `/api/parcels/${parcel}/hearing-request`, 'enterprise-a', { reason: '对闲置时间有异议' });
  must(hearing.status === 200 && hearing.json.status === '听证中', 'the holder requests a hearing → 听证中');
  await screenshotTask('natural-resources-clerk', await task(parcel, 'userTask_holdHearing',
    'natural-resources-clerk'), '03-hold-hearing');
  const early = await submit(parcel, 'userTask_holdHearing', 'natural-resources-clerk', { decision: 'uphold',
    opinion: '维持。', noticeServedOn: daysFromNow(0), hearingDate: daysFromNow(3), hearingRecord: '企业陈述资金困难' });
  check(early.status === 400 && early.text.includes('hearingDate'), 'a hearing 3 days after the notice is refused');
  await done(parcel, 'userTask_holdHearing', 'natural-resources-clerk', { decision: 'uphold', opinion: '维持拟作决定。',
    noticeServedOn: daysFromNow(0), hearingDate: daysFromNow(10), hearingRecord: '企业陈述资金困难，无政府原因证据' });
  await done(parcel, 'userTask_legalReview', 'justice-clerk', { decision: 'approve' });
  await done(parcel, 'userTask_approveDecision', 'county-government-clerk', { decision: 'approve' });
  c = await caseOf(parcel);
  const fee = c.decisions.find((d) => d.kind === 'fee-decision');
  check(c.status === '待履行' && fee?.organ === '进贤县自然资源和规划局' && /〔\d{4}〕\d+号/.test(fee?.number ?? ''),
    `待履行; ${fee?.title} ${fee?.organ} ${fee?.number} ${fee?.date}`);
  await done(parcel, 'userTask_confirmCompliance', 'finance-clerk', { decision: 'complied', opinion: '已缴纳。' });
  c = await caseOf(parcel);
  check(c.status === '已征缴' && c.openSteps.length === 0, `已征缴; ${c.decisions.length} documents, `
    + `${c.notices.length} notices to the holder, ${c.finishedSteps.length} finished steps`);
}

async function branchB() {
  console.log('\n== B: stopped plant, 租赁转产 with a linked onboarding case');
  const admission = await api('POST', '/api/admissions', 'enterprise-a', {
    enterpriseName: '赣江新材料有限公司', creditCode: '91360124MA39PFL7XC', projectName: '租赁厂房转产 电子元件',
    industryCode: '39', productDescription: '片式电容器的生产', totalInvestment: 3000, fixedAssetInvestment: 2000,
    rentedFloorM2: 8000, annualOutput: 8000, annualTax: 300, annualEnergyTce: 50, annualWaterTonnes: 2000,
    pollutants: [], hazardousChemicals: false, occupationalHazards: false, jobs: 120, rdIntensity: 3,
    plannedStart: daysFromNow(60), plannedProduction: daysFromNow(200), contactEmail: 'invest@ganjiang.example.com',
  });
  must(admission.status === 201, `the producer applies for admission (HTTP ${admission.status} ${admission.text})`);
  const number = admission.json.admissionNumber;
  const parcel = parcelCode();
  const opened = await api('POST', '/api/idle-land-cases', 'natural-resources-clerk', {
    parcelCode: parcel, kind: 'stopped-plant', holderCreditCode: '91360124MA3AQ0KD27', holderName: '瑞洪电子科技有限公司',
    facts: { areaMu: 30, agreedStart: monthsAgo(60), startedOn: monthsAgo(60), completedOn: monthsAgo(36),
      productionStoppedOn: monthsAgo(8), committedInvestment: 10000, investedAmount: 4000 },
  });
  must(opened.status === 201, 'natural-resources-clerk opens a stopped-plant case');
  await done(parcel, 'userTask_assessStoppedPlant', 'park-admin-clerk', { decision: 'approve',
    equipment: '两条生产线完好', debts: '银行贷款 3000 万元', insolvent: 'false', courtSeized: 'false', holderPlan: 'lease' });
  await done(parcel, 'userTask_chooseRoute', 'park-admin-clerk', { decision: 'lease-conversion',
    opinion: '按决策表建议，引进生产企业租赁转产。' });
  await done(parcel, 'userTask_findProducer', 'investment-promotion-clerk', { decision: 'approve',
    admissionNumber: number });
  await done(parcel, 'userTask_signLease', 'investment-promotion-clerk', { decision: 'approve',
    leaseNumber: 'ZL-2026-03', rent: '150.5' });
  await done(parcel, 'userTask_recordRevival', 'park-admin-clerk', { decision: 'approve',
    newHolder: '91360124MA39PFL7XC', newHolderName: '赣江新材料有限公司', freedMu: '30' });
  const c = await caseOf(parcel, 'park-admin-clerk');
  check(c.status === '已盘活' && c.route === 'lease-conversion' && c.outcome.freedMu === 30,
    `已盘活 by ${c.routeLabel}, ${c.outcome.freedMu} 亩 freed`);
  check(c.links.some((l) => l.process === 'enterprise-onboarding' && l.key === number),
    `the producer's admission ${number} is linked`);
  check((await api('GET', `/api/idle-land-cases/${parcel}`, 'enterprise-a')).status === 404,
    'enterprise-a (not the holder) gets 404');
}

try {
  await branchA();
  await branchB();
} catch (e) {
  console.log(`FAIL ${e.message}`);
  results.failed.push(e.message);
}
console.log(`\n${results.passed} checks passed, ${results.failed.length} failed`);
results.failed.forEach((f) => console.log(`  - ${f}`));
process.exit(results.failed.length === 0 ? 0 : 1);
