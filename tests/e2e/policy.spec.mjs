// The Content-Security-Policy at work in the running app, not only in the file: markup
// that reaches the page any way refuses to run, style or fetch; the headers a static host
// sends (dist/_headers, which the test server applies) keep the app out of any frame;
// and the app's own sizes (the score bars) still apply, set through the CSSOM.
import { test as plain, expect as plainExpect } from '@playwright/test';
import { test, expect, openApp, startAssessment, questions, answer } from './fixtures.mjs';

// These tests provoke refusals, which Chromium logs as console errors: they run without
// the shared console guard, and check for foreign requests themselves.
plain('inline scripts, handlers, style attributes and other hosts are refused in the running app', async ({ page, baseURL }) => {
  // Chromium reports a request the policy stops before it is sent, as failed with
  // ERR_BLOCKED_BY_CSP: any other outcome for a foreign request means it left.
  const foreign = [];
  page.on('requestfinished', (r) => { if (!r.url().startsWith(new URL(baseURL).origin)) foreign.push(`sent: ${r.url()}`); });
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith(new URL(baseURL).origin) && !['csp', 'net::ERR_BLOCKED_BY_CSP'].includes(r.failure()?.errorText)) foreign.push(`${r.failure()?.errorText}: ${r.url()}`);
  });
  await page.goto('./');
  await plainExpect(page.locator('main h1')).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const main = document.querySelector('main');
    // A script element, an inline handler, a javascript: URL, a style attribute.
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = "script"';
    main.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="missing.png" onerror="window.__pwned = \'onerror\'"><a id="js" href="javascript:window.__pwned=\'href\'">x</a>';
    main.append(holder);
    document.getElementById('js').click();
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: rgb(255, 0, 0)');
    main.append(styled);
    // Another host, by fetch and by image.
    const fetched = await fetch('https://example.com/collect').then(() => 'sent', () => 'refused');
    const img = new Image();
    img.src = 'https://example.com/pixel.png';
    main.append(img);
    await new Promise((r) => setTimeout(r, 500));
    return { pwned: window.__pwned ?? null, color: getComputedStyle(styled).color, fetched, violations: [...new Set(violations)].sort() };
  });
  plainExpect(outcome.pwned).toBeNull();
  plainExpect(outcome.color).not.toBe('rgb(255, 0, 0)');
  plainExpect(outcome.fetched).toBe('refused');
  plainExpect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-attr', 'script-src-elem', 'style-src-attr']));
  plainExpect(foreign).toEqual([]);
});

plain('the page is served with the policy and security headers, and no other page can frame it', async ({ page, baseURL }) => {
  const response = await page.goto('./');
  const headers = response.headers();
  plainExpect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  plainExpect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  plainExpect(headers['x-frame-options']).toBe('DENY');
  plainExpect(headers['x-content-type-options']).toBe('nosniff');
  plainExpect(headers['referrer-policy']).toBe('no-referrer');
  plainExpect(headers['permissions-policy']).toContain('camera=()');
  plainExpect(headers['cache-control']).toBe('no-cache');

  // Framed by another page (a blank one, of no origin of the app's): the browser fetches
  // the app, then refuses to show it.
  const other = await page.context().newPage();
  const served = other.waitForResponse((r) => r.url() === baseURL);
  await other.setContent(`<iframe src="${baseURL}" title="framed"></iframe>`);
  await served;
  await other.waitForTimeout(1000);
  const frame = other.frames().find((f) => f !== other.mainFrame());
  plainExpect(frame.url()).toMatch(/^chrome-error:/);
  await plainExpect(other.frameLocator('iframe').locator('main h1')).toHaveCount(0);
});

test('the score bars still take their sizes, set through the CSSOM and not a style attribute', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Bars' });
  await answer(questions(page).nth(0), 3);
  await openApp(page, `#/a/${id}/results`);
  const bar = page.locator('.bar-row[data-step="1"]');
  const score = Number(await bar.locator('.bar-score').textContent());
  expect(score).toBeGreaterThan(0);
  const fraction = await bar.evaluate((row) => row.querySelector('.bar-fill').getBoundingClientRect().width / row.querySelector('.bar-track').getBoundingClientRect().width);
  expect(Math.abs(fraction * 100 - score)).toBeLessThan(1.5);
});
