// What the browser tier's tests share: chromium launched as they need it, the page opened from
// file:// with its console watched, the picture once it stops changing, and image comparison.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const viewport = { width: 1280, height: 720 };

// Debian's chromium, headless, with SwiftShader's WebGL 2.
// `extraArgs`: more of chromium's switches (e.g. one that takes WebGL away).
function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start;
    // --disable-dev-shm-usage: a fresh chroot may have no /dev/shm of any size.
    args: ['--headless=new', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox',
      '--disable-dev-shm-usage', ...extraArgs],
  });
}

const toUrl = (buffer) => 'data:image/png;base64,' + buffer.toString('base64');
// Runs in the page: per-pixel difference of two PNGs (data URLs) of the same size, plus how much
// of `actual` is something other than its corner colour (an empty canvas is one colour).
// With `halve`, `actual` is first scaled to half its width and height (a 2x page against 1x).
async function compareInPage({ actual, baseline, threshold, halve }) {
  const pixels = async (url, scale) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const [width, height] = [Math.round(image.width * scale), Math.round(image.height * scale)];
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, width, height);
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  };
  const a = await pixels(actual, halve ? 0.5 : 1);
  const result = { width: a.width, height: a.height, drawn: 0 };
  const [r0, g0, b0] = [a.data[0], a.data[1], a.data[2]];
  for (let i = 0; i < a.data.length; i += 4)
    if (Math.abs(a.data[i] - r0) + Math.abs(a.data[i + 1] - g0) + Math.abs(a.data[i + 2] - b0) > 30) result.drawn++;
  result.drawn /= a.width * a.height;
  if (!baseline) return result;
  const b = await pixels(baseline, 1);
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

// The picture once it stops changing: a step's transitions run on the page's clock; wait until
// two frames a second apart are the same image.
async function settle(page) {
  let previous = null, shot = null;
  for (let i = 0; i < 30; ++i) {
    await page.waitForTimeout(1000);
    shot = await page.screenshot();
    if (previous && shot.equals(previous)) break;
    previous = shot;
  }
  return shot;
}

// Opens the one file PAGEFILE at `query` with touch enabled (as a tablet) and collects every console error
// or warning (the program's stderr lines, Chromium's "WebGL: INVALID_…" reports) and page error.
// `browser` may be a browser (a page in a fresh context: nothing kept from other pages) or one
// context (its pages share the browser's storage, as a reload does).
async function openPageOn(browser, pageFile, query, options = {}) {
  const page = await browser.newPage({ viewport, hasTouch: true, ...options });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const url = 'file://' + path.resolve(pageFile) + query;
  await page.goto(url);
  // Started: the runtime is up and has a WebGL 2 context.
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module.ctx, null, { timeout: 60000 });
  return { page, problems, url };
}

module.exports = { launch, viewport, toUrl, compareInPage, settle, openPageOn };
