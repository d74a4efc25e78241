// The one-file page opened as a student would: from file://, in Debian's chromium (headless,
// SwiftShader's WebGL 2), with a deep link to a lesson step. Fails on any console error or
// warning, any WebGL error, a page that never draws, and a first full frame that differs from its
// baseline by more than baselines/tolerances.json allows.
//
// With DESKTOP (the psoas-atlas executable; needs a display, as ./test gives it under Xvfb) the
// same step rendered by the desktop's --screenshot must match the browser's frame too, within the
// "desktop" tolerance: one source, two GL implementations (llvmpipe, SwiftShader).
//
// Usage: node first_frame.test.js PAGE.html OUTPUT_DIR [DESKTOP]
// PSOAS_UPDATE_BASELINES=1 writes the actual image as the baseline (look at it first).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const { execFileSync } = require('child_process');
const [pageFile, outputDir, desktop] = process.argv.slice(2);
if (!pageFile || !outputDir) {
  console.error('usage: node first_frame.test.js PAGE.html OUTPUT_DIR');
  process.exit(2);
}
const baselineDir = path.join(__dirname, 'baselines');
const tolerances = JSON.parse(fs.readFileSync(path.join(baselineDir, 'tolerances.json'), 'utf8'));
const viewport = { width: 1280, height: 720 };

// The steps compared: a deep link each, and the image it must show.
const cases = [{ name: 'attachments_step_2', lesson: 'attachments', step: 2 }];

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

// Runs in the page: per-pixel difference of two PNGs (data URLs) of the same size, plus how much
// of `actual` is something other than its corner colour (an empty canvas is one colour).
async function compareInPage({ actual, baseline, threshold }) {
  const pixels = async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
  };
  const a = await pixels(actual);
  const result = { width: a.width, height: a.height, drawn: 0 };
  const [r0, g0, b0] = [a.data[0], a.data[1], a.data[2]];
  for (let i = 0; i < a.data.length; i += 4)
    if (Math.abs(a.data[i] - r0) + Math.abs(a.data[i + 1] - g0) + Math.abs(a.data[i + 2] - b0) > 30) result.drawn++;
  result.drawn /= a.width * a.height;
  if (!baseline) return result;
  const b = await pixels(baseline);
  if (b.width !== a.width || b.height !== a.height) return { ...result, sizeMismatch: `${b.width}x${b.height}` };
  let over = 0, sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 3; ++c) {
      const d = Math.abs(a.data[i + c] - b.data[i + c]);
      sum += d;
      worst = Math.max(worst, d);
    }
    if (worst > threshold) over++;
  }
  return { ...result, fractionOver: over / (a.width * a.height), meanDifference: sum / (a.data.length / 4 * 3) };
}

async function runCase(browser, testCase) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('console', (m) => {
    // Errors, warnings (the program's stderr lines, Chromium's "WebGL: INVALID_…" reports) fail.
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const url = 'file://' + path.resolve(pageFile) + `?lesson=${testCase.lesson}&step=${testCase.step}`;
  await page.goto(url);
  // Started: the runtime is up and has a WebGL 2 context.
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module.ctx, null, { timeout: 60000 });
  const version = await page.evaluate(() => Module.ctx.getParameter(Module.ctx.VERSION));
  if (!/^WebGL 2/.test(version)) problems.push(`context is '${version}', not WebGL 2`);
  // The first full frame: the step's transitions run on the page's clock; wait until two frames a
  // second apart are the same image.
  let previous = null, shot = null;
  for (let i = 0; i < 30; ++i) {
    await page.waitForTimeout(1000);
    shot = await page.screenshot();
    if (previous && shot.equals(previous)) break;
    previous = shot;
  }
  const glError = await page.evaluate(() => Module.ctx.getError());
  if (glError !== 0) problems.push(`WebGL error 0x${glError.toString(16)} pending after the frame`);

  fs.mkdirSync(outputDir, { recursive: true });
  const actualFile = path.join(outputDir, `browser_${testCase.name}.png`);
  fs.writeFileSync(actualFile, shot);
  const baselineFile = path.join(baselineDir, `${testCase.name}.png`);
  if (process.env.PSOAS_UPDATE_BASELINES === '1') fs.copyFileSync(actualFile, baselineFile);
  const tolerance = { ...tolerances.default, ...(tolerances[testCase.name] || {}) };
  const haveBaseline = fs.existsSync(baselineFile);
  const toUrl = (buffer) => 'data:image/png;base64,' + buffer.toString('base64');
  const result = await page.evaluate(compareInPage, {
    actual: toUrl(shot),
    baseline: haveBaseline ? toUrl(fs.readFileSync(baselineFile)) : null,
    threshold: tolerance.channel_threshold,
  });
  await page.close();

  const label = `${testCase.name} (${url})`;
  for (const p of problems) fail(`${label}: ${p}`);
  if (result.drawn < tolerance.min_fraction_drawn)
    fail(`${label}: only ${(100 * result.drawn).toFixed(1)} % of the page is drawn (${actualFile})`);
  if (!haveBaseline) return fail(`${label}: no baseline ${baselineFile}; the actual image is ${actualFile}`);
  if (result.sizeMismatch) return fail(`${label}: baseline is ${result.sizeMismatch}, actual ${result.width}x${result.height}`);
  const numbers = `${(100 * result.fractionOver).toFixed(3)} % of pixels over ${tolerance.channel_threshold}/255 ` +
    `(limit ${100 * tolerance.max_fraction_over} %), mean difference ${result.meanDifference.toFixed(3)} ` +
    `(limit ${tolerance.max_mean_difference})`;
  if (result.fractionOver > tolerance.max_fraction_over || result.meanDifference > tolerance.max_mean_difference)
    fail(`${label}: differs from ${baselineFile}: ${numbers}; actual ${actualFile}`);
  else console.log(`ok ${label}: ${numbers}`);
  if (desktop) await compareWithDesktop(browser, testCase, shot);
}

// The desktop's image of the same step at the same size, against the browser's frame.
async function compareWithDesktop(browser, testCase, shot) {
  const desktopFile = path.join(outputDir, `desktop_${testCase.name}.png`);
  execFileSync(desktop, ['--screenshot', desktopFile, '--size', `${viewport.width}x${viewport.height}`,
    '--lesson', testCase.lesson, '--step', String(testCase.step)], { stdio: 'inherit' });
  const tolerance = { ...tolerances.default, ...tolerances.desktop };
  const page = await browser.newPage();
  const toUrl = (buffer) => 'data:image/png;base64,' + buffer.toString('base64');
  const result = await page.evaluate(compareInPage, {
    actual: toUrl(shot), baseline: toUrl(fs.readFileSync(desktopFile)), threshold: tolerance.channel_threshold });
  await page.close();
  const label = `${testCase.name}, browser against desktop (${desktopFile})`;
  if (result.sizeMismatch) return fail(`${label}: desktop image is ${result.sizeMismatch}, browser ${result.width}x${result.height}`);
  const numbers = `${(100 * result.fractionOver).toFixed(3)} % of pixels over ${tolerance.channel_threshold}/255 ` +
    `(limit ${100 * tolerance.max_fraction_over} %), mean difference ${result.meanDifference.toFixed(3)} ` +
    `(limit ${tolerance.max_mean_difference})`;
  if (result.fractionOver > tolerance.max_fraction_over || result.meanDifference > tolerance.max_mean_difference)
    fail(`${label}: ${numbers}`);
  else console.log(`ok ${label}: ${numbers}`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start;
    // --disable-dev-shm-usage: a fresh chroot may have no /dev/shm of any size.
    args: ['--headless=new', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox',
      '--disable-dev-shm-usage'],
  });
  try {
    for (const testCase of cases) await runCase(browser, testCase);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  fail(e.stack || String(e));
});
