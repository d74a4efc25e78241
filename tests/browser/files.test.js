// Nothing lost in the browser, and the teacher's own files opened there (issue 17): the one-file
// page from file://, in one browser context (its storage kept across reloads, as a student's
// browser keeps it), must
// - keep a changed setting (Ctrl+= : larger text) across a reload;
// - open a lesson file given to its file picker (Ctrl+O must open the picker), keep it in the
//   browser's storage, and after a reload with no link open it again where the teacher left off;
// - refuse a broken lesson with its file:line:col line, keeping nothing of it and losing nothing;
// - open a model file given to the picker, and refuse a broken one in one line, working on.
// The program's messages reach the console as warnings; each expected one is checked and taken
// off, and any other console warning or error fails the test.
//
// Usage: node files.test.js PAGE.html OUTPUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const { compareInPage, settle, openPageOn, launch, toUrl, viewport } = require('./page_tools');

const [pageFile, outputDir] = process.argv.slice(2);
if (!pageFile || !outputDir) {
  console.error('usage: node files.test.js PAGE.html OUTPUT_DIR');
  process.exit(2);
}
const root = path.resolve(__dirname, '../..');
const settingsFile = '/home/web_user/.config/psoas-atlas/settings.toml';
const lessonsFolder = '/home/web_user/.local/share/psoas-atlas/lessons';

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}
function pass(message) {
  console.log(`ok ${message}`);
}

// The page's messages so far that contain `text`: taken off the list (they are expected); fails
// when there is none.
function expectMessage(messages, text, what) {
  const at = messages.findIndex((m) => m.includes(text));
  if (at < 0) return fail(`${what}: no message '${text}' (got: ${messages.join(' | ') || 'none'})`);
  pass(`${what}: "${messages[at].replace(/^console warning: /, '')}"`);
  return messages.splice(at, 1)[0];
}

// The picture once the status line (5 s) has gone and nothing moves.
async function quietPicture(page, name) {
  await page.waitForTimeout(5500);
  const shot = await settle(page);
  fs.writeFileSync(path.join(outputDir, `browser_files_${name}.png`), shot);
  return shot;
}

async function changedFraction(page, a, b) {
  return (await page.evaluate(compareInPage, { actual: toUrl(a), baseline: toUrl(b), threshold: 5 })).fractionOver;
}
async function expectSame(page, a, b, what) {
  const fraction = await changedFraction(page, a, b);
  if (fraction > 0.002) fail(`${what}: ${(100 * fraction).toFixed(2)} % of the pixels differ (at most 0.2 % expected)`);
  else pass(`${what}: the same picture (${(100 * fraction).toFixed(3)} % of the pixels differ)`);
}
async function expectDifferent(page, a, b, what) {
  const fraction = await changedFraction(page, a, b);
  if (fraction < 0.02) fail(`${what}: only ${(100 * fraction).toFixed(2)} % of the pixels changed (at least 2 % expected)`);
  else pass(`${what}: ${(100 * fraction).toFixed(1)} % of the pixels changed`);
}

// The page (re)loaded in `context`, running and with its files read back from storage.
async function started(page, messages) {
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module.psoasRunning === true, null, { timeout: 60000 });
  if (!(await page.evaluate(() => !!Module.psoasStorage))) fail(`the page has no storage (messages: ${messages.join(' | ')})`);
}

// Waits until the page's copy to IndexedDB is done (platform::keepUserFiles).
async function kept(page) {
  await page.waitForFunction(() => Module.psoasStorage && !Module.psoasStorage.busy, null, { timeout: 20000 });
}

const readInPage = (page, file) => page.evaluate((f) => {
  try { return FS.readFile(f, { encoding: 'utf8' }); } catch (e) { return null; }
}, file);
const lessonFiles = (page) => page.evaluate((folder) => {
  try { return FS.readdir(folder).filter((n) => !n.startsWith('.')).sort(); } catch (e) { return []; }
}, lessonsFolder);

// The file pickers the page opens, in order. Playwright catches a picker only while something
// listens for it, and it starts to catch them a little after a listener is added: one listener
// for the whole test, added before any key or click, so that a picker opened by a key pressed
// just after the listener came is never missed (it was, once in a few runs, with
// Promise.all([waitForEvent('filechooser'), keyboard.press(…)])).
function fileChoosers(page) {
  const opened = [];
  let waiting = null;
  page.on('filechooser', (chooser) => {
    if (waiting) waiting(chooser);
    else opened.push(chooser);
  });
  return {
    // The next picker, or null after 20 s.
    next: () => (opened.length ? Promise.resolve(opened.shift()) : new Promise((resolve) => {
      const timer = setTimeout(() => { waiting = null; resolve(null); }, 20000);
      waiting = (chooser) => { clearTimeout(timer); waiting = null; resolve(chooser); };
    })),
  };
}

// A copy of the built-in attachments lesson under an id and title of the teacher's own.
function teachersLesson(dir, id = 'my-attachments', title = 'My attachments') {
  const text = fs.readFileSync(path.join(root, 'lessons', '02-attachments.toml'), 'utf8')
    .replace(/^id = .*$/m, `id = "${id}"`).replace(/^title = .*$/m, `title = "${title}"`);
  const file = path.join(dir, `${id}.toml`);
  fs.writeFileSync(file, text);
  return file;
}

async function settingsSurviveAReload(context, page, messages) {
  const before = await quietPicture(page, 'first');
  await page.keyboard.press('Control+Equal');
  expectMessage(messages, 'Text and lines at 125\u00a0%', 'Ctrl+=');
  await kept(page);
  const larger = await quietPicture(page, 'text_larger');
  await expectDifferent(page, before, larger, 'Ctrl+= (larger text)');
  await page.reload();
  await started(page, messages);
  const reloaded = await quietPicture(page, 'text_larger_after_reload');
  const saved = await readInPage(page, settingsFile);
  if (!/^ui_scale = 1\.25$/m.test(saved || '')) fail(`after a reload ${settingsFile} holds no ui_scale = 1.25: ${saved}`);
  await expectSame(page, reloaded, larger, 'a reload after Ctrl+= (text stays larger)');
  return reloaded;
}

async function lessonsOpenAndSurvive(page, choosers, messages, before, dir) {
  // Ctrl+O opens the page's file picker; the lesson chosen there opens at its first step.
  await page.keyboard.press('Control+o');
  const chooser = await choosers.next();
  if (!chooser) return fail('Ctrl+O opened no file picker');
  pass('Ctrl+O opened the file picker');
  await chooser.setFiles(teachersLesson(dir));
  await page.waitForTimeout(1500);
  expectMessage(messages, "Opened lesson 'My attachments', kept in your lessons", 'a lesson given to the file picker');
  await kept(page);
  const opened = await quietPicture(page, 'my_lesson_opened');
  await expectDifferent(page, before, opened, 'the teacher\'s lesson opened');

  // A broken lesson: its file:line:col line; nothing kept, nothing lost, the lesson stays.
  await page.setInputFiles('#open-files', path.join(root, 'tests/data/bad_lessons/missing_equals.toml'));
  await page.waitForTimeout(1500);
  // Named as the teacher chose it: the page's own folder for picked files means nothing to them.
  expectMessage(messages, 'psoas-atlas: missing_equals.toml:7:10: ', 'a broken lesson given to the file picker');
  const refused = await quietPicture(page, 'broken_lesson_refused');
  await expectSame(page, refused, opened, 'the lesson on screen after a broken one was refused');
  const files = await lessonFiles(page);
  if (files.join() !== 'my-attachments.toml') fail(`the browser keeps ${files.join(', ') || 'nothing'}, not my-attachments.toml alone`);
  else pass('the browser keeps my-attachments.toml alone');

  // It goes on working; after a reload the teacher's lesson is there, at the step reached.
  await page.keyboard.press('PageDown');
  const secondStep = await quietPicture(page, 'my_lesson_step_2');
  await expectDifferent(page, opened, secondStep, 'PageDown after the refused lesson');
  await kept(page);
  await page.goto('file://' + path.resolve(pageFile));  // no link: where the teacher left off
  await started(page, messages);
  const reloaded = await quietPicture(page, 'my_lesson_after_reload');
  const saved = await readInPage(page, settingsFile);
  if (!/^last_lesson = ["']my-attachments["']$/m.test(saved || '')) fail(`after a reload ${settingsFile} names another lesson: ${saved}`);
  const keptFiles = await lessonFiles(page);
  if (keptFiles.join() !== 'my-attachments.toml') fail(`after a reload the browser keeps ${keptFiles.join(', ') || 'nothing'}`);
  await expectSame(page, reloaded, secondStep, 'a reload (the teacher\'s lesson, step 2, from the browser\'s storage)');
}

// Two tabs of the page (session 10): a lesson kept by one tab was removed from the browser's
// storage by the other tab's next save (IDBFS made the stored copy equal to that tab's files, which
// never had the lesson). Now a save adds and replaces, never removes.
async function twoTabsKeepEachOthersLessons(context, page, messages, dir) {
  const { page: other, problems: otherMessages } = await openPageOn(context, pageFile, '?lesson=attachments&step=2');
  await started(other, otherMessages);
  await page.setInputFiles('#open-files', teachersLesson(dir, 'my-second', 'My second lesson'));
  await page.waitForTimeout(1500);
  expectMessage(messages, "Opened lesson 'My second lesson', kept in your lessons", 'a second lesson, in the first tab');
  await kept(page);
  // The other tab, started before the second lesson was kept, keeps a lesson of its own.
  await other.setInputFiles('#open-files', teachersLesson(dir, 'my-third', 'My third lesson'));
  await other.waitForTimeout(1500);
  expectMessage(otherMessages, "Opened lesson 'My third lesson', kept in your lessons", 'a third lesson, in the other tab');
  await kept(other);
  await other.close();
  await page.reload();
  await started(page, messages);
  const files = await lessonFiles(page);
  if (files.join() !== 'my-attachments.toml,my-second.toml,my-third.toml')
    fail(`after a save in another tab and a reload the browser keeps ${files.join(', ') || 'nothing'}, not all three lessons`);
  else pass('a save in another tab keeps the lesson this tab opened (all three lessons after a reload)');
}

async function modelsOpen(page, choosers, messages, before, dir) {
  await page.setInputFiles('#open-files', path.join(root, 'tests/data/cube.obj'));
  await page.waitForTimeout(3000);
  expectMessage(messages, 'Opened cube.obj (1 structure)', 'a model file given to the file picker');
  expectMessage(messages, 'assumed units: metres', 'the model\'s units, guessed as on the desktop');
  const cube = await quietPicture(page, 'cube_opened');
  await expectDifferent(page, before, cube, 'the cube opened');
  const broken = path.join(dir, 'broken.stl');
  fs.writeFileSync(broken, 'solid broken\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 nonsense\n');
  await page.setInputFiles('#open-files', broken);
  await page.waitForTimeout(1500);
  const line = expectMessage(messages, 'psoas-atlas: error: broken.stl: ', 'a broken model file');
  if (line && line.includes('\n')) fail(`the broken model's message is more than one line: ${line}`);
  const after = await quietPicture(page, 'broken_model_refused');
  await expectSame(page, after, cube, 'the cube after a broken model was refused');
  // The panel's "Open files… (Ctrl+O)" button (top of a model's panel, text at 125 %) opens the picker.
  await page.mouse.click(115, 137);
  if (!(await choosers.next())) fail('a click on "Open files… (Ctrl+O)" opened no file picker');
  else pass('a click on "Open files… (Ctrl+O)" opened the file picker');
}

(async () => {
  fs.mkdirSync(outputDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(outputDir, 'files-'));
  const browser = await launch();
  try {
    // One student's browser: its storage lasts across reloads. A still step (the first lesson turns).
    const context = await browser.newContext({ viewport });
    const { page, problems: messages, url } = await openPageOn(context, pageFile, '?lesson=attachments&step=2');
    const choosers = fileChoosers(page);
    await started(page, messages);
    console.log(`page: ${url}`);
    const reloaded = await settingsSurviveAReload(context, page, messages);
    await lessonsOpenAndSurvive(page, choosers, messages, reloaded, dir);
    await twoTabsKeepEachOthersLessons(context, page, messages, dir);
    await modelsOpen(page, choosers, messages, reloaded, dir);
    for (const m of messages) fail(`unexpected: ${m}`);
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e.stack || String(e)));
