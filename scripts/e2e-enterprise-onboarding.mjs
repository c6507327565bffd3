// End-to-end trial of enterprise admission (enterprise-onboarding) against a running ParkFlow (default run, demo
// users, background schedulers on), as real users do it:
//   1. enterprise-a applies over HTTP (POST /api/admissions): the screening table answers 需评估 with its reasons; a
//      second application (an electroplating shop, on the park's negative list) is refused at once (不予入园, no task);
//   2. investment-promotion-clerk records the site visit and approves 初步评估 in Tasklist;
//   3. each department the assessment table chose (openSteps[].department) claims and completes 入园评估 in Tasklist;
//   4. park-admin-clerk decides 入园决定 (主任办公会) in Tasklist, seeing every department's opinion, with incentives
//      within the park's own power;
//   5. investment-promotion-clerk signs the agreement in Tasklist: first with the yearly drill a firm with hazardous
//      chemicals may not have (refused, the Chinese message names drillFrequency, the task stays), then complete;
//   6. park-admin-clerk names the liaison (investment-promotion-clerk) in Tasklist;
//   7. the liaison and the enterprise are warned of the start date, once each (the warning scan runs every few
//      seconds in this trial: PARKFLOW_ONBOARDING_MILESTONE_WARNING_CRON, set by the .sh);
//   8. the enterprise reports its milestones over HTTP, the last with the first year's tax; the liaison follows the
//      case (GET /api/admissions/{number}); the enterprise applies for a project naming its admission number;
//   9. every notice to enterprise-a and to the liaison is in the outbox (GET /api/admin/outbox as admin);
//  10. supervisor sees 企业入园 in Cockpit.
// Exit status 1 when any check fails; the summary at the end lists them.
//
//   PARKFLOW_URL=http://localhost:8080 node scripts/e2e-enterprise-onboarding.mjs
//
// Usually started by scripts/e2e-enterprise-onboarding.sh, which also starts (and stops) the application. Browser and
// HTTP helpers: scripts/lib/tasklist.mjs. Screenshots: docs/screenshots/e2e-onboarding-01-preliminary.png,
// -02-assessment.png, -03-decision.png, -04-agreement-error.png, -05-agreement.png, -06-cockpit.png (or the folder
// $E2E_SCREENSHOTS).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from './lib/browser.mjs';
import {
  HAN, api, asUser, checkSent, choose, claimAndWaitForForm, complete, enter, field, must, openProcessInCockpit,
  openTask, refused, runTrial, screenshot as screenshotIn, scrollIntoView, section, shotsFolder, taskDisappears, until,
} from './lib/tasklist.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = shotsFolder(ROOT);
const ENTERPRISE_MAIL = 'enterprise-a@parkflow.local';
const LIAISON = 'investment-promotion-clerk';
const LIAISON_MAIL = `${LIAISON}@parkflow.local`;
const PROJECT_NAME = `年产3万吨环保涂料项目 ${randomUUID().slice(0, 6)}`;

/** Beijing's today plus some days, as YYYY-MM-DD. */
function day(plus = 0) {
  const now = new Date(Date.now() + 8 * 3600_000 + plus * 86_400_000);
  return now.toISOString().slice(0, 10);
}

/** The agreed dates: the start 20 days ahead, inside the 30-day warning period; the later ones beyond it. */
const AGREED = { startDate: day(20), completionDate: day(200), productionDate: day(260), fullOutputDate: day(400) };

/** A paint works (26) on 30 亩 with wastewater and hazardous chemicals: screening 需评估, four assessments. */
const APPLICATION = {
  enterpriseName: '赣江新材料有限公司',
  creditCode: '91360124MA39PFL7XC',
  projectName: PROJECT_NAME,
  industryCode: '26',
  productDescription: '水性工业涂料和树脂的生产',
  totalInvestment: 3500,
  fixedAssetInvestment: 3000,
  landArea: 30,
  annualOutput: 20000,
  annualTax: 450,
  annualEnergyTce: 1200,
  annualWaterTonnes: 30000,
  pollutants: [{ kind: 'wastewater', amount: 1200, unit: '吨/年' }],
  hazardousChemicals: true,
  occupationalHazards: true,
  jobs: 120,
  rdIntensity: 2.5,
  plannedStart: AGREED.startDate,
  plannedProduction: AGREED.productionDate,
  contactEmail: ENTERPRISE_MAIL,
};

const screenshot = (page, name) => screenshotIn(page, SHOTS, name);

async function caseOf(number, user = 'enterprise-a') {
  const res = await api('GET', `/api/admissions/${number}`, user);
  if (res.status !== 200) {
    throw new Error(`GET /api/admissions/${number} as ${user}: HTTP ${res.status} ${res.text}`);
  }
  return res.json;
}

/** Opens the case's open step for this department in Tasklist as its clerk, claims it and checks the form's facts. */
async function openStep(page, user, number, step) {
  await openTask(page, '本部门待办', step.taskId);
  const title = (await page.locator('.task-details h2.task').innerText()).trim();
  check(title === step.name, `${user} opened "${title}"`);
  await claimAndWaitForForm(page, user, '入园编号');
  check(await field(page, '入园编号').inputValue() === number, `${user}'s form shows 入园编号 ${number}`);
  check(await field(page, '企业名称').inputValue() === APPLICATION.enterpriseName, `${user}'s form shows 企业名称`);
  check(await field(page, '项目名称').inputValue() === PROJECT_NAME, `${user}'s form shows 项目名称`);
}

async function finish(page, user, step, expected) {
  const done = await complete(page);
  if (done.status !== 204) {
    console.log(`     the form sent ${JSON.stringify(done.variables)}`);
  }
  checkSent(user, done.variables, expected);
  check(done.status === 204, `${user} completes "${step.name}": HTTP ${done.status}`
    + (done.status === 204 ? '' : ` ${done.text}`));
  check(await taskDisappears(page, step.taskId), `${user}: the task left 本部门待办`);
}

async function waitForStep(number, name) {
  const view = await until(`${name} to open`, () => caseOf(number),
    (v) => v.openSteps.some((s) => s.name.startsWith(name)));
  const steps = view.openSteps.filter((s) => s.name.startsWith(name));
  must(steps.length > 0, `${name} is open (${view.status}, ${JSON.stringify(view.openSteps.map((s) => s.name))})`);
  return { view, steps };
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario

async function apply() {
  section('1. enterprise-a applies: POST /api/admissions');
  const res = await api('POST', '/api/admissions', 'enterprise-a', APPLICATION, { 'Idempotency-Key': randomUUID() });
  must(res.status === 201, `POST /api/admissions → ${res.status} (201 expected) ${res.status === 201 ? '' : res.text}`);
  const number = res.json.admissionNumber;
  must(/^RY-\d{4}-\d{4}$/.test(number), `admission number ${number}`);
  check(res.headers.get('location') === `/api/admissions/${number}`, `Location: ${res.headers.get('location')}`);
  check(res.json.status === '预审中', `status ${res.json.status}`);
  check(res.json.screening?.result === 'review' && res.json.screening.reasons.length > 0,
    `screening 需评估: ${res.json.screening?.reasons.join('；')}`);

  const plating = { ...APPLICATION, projectName: `电镀加工项目 ${randomUUID().slice(0, 6)}`,
    productDescription: '独立电镀加工' };
  const refusedCase = await api('POST', '/api/admissions', 'enterprise-a', plating);
  check(refusedCase.status === 201 && refusedCase.json.status === '不予入园'
    && refusedCase.json.openSteps.length === 0,
  `the negative list refuses at once: ${refusedCase.status} ${refusedCase.json?.status}, `
    + `${refusedCase.json?.screening?.reasons.join('；')}`);
  return { number, refusedNumber: refusedCase.json?.admissionNumber };
}

async function preliminary(number) {
  section('2. investment-promotion-clerk: 初步评估 in Tasklist');
  const { steps: [step] } = await waitForStep(number, '初步评估');
  check(step.department === 'investment-promotion', `初步评估 is for ${step.departmentName}`);
  const user = 'investment-promotion-clerk';
  await asUser(user, 'tasklist', async (page) => {
    await openStep(page, user, number, step);
    check((await field(page, '筛查理由').inputValue()).length > 0, 'the form shows the screening reasons');
    const visit = '考察投资方在南昌的现有工厂：年产值 1.8 亿元，纳税 420 万元，水性涂料工艺，无环保处罚记录。';
    await enter(page, '实地考察记录（投资方现有企业的产值、税收、工艺、能耗）', visit);
    await choose(page, '同意进入部门评估');
    await enter(page, '意见', '现有企业经营正常，同意进入部门评估。');
    await screenshot(page, 'e2e-onboarding-01-preliminary.png');
    await finish(page, user, step, { decision: 'approve', siteVisit: visit });
  });
}

async function assessments(number) {
  section('3. departments: 入园评估 in Tasklist');
  const { view, steps } = await waitForStep(number, '入园评估');
  check(view.status === '评估中', `status ${view.status}`);
  console.log(`     assessments: ${steps.map((s) => `${s.name} → ${s.department}`).join('; ')}`);
  check(steps.length >= 3, `the table chose ${steps.length} assessments`);
  check(new Set(steps.map((s) => s.name)).size === steps.length, 'each assessment task is named after its assessment');
  const opinions = [];
  for (const [i, step] of steps.entries()) {
    const user = `${step.department}-clerk`;
    const opinion = `${step.departmentName}：经评估，符合入园条件，同意。`;
    await asUser(user, 'tasklist', async (page) => {
      await openStep(page, user, number, step);
      const item = await field(page, '本任务评估事项').inputValue();
      check(item !== '' && step.name.endsWith(item), `${user}'s form shows 本任务评估事项 ${item}`);
      const all = await field(page, '本案全部评估事项（决策表结果）').inputValue();
      check(all.split('\n').length === steps.length && HAN.test(all), `${user}'s form lists all ${steps.length} assessments`);
      await choose(page, '同意入园');
      await enter(page, '意见', opinion);
      if (i === 0) {
        await screenshot(page, 'e2e-onboarding-02-assessment.png');
      }
      await finish(page, user, step, { decision: 'approve', opinion });
    });
    opinions.push({ departmentName: step.departmentName, opinion });
  }
  return opinions;
}

async function decision(number, opinions) {
  section('4. park-admin-clerk: 入园决定 (主任办公会) in Tasklist');
  const { view, steps: [step] } = await waitForStep(number, '入园决定');
  check(view.status === '待决定', `status ${view.status}`);
  const user = 'park-admin-clerk';
  await asUser(user, 'tasklist', async (page) => {
    await openStep(page, user, number, step);
    const all = await field(page, '各部门评估意见').inputValue();
    for (const { opinion } of opinions) {
      check(all.includes(opinion), `各部门评估意见 shows "${opinion}"`);
    }
    await choose(page, '同意入园');
    await enter(page, '意见', '主任办公会研究，同意入园。');
    await enter(page, '拟给予的优惠政策', '按园区标准政策给予厂房建设补助');
    await enter(page, '优惠政策折合金额（万元）', '100');
    await scrollIntoView(field(page, '各部门评估意见'));
    await screenshot(page, 'e2e-onboarding-03-decision.png');
    await finish(page, user, step, { decision: 'approve' });
  });
}

/** A form-js date field: typed in the format its placeholder shows, then left. */
async function enterDate(page, label, iso) {
  const input = page.locator('.task-details .fjs-form').getByLabel(label, { exact: false }).first();
  const format = (await input.getAttribute('placeholder')) ?? 'yyyy-mm-dd';
  const [y, m, d] = iso.split('-');
  const text = format.toLowerCase().replace('yyyy', y).replace('mm', m).replace('dd', d);
  await input.fill(text);
  await input.press('Enter').catch(() => {});
  await input.blur();
}

async function agreement(number) {
  section('5. investment-promotion-clerk: 签订入园协议 in Tasklist');
  const { view, steps: [step] } = await waitForStep(number, '签订入园协议');
  check(view.status === '协议签订中', `status ${view.status}`);
  const user = 'investment-promotion-clerk';
  const agreementNumber = `JXKF-${number}`;
  await asUser(user, 'tasklist', async (page) => {
    await openStep(page, user, number, step);
    await enter(page, '协议编号', agreementNumber);
    await enter(page, '承诺固定资产投资（万元）', '3000');
    await enter(page, '承诺投资强度（万元/亩，新增用地项目必填）', '100');
    await enter(page, '承诺达产亩均税收（万元/亩/年，新增用地项目必填）', '15');
    for (const [label, key] of [['开工日期', 'startDate'], ['竣工日期', 'completionDate'], ['投产日期', 'productionDate'],
      ['达产日期', 'fullOutputDate']]) {
      await enterDate(page, label, AGREED[key]);
    }
    await choose(page, '已签订安全生产责任书');
    await choose(page, '二级');
    await choose(page, '每年一次');
    await choose(page, '约定特种作业人员持证上岗');
    await choose(page, '约定每年对照责任书考核');
    await choose(page, '已签署综合告知承诺书');
    await refused(page, `${user}: a yearly drill for a firm with hazardous chemicals`, 'drillFrequency',
      { drillFrequency: 'yearly', ...AGREED }, async () => (await caseOf(number)).openSteps
        .some((s) => s.taskId === step.taskId));
    await screenshot(page, 'e2e-onboarding-04-agreement-error.png');
    await choose(page, '每半年一次（涉及危险化学品的高风险企业）');
    await scrollIntoView(field(page, '协议编号'));
    await screenshot(page, 'e2e-onboarding-05-agreement.png');
    await finish(page, user, step, { agreementNumber, drillFrequency: 'half-yearly', safetyLetterSigned: true });
  });
  const signed = await caseOf(number);
  check(signed.agreement?.agreementNumber === agreementNumber && signed.agreement.startDate === AGREED.startDate,
    `the case holds the agreement ${signed.agreement?.agreementNumber}, start ${signed.agreement?.startDate}`);
}

async function liaison(number) {
  section('6. park-admin-clerk: 确定联络员 in Tasklist');
  const { steps: [step] } = await waitForStep(number, '确定联络员');
  const user = 'park-admin-clerk';
  await asUser(user, 'tasklist', async (page) => {
    await openStep(page, user, number, step);
    await enter(page, '联络员（工作人员用户名）', LIAISON);
    await finish(page, user, step, { liaison: LIAISON });
  });
  const view = await until('the liaison to be recorded', () => caseOf(number), (v) => v.liaison === LIAISON);
  check(view.liaison === LIAISON && view.status === '已签约', `liaison ${view.liaison}, status ${view.status}`);
  check(view.milestones.length === 4 && view.milestones[0].agreed === AGREED.startDate,
    `milestones agreed: ${view.milestones.map((m) => `${m.name} ${m.agreed}`).join(', ')}`);
}

async function outboxOf(to) {
  const res = await api('GET', `/api/admin/outbox?to=${encodeURIComponent(to)}&limit=500`, 'admin');
  if (res.status !== 200) {
    throw new Error(`outbox: HTTP ${res.status} ${res.text}`);
  }
  return res.json;
}

async function warnings(number) {
  section('7. the warning before the agreed start date (30 days, parkflow.onboarding.milestone-warning)');
  const warned = (list) => list.filter((m) => m.caseCode === number && m.subject.startsWith('【节点提醒】'));
  const toEnterprise = await until('the enterprise\'s warning', () => outboxOf(ENTERPRISE_MAIL).then(warned),
    (l) => l.length > 0);
  const toLiaison = await until('the liaison\'s warning', () => outboxOf(LIAISON_MAIL).then(warned),
    (l) => l.length > 0);
  check(toEnterprise.length === 1 && toEnterprise[0].body.includes(AGREED.startDate),
    `the enterprise is warned of 开工 ${AGREED.startDate}: ${toEnterprise.map((m) => m.subject).join(' | ')}`);
  check(toLiaison.length === 1 && toLiaison[0].body.includes(`联络员 ${LIAISON}`),
    `the liaison is warned: ${toLiaison.map((m) => m.subject).join(' | ')}`);
  await new Promise((r) => setTimeout(r, 12_000)); // a few more scans
  const again = [...warned(await outboxOf(ENTERPRISE_MAIL)), ...warned(await outboxOf(LIAISON_MAIL))];
  check(again.length === 2, `after more scans still one warning each (${again.length})`);
}

async function milestones(number) {
  section('8. the enterprise reports its milestones; the liaison follows; a project names the admission');
  const path = `/api/admissions/${number}/milestones`;
  const report = (milestone, extra = {}) => api('POST', path, 'enterprise-a',
    { milestone, date: day(0), investedAmount: 3000, ...extra }, { 'Idempotency-Key': randomUUID() });
  const started = await report('started', { investedAmount: 800, note: '桩基工程开工' });
  check(started.status === 201 && started.json.status === '已开工'
    && started.json.milestones[0].progressColour === '绿',
  `开工 reported: ${started.status} ${started.json?.status} ${started.json?.milestones?.[0]?.progressColour}`);
  const early = await report('production');
  check(early.status === 409 && HAN.test(early.json?.detail ?? ''), `投产 before 竣工 → ${early.status} ${early.json?.detail}`);
  const followed = await caseOf(number, LIAISON);
  check(followed.milestones[0].reported === day(0) && followed.liaison === LIAISON,
    `the liaison reads the case: ${followed.milestones.map((m) => `${m.name} ${m.reported ?? '—'}`).join(', ')}`);
  for (const m of ['completed', 'production']) {
    const res = await report(m);
    check(res.status === 201, `${m} reported: ${res.status} ${res.json?.status}`);
  }
  const full = await report('full-output', { actualTax: 405 });
  const tax = full.json?.taxPerMu;
  check(full.status === 201 && full.json.status === '已达产', `达产达效 reported: ${full.status} ${full.json?.status}`);
  check(tax?.agreed === 15 && tax.actual === 13.5 && tax.shortfall === 1.5,
    `first year at full output: ${JSON.stringify(tax)} (405 万元 over 30 亩 against 15 万元/亩)`);

  const project = {
    enterpriseName: APPLICATION.enterpriseName, creditCode: APPLICATION.creditCode, projectName: PROJECT_NAME,
    industryCode: '26', location: '进贤县产业园区新材料片区', constructionScaleAndContent: '新建涂料生产厂房 1.2 万平方米',
    totalInvestment: 3500, fixedAssetInvestment: 3000, landArea: 30, annualEnergyTce: 1200, annualElectricityKwh: 300,
    hazardousChemicals: true, expectedAnnualTax: 450, industrialPolicyDeclaration: true, contactEmail: ENTERPRISE_MAIL,
    admissionNumber: number,
  };
  const applied = await api('POST', '/api/projects', 'enterprise-a', project, { 'Idempotency-Key': randomUUID() });
  check(applied.status === 201 && applied.json.admissionNumber === number,
    `the project application names ${number}: ${applied.status} ${applied.json?.projectCode ?? applied.text}`);
  const linked = await caseOf(number);
  check(linked.projects.some((p) => p.projectCode === applied.json?.projectCode),
    `the admission case lists the project: ${JSON.stringify(linked.projects)}`);
}

async function outbox(number, refusedNumber) {
  section(`9. the outbox: GET /api/admin/outbox?to=${ENTERPRISE_MAIL} and ?to=${LIAISON_MAIL} as admin`);
  const mails = (await outboxOf(ENTERPRISE_MAIL)).filter((m) => m.caseCode === number || m.caseCode === refusedNumber)
    .reverse();
  const toLiaison = (await outboxOf(LIAISON_MAIL)).filter((m) => m.caseCode === number).reverse();
  for (const m of [...mails, ...toLiaison]) {
    console.log(`     ${m.createdAt}  [${m.status}]  ${m.to}  ${m.subject}`);
  }
  const count = (tag, list = mails) => list.filter((m) => m.subject.startsWith(tag)).length;
  check(count('【不予入园通知】') === 1, `outbox: one 不予入园通知 for the refused case (${count('【不予入园通知】')})`);
  check(count('【同意入园通知】') === 1, `outbox: one 同意入园通知 (${count('【同意入园通知】')})`);
  check(count('【入园协议已签订】') === 1, `outbox: one 入园协议已签订 (${count('【入园协议已签订】')})`);
  check(count('【节点提醒】') === 1 && count('【节点提醒】', toLiaison) === 1,
    `outbox: one 节点提醒 to the enterprise and one to the liaison (${count('【节点提醒】')}, `
    + `${count('【节点提醒】', toLiaison)})`);
  const refusal = mails.find((m) => m.subject.startsWith('【不予入园通知】'));
  check(refusal?.body.includes('电镀') && refusal.body.includes('招商服务窗口'),
    '不予入园通知 gives the reason and whom to contact');
  check([...mails, ...toLiaison].every((m) => HAN.test(m.subject)), 'every subject is in Chinese');
  console.log(`     statuses: ${[...new Set(mails.map((m) => m.status))].join(', ')}`);
  return [...mails, ...toLiaison].map((m) => `${m.to}: ${m.subject}`);
}

async function cockpit(number) {
  section('10. supervisor: Cockpit');
  await asUser('supervisor', 'cockpit', async (page) => {
    await openProcessInCockpit(page, '企业入园');
    const text = await page.locator('body').innerText();
    check(text.includes('企业入园') && text.includes('流程实例'), `Cockpit shows the process in Chinese (${number} ended)`);
    await screenshot(page, 'e2e-onboarding-06-cockpit.png');
  });
}

runTrial('enterprise-onboarding', 'Outbox', async (listing) => {
  mkdirSync(SHOTS, { recursive: true });
  const { number, refusedNumber } = await apply();
  console.log(`     admission number ${number}`);
  await preliminary(number);
  const opinions = await assessments(number);
  await decision(number, opinions);
  await agreement(number);
  await liaison(number);
  await warnings(number);
  await milestones(number);
  listing.push(...await outbox(number, refusedNumber));
  await cockpit(number);
});
