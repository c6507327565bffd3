// Renders BPMN models to PNG with bpmn-js (the viewer bundle) in headless Chromium, for the docs.
//
//   node scripts/render-diagrams.mjs                      every bpmn/*.bpmn → docs/diagrams/<name>.png
//   node scripts/render-diagrams.mjs --out DIR a.bpmn ... the given models → DIR/<name>.png
//
// Usually run through scripts/render-diagrams.sh, which installs what is missing. Uses playwright-core with
// Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) and a fresh profile; it never downloads a browser.
// A model that bpmn-js cannot import fails the run; import warnings are printed.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BPMN_JS = join(ROOT, 'node_modules', 'bpmn-js', 'dist');
const MARGIN = 40;
const MAX_WIDTH = 6000;
const MAX_HEIGHT = 4000;

function parseArgs(argv) {
  let out = join(ROOT, 'docs', 'diagrams');
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      out = resolve(argv[++i]);
    } else {
      files.push(resolve(argv[i]));
    }
  }
  if (files.length === 0) {
    const folder = join(ROOT, 'bpmn');
    let names = [];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.bpmn')).sort();
    } catch {
      names = [];
    }
    files.push(...names.map((n) => join(folder, n)));
  }
  return { out, files };
}

/** The local page that shows one diagram: the viewer bundle and its styles, nothing from the network. */
function writeViewerPage(folder) {
  const page = join(folder, 'viewer.html');
  writeFileSync(page, `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <link rel="stylesheet" href="${pathToFileURL(join(BPMN_JS, 'assets', 'diagram-js.css'))}">
  <link rel="stylesheet" href="${pathToFileURL(join(BPMN_JS, 'assets', 'bpmn-js.css'))}">
  <style>
    html, body { margin: 0; padding: 0; background: #fff; }
    #canvas { position: absolute; inset: 0; }
    .bjs-powered-by { display: none; }
  </style>
  <script src="${pathToFileURL(join(BPMN_JS, 'bpmn-viewer.production.min.js'))}"></script>
</head>
<body><div id="canvas"></div></body>
</html>
`);
  return pathToFileURL(page).href;
}

async function render(page, viewerUrl, file, target) {
  const xml = readFileSync(file, 'utf8');
  await page.goto(viewerUrl);
  const size = await page.evaluate(async (modelXml) => {
    window.viewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(modelXml);
    const { inner } = window.viewer.get('canvas').viewbox();
    return { warnings: warnings.map((w) => w.message), width: inner.width, height: inner.height };
  }, xml);
  for (const warning of size.warnings) {
    console.warn(`     warning in ${basename(file)}: ${warning}`);
  }
  // The picture keeps the diagram's proportions: 1:1 up to MAX_WIDTH × MAX_HEIGHT, scaled down beyond.
  const fullWidth = Math.ceil(size.width) + 2 * MARGIN;
  const fullHeight = Math.ceil(size.height) + 2 * MARGIN;
  const scale = Math.min(1, MAX_WIDTH / fullWidth, MAX_HEIGHT / fullHeight);
  const width = Math.max(Math.ceil(fullWidth * scale), 320);
  const height = Math.max(Math.ceil(fullHeight * scale), 160);
  await page.setViewportSize({ width, height });
  await page.evaluate(() => {
    const canvas = window.viewer.get('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  });
  await page.screenshot({ path: target });
  console.log(`ok   ${file} → ${target} (${width}×${height})`);
}

async function main() {
  const { out, files } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    console.log('No BPMN models to render (bpmn/*.bpmn is empty).');
    return;
  }
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'parkflow-render-'));
  const viewerUrl = writeViewerPage(work);
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    deviceScaleFactor: Number(process.env.RENDER_SCALE ?? 1.5),
  });
  let failed = 0;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const file of files) {
      const target = join(out, `${basename(file, '.bpmn')}.png`);
      try {
        await render(page, viewerUrl, file, target);
      } catch (error) {
        failed++;
        console.error(`FAIL ${file}: ${error.message}`);
      }
    }
  } finally {
    await context.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`render diagrams: ${files.length - failed} passed, ${failed} failed`);
  if (failed > 0) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
