/* global window, document, getComputedStyle -- evaluated in the page */
// Every page of the SPA in a real browser, as each role sees it, on a laptop (1366 px) and on a
// phone (390×844): axe-core finds no serious or critical violation, and the defects of issue 14
// that only a real layout shows stay fixed (cut labels, wrapped headers, off-screen actions,
// focus rings, scroll position, tab titles).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'lucas.bernard@demo.guichet.dev';
const TECHNICIAN = 'hugo.moreau@demo.guichet.dev';
const ADMIN = 'admin@guichet.test';
const ADMIN_PASSWORD = 'Admin-e2e-password-2026';
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The outline an element shows while it has the keyboard focus. */
async function focusRing(locator) {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

function assertRing(ring, what) {
  assert.notEqual(ring.style, 'none', `${what} shows a focus ring`);
  assert.ok(ring.width >= 2, `${what}: the focus ring is at least 2 px (${ring.width})`);
}

/** True when nothing of the element's text is cut (no ellipsis, no hidden overflow). */
function notCut(locator) {
  return locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
}

describe('on a laptop', () => {
  test('login: landmarks, the email field focused, focus rings, and a tab title', async () => {
    const { page, context } = await newPerson(browser);
    await page.goto('/login');
    const email = page.getByLabel('Adresse e-mail');
    await email.waitFor();
    assert.ok(await email.evaluate((el) => el === document.activeElement), 'the email field has the focus');
    assert.equal(await page.title(), 'Connexion · Guichet');
    assertRing(await focusRing(email), 'the email field');
    await page.keyboard.press('Tab');
    assertRing(await focusRing(page.getByLabel('Mot de passe')), 'the password field');
    await expectAccessible(page, 'login');

    // The empty-field errors replace the previous refusal.
    await email.fill('personne@demo.guichet.dev');
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill('');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Saisissez votre mot de passe.').waitFor();
    assert.equal(await page.getByText('Adresse e-mail ou mot de passe incorrect.').count(), 0);
    await expectAccessible(page, 'login-errors');
    await context.close();
  });

  test('the employee’s pages', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, EMPLOYEE, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();
    assert.equal(await page.title(), 'Mes demandes · Guichet');
    await expectAccessible(page, 'my-tickets');

    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
    assert.match(await page.title(), /^#\d+ .+ · Guichet$/);
    await expectAccessible(page, 'ticket-as-employee');

    await page.getByRole('link', { name: 'Nouveau ticket' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nouveau ticket' }).waitFor();
    const priority = page.getByRole('textbox', { name: 'Priorité', exact: true });
    await priority.focus();
    assertRing(await focusRing(priority), 'the priority select');
    const file = page.getByLabel('Pièces jointes');
    await file.focus();
    assertRing(await focusRing(file), 'the file button');
    await expectAccessible(page, 'new-ticket-empty');

    await page.getByRole('link', { name: 'Mon profil' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await expectAccessible(page, 'profile');

    // A ticket number that is not a number: "not found", titled so, and never asked of the API.
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto('/tickets/abc');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    assert.equal(await page.title(), 'Page introuvable · Guichet');
    assert.deepEqual(
      asked.filter((path) => path.includes('NaN') || path === '/api/v1/tickets/abc'),
      [],
    );
    await expectAccessible(page, 'not-found');

    // The queue is not the employee's: "page not found", titled so.
    await page.goto('/queue');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    assert.equal(await page.title(), 'Page introuvable · Guichet');
    await context.close();
  });

  test('the technician’s queue: compact, nothing cut, and page 2 starts at the top', async () => {
    const { page, context } = await newPerson(browser, { width: 1366, height: 768 });
    await signIn(page, TECHNICIAN, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'File d’attente' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.title(), 'File d’attente · Guichet');
    await snap(page, 'laptop-queue');
    await expectAccessible(page, 'queue');

    // Headers on one line, the sort box's choice not cut.
    const heights = await page
      .locator('thead th')
      .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().height));
    assert.ok(Math.max(...heights) < 45, `queue headers on one line (${heights.join(', ')})`);
    assert.ok(await notCut(page.getByRole('textbox', { name: 'Trier par' })), 'the sort box shows its whole choice');
    // More than the ~7 rows of before fit in the first screen.
    const visible = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
    assert.ok(visible >= 6, `${visible} rows visible at 1366×768`);

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const first = await page.locator('tbody tr a').first().textContent();
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.waitForFunction((before) => document.querySelector('tbody tr a')?.textContent !== before, first);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'page 2 is shown from its top');

    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
    await expectAccessible(page, 'ticket-as-technician');
    await context.close();
  });

  test('the admin pages', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, ADMIN, ADMIN_PASSWORD);
    for (const [link, heading] of [
      ['Utilisateurs', 'Utilisateurs'],
      ['Catégories', 'Catégories'],
      ['Courriels sortants', 'Courriels sortants'],
    ]) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await page.title(), `${heading} · Guichet`);
      await expectAccessible(page, `admin-${link}`);
    }
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'admin-create-user-dialog');
    await context.close();
  });
});

describe('on a phone', () => {
  test('the agent’s queue shows the first ticket, its requester and assignee', async () => {
    const { page, context } = await newPerson(browser, PHONE);
    await signIn(page, TECHNICIAN, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'File d’attente' }).waitFor();
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    const box = await firstRow.boundingBox();
    assert.ok(
      box.y + box.height <= PHONE.height,
      `the first ticket is on the first screen (bottom at ${box.y + box.height})`,
    );
    await firstRow.getByText(/Demandeur : .+ · Assigné à : .+/).waitFor();
    await snap(page, 'phone-queue');
    await expectAccessible(page, 'phone-queue');

    await page.getByRole('button', { name: /^Filtres/ }).click();
    await page.getByRole('textbox', { name: 'Priorité', exact: true }).waitFor();
    await expectAccessible(page, 'phone-queue-filters');

    await page
      .getByRole('button', { name: /menu|navigation/i })
      .first()
      .click();
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes demandes' })
      .waitFor();
    await expectAccessible(page, 'phone-navigation');
    await context.close();
  });

  test('the employee’s pages', async () => {
    const { page, context } = await newPerson(browser, PHONE);
    await signIn(page, EMPLOYEE, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();
    await expectAccessible(page, 'phone-my-tickets');
    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
    await expectAccessible(page, 'phone-ticket');
    await context.close();
  });

  test('admin tables keep their actions on screen', async () => {
    const { page, context } = await newPerson(browser, PHONE);
    await signIn(page, ADMIN, ADMIN_PASSWORD);
    await page.goto('/admin/users');
    const actions = page.getByRole('button', { name: /^Actions pour / }).first();
    await actions.waitFor();
    const box = await actions.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the actions menu is on screen (x = ${box.x})`);
    await snap(page, 'phone-admin-users');
    await expectAccessible(page, 'phone-admin-users');
    await actions.click();
    await page.getByRole('menuitem', { name: 'Modifier' }).waitFor();
    await page.keyboard.press('Escape');

    await page.goto('/admin/categories');
    const rename = page.getByRole('button', { name: /^Renommer / }).first();
    await rename.waitFor();
    const renameBox = await rename.boundingBox();
    assert.ok(renameBox.x + renameBox.width <= PHONE.width, `category actions on screen (x = ${renameBox.x})`);
    await expectAccessible(page, 'phone-admin-categories');
    await context.close();
  });
});
