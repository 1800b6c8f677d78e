// Browser helpers for the end-to-end suite: Debian's Chromium through playwright-core
// (no browser download), and the few gestures the scenario repeats.
import { mkdirSync } from 'node:fs';
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
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  return { context, page };
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
