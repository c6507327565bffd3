// Trial of idle-land-recovery against a running ParkFlow (default run, demo users), as its users meet it, in two runs
// of the application on one data folder (scripts/trial-idle-land.sh):
//   supply      (today) natural-resources-clerk puts a prepared parcel up for supply (POST /api/parcels); the clerks
//               complete the land-supply steps through the engine REST API (admin fires the announcement and listing
//               timers as if the days had passed): enterprise-a buys it, the agreed start is today, the title is
//               registered and the construction watch starts (the chain's TitleRegistered);
//   year-later  (the same data, the application's clock 380 days on) the daily idle-land check finds no start a year
//               past the agreed start and starts branch A of idle-land-recovery, linked from the watch. The clerks
//               work it in Tasklist (headless Chromium, zh-CN): 立案调查, 认定原因 (holder), 认定书, 拟作决定 (a recovery
//               after 12 months refused, Tasklist shows the message naming decision; then the fee), 听证, 合法性审查
//               (justice), 县政府批准, 财政局确认缴纳 → 已征缴; the holder (enterprise-a) states its case and requests the
//               hearing over the API. Branch B: a stopped plant of enterprise-b goes through 租赁转产 with the
//               producer's enterprise-onboarding case linked (引进生产企业 in Tasklist, the rest as Tasklist submits) →
//               已盘活.
// Screenshots: docs/screenshots/e2e-idle-*.png (or $E2E_SCREENSHOTS). Exit status 1 when any check fails.
//
//   PARKFLOW_URL=http://localhost:8080 TRIAL_STATE=/tmp/x.json node scripts/trial-idle-land.mjs supply|year-later
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, results } from './lib/browser.mjs';
import { api, asUser, checkSent, choose, claimAndWaitForForm, complete, enter, field, must, openTask, refused,
  runTrial, screenshot as screenshotIn, section, shotsFolder, taskDisappears, until } from './lib/tasklist.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = shotsFolder(ROOT);
const STATE = process.env.TRIAL_STATE ?? '/tmp/parkflow-trial-idle-land.json';
const HOLDER = { code: '91360124MA39PFL7XC', name: '赣江新材料有限公司' };
const CODE_LABEL = '宗地代码';
const screenshot = (page, name) => screenshotIn(page, SHOTS, name);

/** The server's date in Beijing (from its HTTP Date header: the second run's clock is a year on), plus days. */
let serverNow = Date.now();
async function readServerClock() {
  const res = await fetch(`${process.env.PARKFLOW_URL ?? 'http://localhost:8080'}/actuator/health`);
  serverNow = Date.parse(res.headers.get('date'));
}
const day = (offset = 0) => new Date(serverNow + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const monthsAgo = (n) => {
  const d = new Date(serverNow + 8 * 3600_000);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};
const vars = (values) => ({ variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });
const sequence = () => String(Math.max(1, Date.now() % 100000)).padStart(5, '0');

async function parcelView(code, user = 'enterprise-a') {
  const res = await api('GET', `/api/parcels/${code}`, user);
  return res.status === 200 ? res.json : null;
}

async function caseOf(parcel, user = 'enterprise-a') {
  const res = await api('GET', `/api/idle-land-cases/${parcel}`, user);
  must(res.status === 200, `GET /api/idle-land-cases/${parcel} as ${user}`);
  return res.json;
}

/** The one open task of the case at this step, as the given clerk sees it (waits for asynchronous continuations). */
async function task(parcel, step, user) {
  const res = await until(`${step} of ${parcel}`, () => api('GET',
    `/engine-rest/task?processInstanceBusinessKey=${parcel}&taskDefinitionKey=${step}`, user),
  (r) => r.status === 200 && r.json.length === 1);
  must(res.status === 200 && res.json.length === 1, `${user} sees ${step} of ${parcel}`);
  return res.json[0].id;
}

/** Completes the step as Tasklist does (submit-form with typed variables), without the browser. */
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

/** Opens the step in Tasklist as the clerk (本部门待办), claims it and hands the page with the form loaded over. */
async function inTasklist(parcel, step, user, use) {
  const id = await task(parcel, step, user);
  await asUser(user, 'tasklist', async (page) => {
    await openTask(page, '本部门待办', id);
    await claimAndWaitForForm(page, user, CODE_LABEL);
    check((await field(page, CODE_LABEL).inputValue()) === parcel, `${user}: the form shows the parcel ${parcel}`);
    await use(page, id);
  });
}

/** Completes the open form in Tasklist and checks what it sent and that the task left the list. */
async function completeInTasklist(page, id, who, expected) {
  const res = await complete(page);
  checkSent(who, res.variables, expected);
  must(res.status === 204, `${who}: completed in Tasklist (HTTP ${res.status} ${res.status === 204 ? '' : res.text})`);
  check(await taskDisappears(page, id), `${who}: the task left 本部门待办`);
}

// ---------------------------------------------------------------------------------------------------------- supply

/** The values each land-supply step is completed with (the agreed hand-over and start today, paid in full). */
function landValues(step, parcel, view) {
  switch (step) {
    case 'userTask_designateParcel':
      return { parcelCode: parcel, location: view.parcel.location, areaMu: String(view.parcel.areaMu),
        landGrade: String(view.parcel.landGrade), industryCode: view.parcel.industryCode,
        plannedUse: view.parcel.plannedUse, quota: 'available' };
    case 'userTask_setPlanningConditions':
      return {};
    case 'userTask_setReservePrice':
      return { reservePrice: '300', prioritized: false, landIntensive: false };
    case 'userTask_approveSupplyPlan':
      return { decision: 'approve', opinion: '同意供地方案。' };
    case 'userTask_recordListingResult':
      return { listingResult: 'sold', winnerCreditCode: HOLDER.code, winnerName: HOLDER.name, salePrice: '320' };
    case 'userTask_signContract':
      return { contractNumber: `JXCR-${parcel.substring(14)}`, agreedHandOver: day(0), agreedStart: day(0),
        agreedCompletion: day(700), committedInvestment: '9000', investmentIntensity: '300',
        downPayment: String(Number(view.listing.salePrice) * Number(view.parcel.areaM2) / 10000),
        downPaymentDue: day(20) };
    case 'userTask_confirmPayment': {
      const open = view.payments.find((p) => !p.paidAt);
      return { paidAmount: String(open.amount), paidOn: day(0) };
    }
    case 'userTask_handOverLand':
      return { actualHandOver: day(0) };
    case 'userTask_registerTitle':
      return { titleNumber: `赣（${day(0).substring(0, 4)}）进贤县不动产权第00${parcel.substring(14)}号` };
    default:
      throw new Error(`no values for ${step}`);
  }
}

async function supply(listing) {
  await readServerClock();
  section('1. natural-resources-clerk puts a prepared parcel up for supply; the clerks take it to the registered title');
  const parcel = `360124001004GB${sequence()}`;
  const put = await api('POST', '/api/parcels', 'natural-resources-clerk', { parcelCode: parcel,
    location: '进贤经济开发区创业路 6 号', areaMu: 30, landGrade: 9, industryCode: '39', plannedUse: '工业用地（电子元器件制造）' });
  must(put.status === 201, `POST /api/parcels → ${put.status} ${put.status === 201 ? '' : put.text}`);
  const instance = (await api('GET', `/engine-rest/process-instance?businessKey=${parcel}&processDefinitionKey=land-supply`,
    'admin')).json?.[0];
  must(instance !== undefined, 'the land-supply case runs');
  const end = Date.now() + 180_000;
  let view = await parcelView(parcel, 'natural-resources-clerk');
  while (view?.status !== '供后监管中' && Date.now() < end) {
    // The job executor first works off what is due (a payment's reminder falls due at once): a step completed while
    // a job of the case runs is refused with 409 (optimistic locking), as in Tasklist.
    await until('the due jobs of the land case', async () => (await api('GET',
      `/engine-rest/job/count?processInstanceId=${instance.id}&executable=true`, 'admin')).json?.count,
    (count) => count === 0, 30_000);
    const tasks = (await api('GET', `/engine-rest/task?processInstanceBusinessKey=${parcel}`, 'admin')).json ?? [];
    for (const t of tasks) {
      const links = await api('GET', `/engine-rest/task/${t.id}/identity-links`, 'admin');
      const group = (links.json ?? []).find((l) => l.type === 'candidate' && l.groupId)?.groupId;
      const res = await api('POST', `/engine-rest/task/${t.id}/complete`, `${group}-clerk`,
        vars(landValues(t.taskDefinitionKey, parcel, view)));
      must(res.status === 204, `${group}-clerk: ${t.name} (HTTP ${res.status} ${res.status === 204 ? '' : res.text})`);
    }
    if (tasks.length === 0) {
      for (const timer of ['timer_announcement', 'timer_listing']) {
        const jobs = (await api('GET', `/engine-rest/job?processInstanceId=${instance.id}&activityId=${timer}`,
          'admin')).json ?? [];
        for (const job of jobs) {
          const res = await api('POST', `/engine-rest/job/${job.id}/execute`, 'admin');
          check(res.status === 204, `admin fires ${timer} as if the days had passed: HTTP ${res.status}`);
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    view = await parcelView(parcel, 'natural-resources-clerk');
  }
  must(view?.status === '供后监管中', `the parcel ${parcel} is 供后监管中 (${view?.status}, ${view?.stage})`);
  check(view.contract.agreedStart === day(0) && view.contract.titleNumber,
    `contract ${view.contract.number}: ${view.contract.price} 万元, agreed start ${view.contract.agreedStart}, title`
    + ` ${view.contract.titleNumber}`);
  const holder = await until('the watch', () => parcelView(parcel), (v) => v?.milestones?.watchStatus);
  check(holder?.milestones?.watchStatus === '待开工', `enterprise-a sees its watch: ${holder?.milestones?.watchStatus}`);
  listing.push(`${parcel}: sold to ${HOLDER.name} for ${view.contract.price} 万元, agreed start ${view.contract.agreedStart},`
    + ` ${view.finishedSteps.length} land steps, watch ${holder?.milestones?.watchStatus}`);
  writeFileSync(STATE, JSON.stringify({ parcel, price: view.contract.price, agreedStart: view.contract.agreedStart,
    passed: results.passed, failed: results.failed }));
}

// ------------------------------------------------------------------------------------------------------ year-later

async function foundIdle(first) {
  section('2. a year past the agreed start: the daily check finds the parcel idle and starts branch A');
  const { parcel } = first;
  check(day(0) > `${Number(first.agreedStart.substring(0, 4)) + 1}${first.agreedStart.substring(4)}`,
    `the application's today ${day(0)} is more than a year past the agreed start ${first.agreedStart}`);
  const c = await until('the idle-land case', async () => (await api('GET', `/api/idle-land-cases/${parcel}`,
    'enterprise-a')).json, (v) => v?.status === '调查中');
  must(c?.status === '调查中' && c.branch === 'idle', `the idle-land case runs: ${c?.branch} ${c?.status}`);
  check(c.facts?.agreedStart === first.agreedStart && c.facts?.discoveredOn === day(0)
    && Number(c.facts?.price) === Number(first.price), `with the contract's facts: agreed start ${c.facts?.agreedStart},`
    + ` price ${c.facts?.price} 万元, discovered ${c.facts?.discoveredOn}`);
  check(c.links.some((l) => l.process === 'construction-watch' && l.key === parcel),
    `the idle-land case links the watch: ${JSON.stringify(c.links)}`);
  const view = await parcelView(parcel);
  const links = view?.milestones?.links ?? [];
  check(links.some((l) => l.process === 'idle-land-recovery' && l.key === parcel && l.relation === 'idle-land'),
    `the watch links the idle-land case: ${JSON.stringify(links)}`);
  const watch = (await api('GET', `/engine-rest/process-instance?businessKey=${parcel}`
    + '&processDefinitionKey=construction-watch', 'admin')).json ?? [];
  check(watch.length === 1, 'the watch goes on');
  return c;
}

async function branchA(first, shots) {
  const { parcel } = first;
  section('3. branch A in Tasklist: natural-resources-clerk 立案调查');
  await inTasklist(parcel, 'userTask_openInvestigation', 'natural-resources-clerk', async (page, id) => {
    check((await field(page, '土地使用权人').inputValue()) === HOLDER.name, 'the form names the holder');
    await choose(page, '立案调查，送达调查通知书');
    await enter(page, '意见', '满一年未动工，立案调查。');
    await screenshot(page, 'e2e-idle-01-open-investigation.png');
    await completeInTasklist(page, id, 'open investigation', { decision: 'approve' });
  });
  let c = await caseOf(parcel);
  check(c.status === '待陈述', `the holder sees 待陈述 and ${c.decisions[0]?.title} ${c.decisions[0]?.number}`);
  check((await api('GET', `/api/idle-land-cases/${parcel}`, 'enterprise-b')).status === 404,
    'enterprise-b gets 404 for the parcel');

  section('4. enterprise-a states its case over the API; natural-resources-clerk 认定原因, 认定书');
  const statement = await api('POST', `/api/parcels/${parcel}/idle-land-statement`, 'enterprise-a',
    { use: '已完成场地平整，主体未动工', reasons: '资金未到位', evidence: ['银行贷款审批意见'] });
  must(statement.status === 200 && statement.json.status === '认定中', 'the holder states its case → 认定中');
  await inTasklist(parcel, 'userTask_determineCause', 'natural-resources-clerk', async (page, id) => {
    await choose(page, '土地使用权人原因');
    await enter(page, '意见', '未提出第八条政府原因的证据，属土地使用权人原因。');
    await screenshot(page, 'e2e-idle-02-determine-cause.png');
    await completeInTasklist(page, id, 'determine cause', { decision: 'holder' });
  });
  await inTasklist(parcel, 'userTask_issueDetermination', 'natural-resources-clerk', async (page, id) => {
    await choose(page, '签发认定书并公示');
    await screenshot(page, 'e2e-idle-03-issue-determination.png');
    await completeInTasklist(page, id, 'determination', { decision: 'approve' });
  });

  section('5. natural-resources-clerk 拟作决定: a recovery after 12 months refused, the fee');
  await inTasklist(parcel, 'userTask_draftDecision', 'natural-resources-clerk', async (page, id) => {
    await choose(page, '无偿收回国有建设用地使用权（闲置满两年）');
    await enter(page, '意见', '拟无偿收回。');
    await refused(page, 'a recovery after 12 months', 'decision', { decision: 'recovery' },
      async () => (await api('GET', `/engine-rest/task/${id}`, 'natural-resources-clerk')).status === 200);
    await screenshot(page, 'e2e-idle-04-recovery-refused.png');
    await choose(page, '征缴土地闲置费（闲置满一年，价款 20%）');
    await enter(page, '意见', '闲置满一年，拟征缴土地闲置费。');
    await completeInTasklist(page, id, 'draft decision', { decision: 'fee' });
  });
  c = await caseOf(parcel);
  const fee = Number(first.price) * 0.2;
  check(c.status === '听证告知中' && Number(c.draft.fee) === fee, `听证告知中, fee ${c.draft.fee} 万元 (20 % of`
    + ` ${first.price})`);

  section('6. enterprise-a requests a hearing over the API; natural-resources-clerk holds it');
  const hearing = await api('POST', `/api/parcels/${parcel}/hearing-request`, 'enterprise-a', { reason: '对闲置时间有异议' });
  must(hearing.status === 200 && hearing.json.status === '听证中', 'the holder requests a hearing → 听证中');
  let heldInTasklist = false;
  await inTasklist(parcel, 'userTask_holdHearing', 'natural-resources-clerk', async (page, id) => {
    await choose(page, '维持拟作决定');
    await enter(page, '听证通知书送达日期', day(0));
    await enter(page, '听证举行日期', day(10));
    await enter(page, '听证笔录要点', '企业陈述资金困难，无政府原因证据');
    await enter(page, '意见', '维持拟作决定。');
    await screenshot(page, 'e2e-idle-05-hold-hearing.png');
    const res = await complete(page);
    if (res.variables.hearingDate === day(10) && res.variables.noticeServedOn === day(0)) {
      checkSent('hearing', res.variables, { decision: 'uphold' });
      must(res.status === 204, `hearing: completed in Tasklist (HTTP ${res.status} ${res.text})`);
      heldInTasklist = await taskDisappears(page, id);
      check(heldInTasklist, 'hearing: the task left 本部门待办');
    } else {
      console.log(`     the date pickers took no typed dates (sent ${JSON.stringify(res.variables)}); `
        + 'the hearing is completed as Tasklist submits it, without the browser');
    }
  });
  if (!heldInTasklist) {
    const early = await submit(parcel, 'userTask_holdHearing', 'natural-resources-clerk', { decision: 'uphold',
      opinion: '维持。', noticeServedOn: day(0), hearingDate: day(3), hearingRecord: '企业陈述资金困难' });
    check(early.status === 400 && early.text.includes('hearingDate'), 'a hearing 3 days after the notice is refused');
    await done(parcel, 'userTask_holdHearing', 'natural-resources-clerk', { decision: 'uphold', opinion: '维持拟作决定。',
      noticeServedOn: day(0), hearingDate: day(10), hearingRecord: '企业陈述资金困难，无政府原因证据' });
  }

  section('7. justice-clerk 合法性审查, county-government-clerk 批准, finance-clerk 确认缴纳 in Tasklist');
  await inTasklist(parcel, 'userTask_legalReview', 'justice-clerk', async (page, id) => {
    await choose(page, '同意');
    await enter(page, '意见', '程序合法，事实清楚。');
    await screenshot(page, 'e2e-idle-06-legal-review.png');
    await completeInTasklist(page, id, 'legal review', { decision: 'approve' });
  });
  await inTasklist(parcel, 'userTask_approveDecision', 'county-government-clerk', async (page, id) => {
    await choose(page, '批准');
    await screenshot(page, 'e2e-idle-07-approve-decision.png');
    await completeInTasklist(page, id, 'county approval', { decision: 'approve' });
  });
  c = await caseOf(parcel);
  const decision = c.decisions.find((d) => d.kind === 'fee-decision');
  check(c.status === '待履行' && decision?.organ === '进贤县自然资源和规划局' && /〔\d{4}〕\d+号/.test(decision?.number ?? ''),
    `待履行; ${decision?.title} ${decision?.organ} ${decision?.number} ${decision?.date}`);
  await inTasklist(parcel, 'userTask_confirmCompliance', 'finance-clerk', async (page, id) => {
    await choose(page, '已履行');
    await enter(page, '意见', '土地闲置费已缴入国库。');
    await screenshot(page, 'e2e-idle-08-confirm-compliance.png');
    await completeInTasklist(page, id, 'compliance', { decision: 'complied' });
  });
  c = await caseOf(parcel);
  check(c.status === '已征缴' && c.openSteps.length === 0, `已征缴; ${c.decisions.length} documents, `
    + `${c.notices.length} notices to the holder, ${c.finishedSteps.length} finished steps`);
  shots.push(`A: ${parcel} found idle on ${c.facts.discoveredOn} → 已征缴 (${Number(c.draft.fee)} 万元), hearing`
    + ` ${heldInTasklist ? 'in Tasklist' : 'as Tasklist submits it'}`);
}

async function branchB(shots) {
  section('8. branch B: a stopped plant through 租赁转产 with the producer\'s onboarding case linked');
  const admission = await api('POST', '/api/admissions', 'enterprise-a', {
    enterpriseName: HOLDER.name, creditCode: HOLDER.code, projectName: '租赁厂房转产 电子元件',
    industryCode: '39', productDescription: '片式电容器的生产', totalInvestment: 3000, fixedAssetInvestment: 2000,
    rentedFloorM2: 8000, annualOutput: 8000, annualTax: 300, annualEnergyTce: 50, annualWaterTonnes: 2000,
    pollutants: [], hazardousChemicals: false, occupationalHazards: false, jobs: 120, rdIntensity: 3,
    plannedStart: day(60), plannedProduction: day(200), contactEmail: 'invest@ganjiang.example.com',
  });
  must(admission.status === 201, `the producer applies for admission (HTTP ${admission.status} ${admission.text})`);
  const number = admission.json.admissionNumber;
  const parcel = `360124001005GB${sequence()}`;
  const opened = await api('POST', '/api/idle-land-cases', 'natural-resources-clerk', {
    parcelCode: parcel, kind: 'stopped-plant', holderCreditCode: '91360124MA3AQ0KD27', holderName: '瑞洪电子科技有限公司',
    facts: { areaMu: 30, agreedStart: monthsAgo(60), startedOn: monthsAgo(60), completedOn: monthsAgo(36),
      productionStoppedOn: monthsAgo(8), committedInvestment: 10000, investedAmount: 4000 },
  });
  must(opened.status === 201, `natural-resources-clerk opens a stopped-plant case (HTTP ${opened.status})`);
  check((await api('POST', '/api/idle-land-cases', 'park-admin-clerk', {})).status === 403,
    'park-admin-clerk may not open a case (403)');
  await done(parcel, 'userTask_assessStoppedPlant', 'park-admin-clerk', { decision: 'approve',
    equipment: '两条生产线完好', debts: '银行贷款 3000 万元', insolvent: 'false', courtSeized: 'false', holderPlan: 'lease' });
  await done(parcel, 'userTask_chooseRoute', 'park-admin-clerk', { decision: 'lease-conversion',
    opinion: '按决策表建议，引进生产企业租赁转产。' });
  await inTasklist(parcel, 'userTask_findProducer', 'investment-promotion-clerk', async (page, id) => {
    await choose(page, '已引进');
    await enter(page, '承租企业入园编号（RY-年份-4 位数字）', number);
    await screenshot(page, 'e2e-idle-09-find-producer.png');
    await completeInTasklist(page, id, 'find producer', { decision: 'approve', admissionNumber: number });
  });
  await done(parcel, 'userTask_signLease', 'investment-promotion-clerk', { decision: 'approve',
    leaseNumber: 'ZL-2026-03', rent: '150.5' });
  await done(parcel, 'userTask_recordRevival', 'park-admin-clerk', { decision: 'approve',
    newHolder: HOLDER.code, newHolderName: HOLDER.name, freedMu: '30' });
  const c = await caseOf(parcel, 'park-admin-clerk');
  check(c.status === '已盘活' && c.route === 'lease-conversion' && c.outcome.freedMu === 30,
    `已盘活 by ${c.routeLabel}, ${c.outcome.freedMu} 亩 freed`);
  check(c.links.some((l) => l.process === 'enterprise-onboarding' && l.key === number),
    `the producer's admission ${number} is linked`);
  check((await api('GET', `/api/idle-land-cases/${parcel}`, 'enterprise-a')).status === 404,
    'enterprise-a (not the holder) gets 404');
  shots.push(`B: ${parcel} → 已盘活 by ${c.routeLabel}, admission ${number} linked`);
}

async function yearLater(listing) {
  must(existsSync(STATE), `the first run left its state in ${STATE}`);
  const first = JSON.parse(readFileSync(STATE, 'utf8'));
  results.passed += first.passed;
  results.failed.push(...first.failed);
  console.log(`(${first.passed} checks passed in the first run)`);
  await readServerClock();
  mkdirSync(SHOTS, { recursive: true });
  await foundIdle(first);
  await branchA(first, listing);
  await branchB(listing);
}

const phase = process.argv[2];
if (phase === 'supply') {
  await runTrial('idle-land-recovery (1: supply today)', 'Supplied', supply);
} else if (phase === 'year-later') {
  await runTrial('idle-land-recovery (2: 380 days later)', 'Cases', yearLater);
} else {
  console.error('usage: node scripts/trial-idle-land.mjs supply|year-later');
  process.exit(2);
}
