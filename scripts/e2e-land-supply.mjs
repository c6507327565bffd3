// End-to-end trial of land supply (land-supply) against a running ParkFlow (default run, demo users, background
// schedulers on), as real users do it:
//   1. enterprise-a applies for a project that needs 80 亩 (docs/examples/application.json) and the departments approve
//      it through the engine REST API (scripts/e2e-project-approval.mjs walks those steps in Tasklist);
//   2. the approval starts the land case: enterprise-a finds it by the project code, the project's case lists it;
//   3. natural-resources-clerk designates the parcel in Tasklist (a wrong parcel code first: refused, naming
//      parcelCode), then sets the planning conditions (a plot ratio below the table first: refused);
//   4. finance-clerk sets the reserve price in Tasklist (below the grade's national minimum first: refused);
//   5. county-government-clerk approves the supply plan in Tasklist;
//   6. the announcement (20 days) and listing (10 days) timers are fired by admin through the engine REST API, as if
//      the days had passed;
//   7. trading-centre-clerk records the sale in Tasklist (a price below the reserve first: refused);
//   8. natural-resources-clerk opens the contract in Tasklist and signs it (dates: engine REST, as form-js date pickers
//      cannot be typed into reliably headless); enterprise-a follows the parcel and is warned before the payment;
//   9. finance confirms both payments, natural-resources hands the land over (engine REST, dates) and registers the
//      title in Tasklist; the parcel is 供后监管中;
//  10. every notice to enterprise-a is in the outbox.
// Exit status 1 when any check fails. Screenshots: docs/screenshots/e2e-land-*.png (or $E2E_SCREENSHOTS).
//
//   PARKFLOW_URL=http://localhost:8080 node scripts/e2e-land-supply.mjs    (usually via scripts/e2e-land-supply.sh)
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, check } from './lib/browser.mjs';
import { BASE, HAN, SHOTS, api, asUser, checkSent, choose, claimAndWaitForForm, complete, enter, field, must,
  openTask, refusal, report, screenshot, scrollIntoView, section, taskDisappears, until } from './lib/tasklist.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPLICATION = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'application.json'), 'utf8'));
const CASE_LABEL = '案件编号（宗地代码或项目代码）';
const PARCEL_CODE = `360124001003GB${String(Date.now() % 100000).padStart(5, '0').replace(/^00000$/, '00001')}`;
const WINNER = { code: APPLICATION.creditCode, name: APPLICATION.enterpriseName };
const MAIL = APPLICATION.contactEmail;

function day(offset) {
  const beijing = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return beijing.toISOString().substring(0, 10);
}

const vars = (values) => ({ variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });

async function parcel(key, user = 'enterprise-a') {
  const res = await api('GET', `/api/parcels/${key}`, user);
  return res.status === 200 ? res.json : null;
}

/** The open step of the parcel for a department, read as that department's clerk. */
async function openStep(key, department, name) {
  const view = await until(`${name} to open`, () => parcel(key, `${department}-clerk`),
    (v) => v !== null && v.openSteps.some((s) => s.name === name));
  const step = view?.openSteps.find((s) => s.name === name);
  must(step !== undefined && step.department === department, `${name} is open for ${department} (${view?.status})`);
  return step;
}

/** Opens the department's step in Tasklist as its clerk, claims it and hands the page (with the form loaded) over. */
async function inTasklist(key, department, name, use) {
  const step = await openStep(key, department, name);
  const user = `${department}-clerk`;
  await asUser(user, 'tasklist', async (page) => {
    await openTask(page, '本部门待办', step.taskId);
    await claimAndWaitForForm(page, user, key, CASE_LABEL);
    await use(page, step);
  });
}

/** A step completed through the engine REST API by the department's clerk (steps with date fields). */
async function completeByRest(key, department, name, values) {
  const step = await openStep(key, department, name);
  const res = await api('POST', `/engine-rest/task/${step.taskId}/complete`, `${department}-clerk`, vars(values));
  check(res.status === 204, `${department}-clerk completes ${name} through the engine REST API: HTTP ${res.status}`
    + (res.status === 204 ? '' : ` ${res.text}`));
}

async function approveProject() {
  section('1. enterprise-a applies for a project with 80 亩 of new land; the departments approve it');
  const res = await api('POST', '/api/projects', 'enterprise-a', APPLICATION, { 'Idempotency-Key': randomUUID() });
  must(res.status === 201, `POST /api/projects → ${res.status} ${res.status === 201 ? '' : res.text}`);
  const code = res.json.projectCode;
  const end = Date.now() + 180_000;
  let status = res.json.status;
  while (status !== '已批准' && Date.now() < end) {
    const tasks = await api('GET', `/engine-rest/task?processInstanceBusinessKey=${code}`, 'admin');
    for (const task of tasks.json ?? []) {
      const links = await api('GET', `/engine-rest/task/${task.id}/identity-links`, 'admin');
      const group = (links.json ?? []).find((l) => l.type === 'candidate' && l.groupId)?.groupId;
      const done = await api('POST', `/engine-rest/task/${task.id}/complete`, `${group}-clerk`,
        vars({ decision: 'approve', opinion: '经审查，符合要求，同意。' }));
      check(done.status === 204, `${group}-clerk approves ${task.name}: HTTP ${done.status}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    status = (await api('GET', `/api/projects/${code}`, 'enterprise-a')).json?.status;
  }
  must(status === '已批准', `project ${code} approved (${status})`);
  return code;
}

async function landCaseStarts(code) {
  section('2. the approval started the land case');
  const view = await until('the land case', () => parcel(code), (v) => v !== null);
  must(view !== null, `GET /api/parcels/${code} (by the project code) answers the land case`);
  check(view.status === '待落实用地' && view.projectCode === code && view.parcelCode === null,
    `status ${view.status}, project ${view.projectCode}, no parcel code yet`);
  check(Number(view.parcel.areaMu) === APPLICATION.landArea, `area ${view.parcel.areaMu} 亩 from the project`);
  const project = (await api('GET', `/api/projects/${code}`, 'enterprise-a')).json;
  check(project.linkedCases?.some((l) => l.process === 'land-supply' && l.status === '待落实用地'),
    `the project's case lists its land case: ${JSON.stringify(project.linkedCases)}`);
}

async function designate(code) {
  section('3. natural-resources-clerk: 落实宗地和用地指标, 拟定规划条件 in Tasklist');
  await inTasklist(code, 'natural-resources', '落实宗地和用地指标', async (page) => {
    await enter(page, '宗地代码', `${PARCEL_CODE.substring(0, 13)}C${PARCEL_CODE.substring(14)}`);
    await enter(page, '宗地坐落', APPLICATION.location);
    await enter(page, '土地等别（1–15）', '9');
    await enter(page, '行业大类代码（GB/T 4754-2017）', APPLICATION.industryCode);
    await enter(page, '规划用途', '工业用地（新材料制造）');
    await choose(page, '有指标，直接供应');
    await screenshot(page, 'e2e-land-01-designate.png');
    await scrollIntoView(field(page, '宗地代码'));
    await refusal(page, 'a wrong 宗地特征码', 'parcelCode');
    await screenshot(page, 'e2e-land-02-parcel-code-refused.png');
    await enter(page, '宗地代码', PARCEL_CODE);
    const done = await complete(page);
    checkSent('designation', done.variables, { parcelCode: PARCEL_CODE, quota: 'available' });
    check(done.status === 204, `designation completes: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
  const view = await until('the case under its parcel code', () => parcel(PARCEL_CODE), (v) => v !== null);
  must(view?.parcelCode === PARCEL_CODE, `the case is found by its parcel code ${PARCEL_CODE} (${view?.status})`);
  check(view.links.some((l) => l.process === 'project-approval' && l.key === code), 'its links name the project');

  await inTasklist(PARCEL_CODE, 'natural-resources', '拟定规划条件', async (page) => {
    const suggested = await field(page, '容积率（不低于）').inputValue();
    check(suggested !== '', `the form starts with the table's plot ratio ${suggested}`);
    await enter(page, '容积率（不低于）', '0.5');
    await refusal(page, 'a plot ratio below the table', 'plotRatio');
    await enter(page, '容积率（不低于）', '1.0');
    const done = await complete(page);
    check(done.status === 204, `planning conditions complete: HTTP ${done.status}`
      + (done.status === 204 ? '' : ` ${done.text}`));
  });
}

async function reservePriceAndPlan() {
  section('4–5. finance-clerk: 确定出让底价; county-government-clerk: 审批供地方案');
  await inTasklist(PARCEL_CODE, 'finance', '确定出让底价', async (page) => {
    const minimum = await field(page, '最低价标准').inputValue();
    check(minimum.includes('204'), `the form shows the grade's minimum price: ${minimum}`);
    await enter(page, '出让底价（元/平方米）', '200');
    await refusal(page, 'a reserve price below the minimum', 'reservePrice');
    await screenshot(page, 'e2e-land-03-reserve-price-refused.png');
    await enter(page, '出让底价（元/平方米）', '260');
    const done = await complete(page);
    check(done.status === 204, `reserve price completes: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
  await inTasklist(PARCEL_CODE, 'county-government', '审批供地方案', async (page, plan) => {
    await choose(page, '批准，发布出让公告');
    await enter(page, '意见', '同意供地方案。');
    const done = await complete(page);
    checkSent('supply plan', done.variables, { decision: 'approve' });
    check(done.status === 204, `supply plan approved: HTTP ${done.status}`);
    check(await taskDisappears(page, plan.taskId), 'the task left 本部门待办');
  });
  check((await parcel(PARCEL_CODE)).status === '公告中', 'status 公告中');
}

async function fireTimer(name) {
  const instance = await api('GET', `/engine-rest/process-instance?businessKey=${PARCEL_CODE}`, 'admin');
  const jobs = await api('GET', `/engine-rest/job?processInstanceId=${instance.json[0].id}&timers=true`, 'admin');
  const timer = (jobs.json ?? [])[0];
  must(timer !== undefined, `a timer is waiting (${name})`);
  const res = await api('POST', `/engine-rest/job/${timer.id}/execute`, 'admin');
  check(res.status === 204, `admin fires the ${name} timer: HTTP ${res.status}`);
}

async function listing() {
  section('6–7. announcement and listing; trading-centre-clerk: 登记挂牌结果 in Tasklist');
  await fireTimer('announcement (20 days)');
  check((await parcel(PARCEL_CODE)).status === '挂牌中', 'status 挂牌中');
  await fireTimer('listing (10 days)');
  await inTasklist(PARCEL_CODE, 'trading-centre', '登记挂牌结果', async (page) => {
    await choose(page, '挂牌成交');
    await enter(page, '竞得人统一社会信用代码', WINNER.code);
    await enter(page, '竞得人名称', WINNER.name);
    await enter(page, '成交价（元/平方米）', '250');
    await refusal(page, 'a sale below the reserve price', 'salePrice');
    await enter(page, '成交价（元/平方米）', '280');
    await screenshot(page, 'e2e-land-04-listing-result.png');
    const done = await complete(page);
    checkSent('listing result', done.variables, { listingResult: 'sold', winnerCreditCode: WINNER.code });
    check(done.status === 204, `the sale is recorded: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
}

async function contractAndPayments() {
  section('8. natural-resources-clerk: 签订出让合同; enterprise-a follows the parcel and is warned before paying');
  await inTasklist(PARCEL_CODE, 'natural-resources', '签订出让合同', async (page) => {
    await screenshot(page, 'e2e-land-05-contract-form.png');
  });
  await completeByRest(PARCEL_CODE, 'natural-resources', '签订出让合同', {
    contractNumber: `JXCR-${PARCEL_CODE.substring(14)}`, agreedHandOver: day(60), agreedStart: day(150),
    agreedCompletion: day(700), committedInvestment: '22000', investmentIntensity: '300', downPayment: '800',
    downPaymentDue: day(20), balanceDue: day(180) });
  const view = await parcel(PARCEL_CODE);
  check(view?.status === '价款缴纳中', `enterprise-a reads its parcel: ${view?.status}, contract ${view?.contract?.number},`
    + ` price ${view?.contract?.price} 万元`);
  check(view?.payments?.length === 2, `two payments: ${JSON.stringify(view?.payments)}`);
  const mails = await until('the 价款缴纳提示书', () => outbox(), (list) => list.some((m) => m.subject.includes('价款缴纳提示书')));
  check(mails.some((m) => m.subject.includes('价款缴纳提示书')), 'enterprise-a got the 价款缴纳提示书 (due within 30 days)');

  section('9. finance confirms the payments; natural-resources hands the land over and registers the title');
  for (const payment of view.payments) {
    await completeByRest(PARCEL_CODE, 'finance', '确认价款缴纳', { paidAmount: String(payment.amount), paidOn: day(0) });
  }
  await completeByRest(PARCEL_CODE, 'natural-resources', '交付土地', { actualHandOver: day(0) });
  await inTasklist(PARCEL_CODE, 'natural-resources', '办理不动产登记', async (page) => {
    await enter(page, '不动产权证书号', '赣（2026）进贤县不动产权第0001234号');
    await screenshot(page, 'e2e-land-06-register-title.png');
    const done = await complete(page);
    check(done.status === 204, `the title is registered: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
  const last = await parcel(PARCEL_CODE);
  check(last.status === '供后监管中', `status ${last.status}, stage ${last.stage}`);
  check(last.contract.titleNumber === '赣（2026）进贤县不动产权第0001234号', `title ${last.contract.titleNumber}`);
  check(last.payments.every((p) => p.paidAt && Number(p.penalty) === 0), 'both payments paid on time, no penalty');
  for (const s of last.finishedSteps) {
    console.log(`     ${s.completedAt}  ${s.departmentName ?? '-'}  ${s.name}  ${s.decision ?? ''}`
      + `  (${s.completedBy})`);
  }
  check(last.finishedSteps.length >= 9, `${last.finishedSteps.length} finished steps`);
}

async function outbox() {
  const res = await api('GET', `/api/admin/outbox?to=${encodeURIComponent(MAIL)}`, 'admin');
  return (res.json ?? []).filter((m) => m.caseCode === PARCEL_CODE);
}

async function notices() {
  section(`10. the outbox: notices to ${MAIL} about ${PARCEL_CODE}`);
  const mails = await until('the registration notice', outbox, (list) => list.some((m) => m.subject.includes('不动产登记')));
  const subjects = [...mails].reverse().map((m) => m.subject);
  subjects.forEach((s) => console.log(`     ${s}`));
  for (const tag of ['成交确认书', '价款缴纳提示书', '交地确认书', '不动产登记办结告知']) {
    check(subjects.some((s) => s.includes(tag)), `outbox: ${tag}`);
  }
  check(mails.every((m) => HAN.test(m.subject) && m.body.includes('〔') && m.body.includes('号')),
    'every notice is a document with its number');
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  console.log(`land-supply end to end against ${BASE} with ${CHROMIUM}; parcel ${PARCEL_CODE}`);
  try {
    const code = await approveProject();
    await landCaseStarts(code);
    await designate(code);
    await reservePriceAndPlan();
    await listing();
    await contractAndPayments();
    await notices();
  } catch (error) {
    check(false, `scenario stopped: ${error.stack ?? error}`);
  }
  report('land-supply', started);
}

main();
