// Browser helpers for the end-to-end suite: Debian's Chromium through playwright-core
// (no browser download), and the few gestures the scenario repeats.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Starts headless Chromium (CHROMIUM overrides /usr/bin/chromium). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Messages of the Content Security Policy violations seen by any page of this process. */
export const cspViolations = [];

/** A fresh browser context (its own storage: one person) with a page, in French. */
export async function newPerson(browser, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', baseURL: BASE_URL });
  // Generous: CI runs this on two cores, next to the backend, nginx and PostgreSQL.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  trackRequests(page);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  return { context, page };
}

/** Requests in flight per page, except the live event stream, which stays open by design. */
const inFlight = new WeakMap();

function trackRequests(page) {
  const pending = new Set();
  inFlight.set(page, pending);
  const done = (request) => pending.delete(request);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/api/v1/events') pending.add(request);
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until the page has had no request in flight for 500 ms (at most 10 s). Playwright's
 * 'networkidle' never comes while the app shell holds its live event stream open.
 */
export async function networkSettled(page) {
  const pending = inFlight.get(page) ?? new Set();
  const deadline = Date.now() + 10_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (pending.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 500) return;
    await page.waitForTimeout(50);
  }
}

/** Signs in through the login page and waits for the first page after it. */
export async function signIn(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  try {
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  } catch (error) {
    await snap(page, `failed-sign-in-${email.split('@')[0]}`);
    throw error;
  }
}

/** Picks an option of a Mantine Select found by its label. */
export async function choose(page, label, option) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Saves a full-page screenshot under e2e/artifacts/. */
export async function snap(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) on the page as it is now
 * and fails on any serious or critical violation, listing each rule with a few of its elements.
 * axe is evaluated through the DevTools protocol, so the page's Content Security Policy stays on.
 */
export async function expectAccessible(page, name) {
  // Let transitions and pending requests settle, so axe sees the page a user sees.
  await networkSettled(page);
  // Dialogs and menus fade in: judge their colours once the transitions are over.
  // eslint-disable-next-line no-undef
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished))).catch(() => {});
  // eslint-disable-next-line no-undef
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
        count: v.nodes.length,
      }));
  });
  if (violations.length > 0) await snap(page, `axe-${name}`);
  const report = violations
    .map((v) => `${v.impact} ${v.id} (${v.count}): ${v.help}\n    ${v.nodes.join('\n    ')}`)
    .join('\n');
  assert.equal(violations.length, 0, `axe on ${name}:\n${report}`);
}
