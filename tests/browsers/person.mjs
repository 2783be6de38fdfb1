// What a person does in the app, in WebDriver terms, the same in every engine: find a
// control by its label or a button by its name, click it as a pointer would, type, wait
// for the text they would read. Elements are found by the page's own words (labels,
// names, headings), as the Playwright suite does.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import webdriver from 'selenium-webdriver';

const { By, until } = webdriver;
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const TIMEOUT = 15_000;
// A label says `text`, or starts with it as its first part ("Level 3" before the level's
// description), as a person reads it.
const LABELLED = '(l) => l.textContent.trim() === text || l.firstElementChild?.textContent.trim() === text';

export class Person {
  constructor(driver, base) {
    this.driver = driver;
    this.base = base;
  }

  /** Opens a view (`#/new`) and waits for the app to render its heading. */
  async open(hash = '') {
    await this.driver.get(this.base + hash);
    await this.heading();
  }

  /**
   * Reloads the page as a person does (F5). Not WebDriver's Refresh: geckodriver's is a
   * forced reload that bypasses the service worker (the page then has no controller),
   * which a person's reload does not; `location.reload()` is the same in every engine.
   * It runs on a timer, after the script has returned, and the new page is recognised
   * by a mark the old one had: WebKitWebDriver fails any command that runs a script while
   * the page unloads ("Callback was not called before the unload event"), element
   * commands too, so selenium's stalenessOf cannot be used there; waitFor retries.
   */
  async reload() {
    await this.driver.executeScript('window.__beforeReload = true; setTimeout(() => location.reload(), 0);');
    await this.waitFor(() => this.driver.executeScript('return window.__beforeReload === undefined && document.readyState === "complete";'), 'the page to load again');
    await this.heading();
  }

  async heading(expected) {
    const h1 = await this.driver.wait(until.elementLocated(By.css('main h1')), TIMEOUT);
    if (expected !== undefined) await this.waitFor(async () => matches(await h1.getText(), expected), `main heading ${expected}`, () => h1.getText());
    return h1.getText();
  }

  async url() { return this.driver.getCurrentUrl(); }

  /** Waits until `check()` is true; `now()` says what was there instead. */
  async waitFor(check, what, now = async () => '') {
    try {
      await this.driver.wait(async () => { try { return await check(); } catch { return false; } }, TIMEOUT);
    } catch {
      assert.fail(`waited for ${what}; found ${JSON.stringify(await now().catch((e) => e.message))}`);
    }
  }

  /** The control a label names (`label.control`), optionally within `scope`; waited
   *  for, as a person waits for a part of a view whose code is still on its way. */
  async control(label, scope = null) {
    const find = () => this.driver.executeScript(
      `const [text, scope] = arguments;
       const label = [...(scope ?? document).querySelectorAll('label')].find(${LABELLED});
       return label ? label.control : null;`, label, scope);
    let el = null;
    await this.waitFor(async () => (el = await find()) !== null, `a control labelled "${label}"`);
    return el;
  }

  /** Clicks a radio or checkbox's label, as a person clicks the words beside it. */
  async choose(label, scope = null) {
    const el = await this.driver.executeScript(
      `const [text, scope] = arguments;
       return [...(scope ?? document).querySelectorAll('label')].find(${LABELLED}) ?? null;`, label, scope);
    assert.ok(el, `a label "${label}"`);
    await el.click();
    const control = await this.control(label, scope);
    await this.waitFor(() => control.isSelected(), `"${label}" chosen`);
  }

  async fill(label, text) {
    const el = await this.control(label);
    await el.clear();
    await el.sendKeys(text);
  }

  /** A button or link by its accessible name (its aria-label, or its text). */
  async named(kind, name, scope = null) {
    let el = null;
    await this.waitFor(async () => {
      el = await this.driver.executeScript(
        `const [selector, name, scope] = arguments;
         return [...(scope ?? document).querySelectorAll(selector)]
           .find((e) => (e.getAttribute('aria-label') ?? e.textContent.trim()) === name) ?? null;`,
        kind === 'button' ? 'button' : 'a[href]', name, scope);
      return el !== null;
    }, `a ${kind} named "${name}"`);
    return el;
  }

  async click(kind, name, scope = null) {
    await (await this.named(kind, name, scope)).click();
  }

  /** The text of the first element `css` selects, once it is there. */
  async text(css) {
    const el = await this.driver.wait(until.elementLocated(By.css(css)), TIMEOUT);
    return el.getText();
  }

  async all(css) { return this.driver.findElements(By.css(css)); }

  /** Waits until the text of `css` is (or matches) `expected`. */
  async seeText(css, expected) {
    await this.waitFor(async () => matches(await this.text(css), expected), `${css} to read ${expected}`, () => this.text(css));
  }

  /** Waits until the page's text contains `text`. */
  async see(text) {
    await this.waitFor(async () => (await this.driver.findElement(By.css('body')).getText()).includes(text),
      `the page to say "${text}"`, async () => (await this.driver.findElement(By.css('main')).getText()).slice(0, 400));
  }

  /** Gives every file of `paths` to the file input `label` names (one or several). */
  async upload(label, paths) {
    const input = await this.control(label);
    await input.sendKeys(paths.join('\n'));
  }

  /** Local storage, every entry, sorted by key. */
  async storage() {
    return this.driver.executeScript(
      'return Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]));');
  }

  /** Fails on any serious or critical axe violation (WCAG 2.1 A and AA) in the view. */
  async expectAccessible(view) {
    await this.driver.executeScript(axeSource);
    const { bad, passed } = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
         .then((r) => done({
           passed: r.passes.length,
           bad: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
             .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')),
         }))
         .catch((e) => done({ passed: 0, bad: ['axe failed: ' + e] }));`);
    assert.deepEqual(bad, [], `${view}: accessibility`);
    assert.ok(passed > 10, `${view}: axe ran (${passed} rules passed)`);
  }
}

function matches(text, expected) {
  return expected instanceof RegExp ? expected.test(text) : text === expected;
}
