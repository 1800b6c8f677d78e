// The queue's bulk actions and keyboard shortcuts through the real backend: a technician selects
// three new tickets (a click, then a shift-click) and assigns them to themself in one request;
// then walks the queue with j / k, opens a ticket with Enter, lists the shortcuts with ?.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'camille.martin@demo.guichet.dev';
const TECHNICIAN = 'ines.dubois@demo.guichet.dev';
const WORD = `bulkzorg${Date.now().toString(36)}`;
const TITLES = [1, 2, 3].map((n) => `Poste ${n} sans réseau ${WORD}`);

/** Calls the API as someone (a plain fetch: the tickets to act on are setup, not the subject). */
async function apiAs(email) {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(login.status, 200);
  const { access_token: token } = await login.json();
  return async (method, path, body) => {
    const response = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status}`);
    return response.json();
  };
}

describe('bulk actions and shortcuts in the queue', () => {
  let browser;
  let technician;
  let ticketIds;

  before(async () => {
    const camille = await apiAs(EMPLOYEE);
    ticketIds = [];
    for (const title of TITLES) {
      ticketIds.push((await camille('POST', '/tickets', { title, description: `Câble débranché ? ${WORD}` })).id);
    }
    browser = await launch();
    technician = await newPerson(browser);
  });

  after(async () => {
    await browser?.close();
  });

  test('the technician selects three tickets and assigns them to themself in one go', async () => {
    const { page } = technician;
    await signIn(page, TECHNICIAN, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'File d’attente' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher dans les tickets' }).fill(WORD);
    await page.getByText('1–3 sur 3').waitFor();

    const boxes = page.getByRole('checkbox', { name: /^Sélectionner le ticket #\d+ : / });
    assert.equal(await boxes.count(), 3);
    await boxes.nth(0).click();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    const bar = page.getByRole('region', { name: 'Actions sur la sélection' });
    await bar.getByText('3 tickets sélectionnés').waitFor();
    const all = page.getByRole('checkbox', { name: 'Sélectionner tous les tickets de la page' });
    assert.equal(await all.isChecked(), true);
    await expectAccessible(page, 'queue-selection');

    const bulk = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets/bulk'));
    await bar.getByRole('button', { name: 'M’attribuer' }).click();
    assert.equal((await bulk).status(), 200);
    await page.getByRole('alert').getByText('3 modifiés').waitFor();
    await bar.waitFor({ state: 'detached' }); // nothing refused: nothing left selected
    // The queue shows the new assignee on every row (the requester and assignee cell of a row).
    await page.getByRole('cell', { name: 'Inès Dubois' }).nth(2).waitFor();
    await snap(page, 'queue-bulk-assigned');
    await expectAccessible(page, 'queue-bulk-report');

    const ines = await apiAs(TECHNICIAN);
    for (const id of ticketIds) {
      const ticket = await ines('GET', `/tickets/${id}`);
      assert.equal(ticket.assignee?.full_name, 'Inès Dubois', `ticket ${id}`);
      const history = await ines('GET', `/tickets/${id}/history`);
      assert.ok(
        history.some((e) => e.field === 'assignee' && e.actor?.full_name === 'Inès Dubois'),
        `history of ${id}: ${JSON.stringify(history)}`,
      );
    }
  });

  test('j and k move along the rows, Enter opens one, ? lists the shortcuts, u comes back', async () => {
    const { page } = technician;
    // Out of the search box: in a field, letters are letters.
    await page.getByRole('heading', { level: 1, name: 'File d’attente' }).click();
    // The focus bar starts on the row clicked last (the third); up to the top, down one, up one.
    for (const key of ['k', 'k', 'k', 'j', 'k']) await page.keyboard.press(key);
    const first = page.locator('tbody tr').first().getByRole('link');
    // eslint-disable-next-line no-undef
    assert.equal(await first.evaluate((link) => link === document.activeElement), true);
    const title = await first.textContent();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await dialog.getByText('Écrire une note interne').waitFor();
    await expectAccessible(page, 'shortcuts-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('u');
    await page.getByRole('heading', { level: 1, name: 'File d’attente' }).waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Rechercher dans les tickets' }).inputValue(), WORD);
  });

  test('on a phone, the selection and its actions fit the screen', async () => {
    const { page } = await newPerson(browser, { width: 390, height: 844 });
    await signIn(page, TECHNICIAN, PASSWORD);
    await page.getByRole('searchbox', { name: 'Rechercher dans les tickets' }).fill(WORD);
    await page.getByText('1–3 sur 3').waitFor();
    await page.getByRole('checkbox', { name: 'Sélectionner tous les tickets de la page' }).click();
    const bar = page.getByRole('region', { name: 'Actions sur la sélection' });
    await bar.getByText('3 tickets sélectionnés').waitFor();
    // eslint-disable-next-line no-undef
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page scrolls sideways: ${width}px`);
    await bar.getByRole('textbox', { name: 'Changer la priorité…' }).click();
    await page.getByRole('option', { name: 'Haute', exact: true }).click();
    await page.getByRole('alert').getByText('3 modifiés').waitFor();
    await snap(page, 'queue-bulk-phone');
    await expectAccessible(page, 'queue-bulk-phone');
  });
});
