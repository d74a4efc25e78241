// A benchmark, not a test (./test does not run it): the median time between frames of a moving
// step (the breathing lesson's step 4 by default) in headless chromium with SwiftShader, as a
// student's browser without a GPU would draw it. The viewer draws on every animation frame while
// something moves, so the interval is the frame's cost, or the display's 1/60 s when it is cheaper.
//
// Usage: node tests/browser/frame_time.js [PAGE.html] [QUERY] [RUNS]
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const [pageFile = 'build-web/dist/psoas-atlas.html', query = '?lesson=breathing&step=4', runs = '5'] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  const medians = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto('file://' + path.resolve(pageFile) + query);
    await page.waitForFunction(() => typeof Module !== 'undefined' && Module.ctx, null, { timeout: 60000 });
    await page.waitForTimeout(5000);  // the step's glide and fades done; breathing goes on
    for (let run = 0; run < Number(runs); ++run) {
      const median = await page.evaluate(() => new Promise((resolve) => {
        const times = [];
        const tick = (t) => {
          times.push(t);
          if (times.length < 61) return requestAnimationFrame(tick);
          const gaps = times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b);
          resolve(gaps[gaps.length >> 1]);
        };
        requestAnimationFrame(tick);
      }));
      medians.push(median);
    }
  } finally {
    await browser.close();
  }
  const sorted = [...medians].sort((a, b) => a - b);
  console.log(JSON.stringify({ query, runs_ms: medians.map((m) => +m.toFixed(2)), median_ms: +sorted[sorted.length >> 1].toFixed(2) }));
})();
