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
//   8. natural-resources-clerk signs the contract in Tasklist, typing its dates into the form-js date pickers (the
//      variables Tasklist sent are checked); enterprise-a follows the parcel and is warned before the payment;
//   9. finance-clerk confirms both payments (amount, date) and natural-resources-clerk hands the land over (date) in
//      Tasklist, then registers the title there; the parcel is 供后监管中. Should a date picker not take the typed
//      dates, that step is completed through the engine REST API as the same clerk instead, logged as FALLBACK and
//      listed at the end;
//  10. enterprise-a follows its parcel under watch (enterprise-b gets 404) and reports the start
//      (POST /api/parcels/{code}/construction-reports, kind started; enterprise-b may not); natural-resources-clerk
//      confirms it in Tasklist (userTask_confirmStart); the watch is 建设中;
//  11. enterprise-a reports completion, natural-resources-clerk verifies it in Tasklist (userTask_verifyCompletion, no
//      shortfall): the watch and the land case are 已竣工核验 (parcel.CompletionVerified);
//  12. every notice to enterprise-a is in the outbox.
// Exit status 1 when any check fails. Screenshots: docs/screenshots/e2e-land-*.png (or $E2E_SCREENSHOTS).
//
//   PARKFLOW_URL=http://localhost:8080 node scripts/e2e-land-supply.mjs    (usually via scripts/e2e-land-supply.sh)
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from './lib/browser.mjs';
import {
  HAN, api, asUser, checkSent, choose, claimAndWaitForForm, click, complete, enter, field, must, openTask, refused,
  runTrial, screenshot as screenshotIn, scrollIntoView, section, shotsFolder, taskDisappears, until,
} from './lib/tasklist.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = shotsFolder(ROOT);
const APPLICATION = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'application.json'), 'utf8'));
const CASE_LABEL = '案件编号（宗地代码或项目代码）';
const PARCEL_CODE = `360124001003GB${String(Date.now() % 100000).padStart(5, '0').replace(/^00000$/, '00001')}`;
const WINNER = { code: APPLICATION.creditCode, name: APPLICATION.enterpriseName };
const MAIL = APPLICATION.contactEmail;

const screenshot = (page, name) => screenshotIn(page, SHOTS, name);

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

/** The task is still open (read by admin through the engine REST API). */
async function stillOpen(key, taskId) {
  const res = await api('GET', `/engine-rest/task/${taskId}`, 'admin');
  return res.status === 200;
}

/**
 * Opens the department's step in Tasklist as its clerk, claims it and hands the page (with the form loaded), the step and a
 * test that the step is still open over.
 */
async function inTasklist(key, department, name, use) {
  const step = await openStep(key, department, name);
  const user = `${department}-clerk`;
  await asUser(user, 'tasklist', async (page) => {
    await openTask(page, '本部门待办', step.taskId);
    await claimAndWaitForForm(page, user, CASE_LABEL);
    await use(page, step, () => stillOpen(key, step.taskId));
  });
}

/** A step completed through the engine REST API by the department's clerk (the logged fallback of a date step). */
async function completeByRest(key, department, name, values) {
  const step = await openStep(key, department, name);
  const res = await api('POST', `/engine-rest/task/${step.taskId}/complete`, `${department}-clerk`, vars(values));
  check(res.status === 204, `${department}-clerk completes ${name} through the engine REST API: HTTP ${res.status}`
    + (res.status === 204 ? '' : ` ${res.text}`));
}

/** Presses 完成; null when Tasklist sent nothing (form-js kept the form back, e.g. a required date left empty). */
async function completeOrNull(page) {
  return complete(page).catch((error) => {
    console.log(`     Tasklist sent no form: ${String(error.message ?? error).split('\n')[0]}`);
    return null;
  });
}

/**
 * A step with date fields, done in Tasklist as its clerk: fill(page) types into the form (dates as YYYY-MM-DD into
 * the form-js date pickers), the screenshot is taken, 完成 is pressed and the variables Tasklist sent are checked
 * against {@code sent} (and {@code numbers}, compared as numbers: form-js number fields). Only when the date pickers
 * did not take the typed dates (nothing sent, or other dates sent and refused) is the step completed through the
 * engine REST API as the same clerk with {@code values}; that is logged as FALLBACK and listed in {@code fallbacks}.
 * Returns true when the step was completed in Tasklist.
 */
async function dateStep(key, department, name, { fill, shot, sent, numbers = {}, values, fallbacks }) {
  const dates = Object.fromEntries(Object.entries(sent).filter(([, v]) => /^\d{4}-\d{2}-\d{2}$/.test(String(v))));
  let inBrowser = false;
  await inTasklist(key, department, name, async (page, step) => {
    await fill(page);
    await screenshot(page, shot);
    const done = await completeOrNull(page);
    const tookDates = done !== null && Object.entries(dates).every(([k, v]) => done.variables[k] === v);
    if (tookDates) {
      checkSent(name, done.variables, sent);
      for (const [k, v] of Object.entries(numbers)) {
        check(Number(done.variables[k]) === Number(v), `${name}: the form sent ${k} = ${JSON.stringify(done.variables[k])}`);
      }
      check(done.status === 204, `${name} completed in Tasklist: HTTP ${done.status}`
        + (done.status === 204 ? '' : ` ${done.text}`));
      inBrowser = done.status === 204;
      check(!inBrowser || await taskDisappears(page, step.taskId), `${name}: the task left 本部门待办`);
    } else {
      must(done === null || done.status !== 204, `${name}: Tasklist sent other dates and the server took them: `
        + JSON.stringify(done?.variables));
      console.log(`     FALLBACK: the date pickers did not take the typed dates (sent ${JSON.stringify(done?.variables)});`
        + ` ${name} is completed through the engine REST API as ${department}-clerk`);
    }
  });
  if (!inBrowser) {
    fallbacks.push(`${name} (engine REST API)`);
    await completeByRest(key, department, name, values);
  }
  return inBrowser;
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
  await inTasklist(code, 'natural-resources', '落实宗地和用地指标', async (page, step, stillOpenNow) => {
    await enter(page, '宗地代码', `${PARCEL_CODE.substring(0, 13)}C${PARCEL_CODE.substring(14)}`);
    await enter(page, '宗地坐落', APPLICATION.location);
    await enter(page, '土地等别（1–15）', '9');
    await enter(page, '行业大类代码（GB/T 4754-2017）', APPLICATION.industryCode);
    await enter(page, '规划用途', '工业用地（新材料制造）');
    await choose(page, '有指标，直接供应');
    await screenshot(page, 'e2e-land-01-designate.png');
    await scrollIntoView(field(page, '宗地代码'));
    await refused(page, 'a wrong 宗地特征码', 'parcelCode', {}, stillOpenNow);
    await screenshot(page, 'e2e-land-02-parcel-code-refused.png');
    await enter(page, '宗地代码', PARCEL_CODE);
    const done = await complete(page);
    checkSent('designation', done.variables, { parcelCode: PARCEL_CODE, quota: 'available' });
    check(done.status === 204, `designation completes: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
  const view = await until('the case under its parcel code', () => parcel(PARCEL_CODE), (v) => v !== null);
  must(view?.parcelCode === PARCEL_CODE, `the case is found by its parcel code ${PARCEL_CODE} (${view?.status})`);
  check(view.links.some((l) => l.process === 'project-approval' && l.key === code), 'its links name the project');

  await inTasklist(PARCEL_CODE, 'natural-resources', '拟定规划条件', async (page, step, stillOpenNow) => {
    const suggested = await field(page, '容积率（不低于）').inputValue();
    check(suggested !== '', `the form starts with the table's plot ratio ${suggested}`);
    await enter(page, '容积率（不低于）', '0.5');
    await refused(page, 'a plot ratio below the table', 'plotRatio', {}, stillOpenNow);
    await enter(page, '容积率（不低于）', '1.0');
    const done = await complete(page);
    check(done.status === 204, `planning conditions complete: HTTP ${done.status}`
      + (done.status === 204 ? '' : ` ${done.text}`));
  });
}

async function reservePriceAndPlan() {
  section('4–5. finance-clerk: 确定出让底价; county-government-clerk: 审批供地方案');
  await inTasklist(PARCEL_CODE, 'finance', '确定出让底价', async (page, step, stillOpenNow) => {
    const minimum = await field(page, '最低价标准').inputValue();
    check(minimum.includes('204'), `the form shows the grade's minimum price: ${minimum}`);
    await enter(page, '出让底价（元/平方米）', '200');
    await refused(page, 'a reserve price below the minimum', 'reservePrice', {}, stillOpenNow);
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
  await inTasklist(PARCEL_CODE, 'trading-centre', '登记挂牌结果', async (page, step, stillOpenNow) => {
    await choose(page, '挂牌成交');
    await enter(page, '竞得人统一社会信用代码', WINNER.code);
    await enter(page, '竞得人名称', WINNER.name);
    await enter(page, '成交价（元/平方米）', '250');
    await refused(page, 'a sale below the reserve price', 'salePrice', {}, stillOpenNow);
    await enter(page, '成交价（元/平方米）', '280');
    await screenshot(page, 'e2e-land-04-listing-result.png');
    const done = await complete(page);
    checkSent('listing result', done.variables, { listingResult: 'sold', winnerCreditCode: WINNER.code });
    check(done.status === 204, `the sale is recorded: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
}

async function contractAndPayments(finished, fallbacks) {
  section('8. natural-resources-clerk: 签订出让合同 in Tasklist; enterprise-a follows the parcel and is warned before paying');
  const contract = { contractNumber: `JXCR-${PARCEL_CODE.substring(14)}`, agreedHandOver: day(60), agreedStart: day(150),
    agreedCompletion: day(700), downPaymentDue: day(20), balanceDue: day(180) };
  await dateStep(PARCEL_CODE, 'natural-resources', '签订出让合同', {
    fill: async (page) => {
      await screenshot(page, 'e2e-land-05-contract-form.png');
      await enter(page, '出让合同编号', contract.contractNumber);
      await enter(page, '约定交地日期', contract.agreedHandOver);
      await enter(page, '约定开工日期', contract.agreedStart);
      await enter(page, '约定竣工日期', contract.agreedCompletion);
      await enter(page, '承诺固定资产投资（万元）', '22000');
      await enter(page, '承诺投资强度（万元/亩）', '300');
      await enter(page, '首付款（万元）', '800');
      await enter(page, '首付款缴纳期限', contract.downPaymentDue);
      await enter(page, '余款缴纳期限', contract.balanceDue);
    },
    shot: 'e2e-land-09-sign-contract.png',
    sent: contract,
    numbers: { committedInvestment: 22000, investmentIntensity: 300, downPayment: 800 },
    values: { ...contract, committedInvestment: '22000', investmentIntensity: '300', downPayment: '800' },
    fallbacks,
  });
  const view = await parcel(PARCEL_CODE);
  check(view?.status === '价款缴纳中', `enterprise-a reads its parcel: ${view?.status}, contract ${view?.contract?.number},`
    + ` price ${view?.contract?.price} 万元`);
  check(view?.contract?.number === contract.contractNumber
    && String(view?.contract?.agreedHandOver ?? '').startsWith(contract.agreedHandOver)
    && String(view?.contract?.agreedStart ?? '').startsWith(contract.agreedStart),
  `the case holds the contract's number and dates: ${JSON.stringify(view?.contract)}`);
  check(view?.payments?.length === 2, `two payments: ${JSON.stringify(view?.payments)}`);
  const mails = await until('the 价款缴纳提示书', () => outbox(), (list) => list.some((m) => m.subject.includes('价款缴纳提示书')));
  const reminder = mails.find((m) => m.subject.includes('价款缴纳提示书'));
  check(reminder !== undefined, 'enterprise-a got the 价款缴纳提示书 before the down payment (due within 30 days)');
  const first = view?.payments?.[0];
  check(reminder !== undefined && first !== undefined && reminder.body.includes('首付款')
    && reminder.body.includes(String(first.due).substring(0, 10)) && reminder.body.includes('1‰'),
  `the 价款缴纳提示书 names the 首付款, its due date ${first?.due} and the 1‰ daily penalty`);

  section('9. finance-clerk confirms the payments, natural-resources-clerk hands the land over and registers the title,'
    + ' all in Tasklist');
  for (const [i, payment] of view.payments.entries()) {
    const paid = { paidAmount: String(payment.amount), paidOn: day(0) };
    await dateStep(PARCEL_CODE, 'finance', '确认价款缴纳', {
      fill: async (page) => {
        check((await field(page, '应缴价款').inputValue()).includes(String(payment.amount)),
          `the form shows the payment due: ${await field(page, '应缴价款').inputValue()}`);
        await enter(page, '实缴金额（万元）', paid.paidAmount);
        await enter(page, '缴款日期', paid.paidOn);
      },
      shot: `e2e-land-${10 + i}-confirm-payment-${i + 1}.png`,
      sent: { paidOn: paid.paidOn },
      numbers: { paidAmount: payment.amount },
      values: paid,
      fallbacks,
    });
  }
  await dateStep(PARCEL_CODE, 'natural-resources', '交付土地', {
    fill: (page) => enter(page, '实际交地日期', day(0)),
    shot: 'e2e-land-12-hand-over.png',
    sent: { actualHandOver: day(0) },
    values: { actualHandOver: day(0) },
    fallbacks,
  });
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
    finished.push(`${s.completedAt}  ${s.departmentName ?? '-'}  ${s.name}  ${s.decision ?? ''}  (${s.completedBy})`);
  }
  check(last.finishedSteps.length >= 9, `${last.finishedSteps.length} finished steps`);
}

async function construction() {
  section('10. enterprise-a follows its parcel under watch and reports the start; natural-resources confirms it');
  const own = await parcel(PARCEL_CODE);
  check(own?.status === '供后监管中' && own?.milestones?.watchStatus === '待开工',
    `enterprise-a: GET /api/parcels/${PARCEL_CODE} → ${own?.status}, watch ${own?.milestones?.watchStatus}`);
  const list = await api('GET', '/api/parcels', 'enterprise-a');
  check(list.status === 200 && JSON.stringify(list.json).includes(PARCEL_CODE),
    `enterprise-a: GET /api/parcels lists the parcel (HTTP ${list.status})`);
  const other = await api('GET', `/api/parcels/${PARCEL_CODE}`, 'enterprise-b');
  check(other.status === 404, `enterprise-b: GET /api/parcels/${PARCEL_CODE} → HTTP ${other.status}`);
  const report = { kind: 'started', date: day(0), builtAreaM2: 0, investedAmount: 500, note: '厂房基础施工已进场' };
  const path = `/api/parcels/${PARCEL_CODE}/construction-reports`;
  const notHolder = await api('POST', path, 'enterprise-b', report);
  check(notHolder.status === 403 || notHolder.status === 404,
    `enterprise-b may not report on enterprise-a's parcel: HTTP ${notHolder.status}`);
  const reported = await api('POST', path, 'enterprise-a', report);
  check(reported.status === 201, `enterprise-a reports the start (kind started): HTTP ${reported.status}`
    + (reported.status === 201 ? '' : ` ${reported.text}`));
  const waiting = await until('开工待确认', () => parcel(PARCEL_CODE),
    (v) => v?.milestones?.openSteps?.some((s) => s.name === '确认开工'));
  check(waiting?.milestones?.watchStatus === '开工待确认', `watch ${waiting?.milestones?.watchStatus}`);
  const step = waiting?.milestones?.openSteps?.find((s) => s.name === '确认开工');
  must(step !== undefined && step.department === 'natural-resources', '确认开工 is open for natural-resources');

  await asUser('natural-resources-clerk', 'tasklist', async (page) => {
    await openTask(page, '本部门待办', step.taskId);
    await claimAndWaitForForm(page, 'natural-resources-clerk', '宗地代码');
    check((await field(page, '宗地代码').inputValue()) === PARCEL_CODE, 'the form shows the parcel code');
    const startReport = await field(page, '用地单位的开工报告').inputValue();
    check(startReport.includes(day(0)) && startReport.includes('500'),
      `the form shows enterprise-a's start report: ${startReport}`);
    await choose(page, '确认开工（已取得施工许可证且已进场施工）');
    await enter(page, '建筑工程施工许可证编号', '360124202600001');
    await click(field(page, '已现场核实进场施工'));
    await enter(page, '意见', '已取得施工许可证，现场核实已进场施工。');
    await screenshot(page, 'e2e-land-07-confirm-start.png');
    const done = await complete(page);
    checkSent('start confirmation', done.variables, { decision: 'approve', permitNumber: '360124202600001',
      workOnSite: true });
    check(done.status === 204, `the start is confirmed: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
    check(await taskDisappears(page, step.taskId), 'the task left 本部门待办');
  });
  const building = await parcel(PARCEL_CODE);
  check(building?.milestones?.watchStatus === '建设中'
    && building?.milestones?.confirmedStart === day(0) && building?.milestones?.permitNumber === '360124202600001',
  `enterprise-a reads: watch ${building?.milestones?.watchStatus}, start confirmed ${building?.milestones?.confirmedStart}`
    + `, permit ${building?.milestones?.permitNumber}`);
}

async function completion() {
  section('11. enterprise-a reports completion; natural-resources verifies it in Tasklist; the land case 已竣工核验');
  const report = { kind: 'completed', date: day(0), builtAreaM2: 42000, investedAmount: 24800, note: '厂房及配套已建成' };
  const reported = await api('POST', `/api/parcels/${PARCEL_CODE}/construction-reports`, 'enterprise-a', report);
  check(reported.status === 201, `enterprise-a reports completion (kind completed): HTTP ${reported.status}`
    + (reported.status === 201 ? '' : ` ${reported.text}`));
  const waiting = await until('竣工核验', () => parcel(PARCEL_CODE),
    (v) => v?.milestones?.openSteps?.some((s) => s.name === '竣工核验'));
  const step = waiting?.milestones?.openSteps?.find((s) => s.name === '竣工核验');
  must(step !== undefined && step.department === 'natural-resources', '竣工核验 is open for natural-resources');
  await asUser('natural-resources-clerk', 'tasklist', async (page) => {
    await openTask(page, '本部门待办', step.taskId);
    await claimAndWaitForForm(page, 'natural-resources-clerk', '宗地代码');
    const targets = await field(page, '出让合同约定的指标').inputValue();
    check(targets.includes('容积率'), `the form shows the contract's targets: ${targets.replace(/\s+/g, ' ')}`);
    await choose(page, '核验通过（按实测指标计算违约金）');
    await enter(page, '实测容积率', '1.2');
    await enter(page, '实测建筑系数（%）', '42');
    await enter(page, '实测行政办公及生活服务设施用地比重（%）', '5');
    await enter(page, '实测绿地率（%）', '15');
    await enter(page, '实测投资强度（万元/亩）', '310');
    await enter(page, '意见', '经实测，各项指标达到出让合同约定。');
    await screenshot(page, 'e2e-land-08-verify-completion.png');
    const done = await complete(page);
    checkSent('completion verified', done.variables, { decision: 'approve' });
    check(done.status === 204, `completion verified: HTTP ${done.status} ${done.status === 204 ? '' : done.text}`);
  });
  const verified = await parcel(PARCEL_CODE);
  check(verified?.status === '已竣工核验' && verified?.milestones?.watchStatus === '已竣工核验'
    && Number(verified?.milestones?.penalty) === 0,
  `enterprise-a reads: status ${verified?.status}, watch ${verified?.milestones?.watchStatus},`
    + ` penalty ${verified?.milestones?.penalty}`);
}

async function outbox() {
  const res = await api('GET', `/api/admin/outbox?to=${encodeURIComponent(MAIL)}`, 'admin');
  return (res.json ?? []).filter((m) => m.caseCode === PARCEL_CODE);
}

async function notices() {
  section(`12. the outbox: notices to ${MAIL} about ${PARCEL_CODE}`);
  const mails = await until('the completion notice', outbox, (list) => list.some((m) => m.subject.includes('竣工核验结果通知')));
  const subjects = [...mails].reverse().map((m) => m.subject);
  subjects.forEach((s) => console.log(`     ${s}`));
  for (const tag of ['成交确认书', '价款缴纳提示书', '交地确认书', '不动产登记办结告知', '竣工核验结果通知']) {
    check(subjects.some((s) => s.includes(tag)), `outbox: ${tag}`);
  }
  check(mails.every((m) => HAN.test(m.subject) && m.body.includes('〔') && m.body.includes('号')),
    'every notice is a document with its number');
}

mkdirSync(SHOTS, { recursive: true });
runTrial(`land-supply (parcel ${PARCEL_CODE})`, 'finished steps of the parcel', async (finished) => {
  const code = await approveProject();
  await landCaseStarts(code);
  await designate(code);
  await reservePriceAndPlan();
  await listing();
  const fallbacks = [];
  await contractAndPayments(finished, fallbacks);
  await construction();
  await completion();
  await notices();
  finished.push(`date steps through the engine REST API (fallback): ${fallbacks.length ? fallbacks.join(', ') : 'none'}`);
});
