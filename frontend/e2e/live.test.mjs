// Live updates through the real backend (and nginx when run.sh puts it in front): two people in
// two browsers; what one does appears on the other's screen within 2 s, without a reload.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cspViolations, expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
// Other demo accounts than ticket-life.test.mjs uses, so the two scenarios never cross.
const EMPLOYEE = 'lucas.bernard@demo.guichet.dev';
const TECHNICIAN = 'hugo.moreau@demo.guichet.dev';
const WORD = `quasar${Date.now().toString(36)}`;
const TITLE = `Le Wi-Fi décroche en réunion ${WORD}`;
const NOTE = `Borne du 3e à remplacer, ne pas le dire encore (${WORD})`;
const ANSWER = `Pouvez-vous essayer le réseau invité ? (${WORD})`;
const FOLLOW_UP = `Même chose sur le réseau invité (${WORD})`;
/** The promise: the other browser shows it within 2 s. */
const LIVE = { timeout: 2_000 };

describe('live updates between two browsers', () => {
  let browser;
  let employee;
  let technician;

  before(async () => {
    browser = await launch();
    employee = await newPerson(browser);
    technician = await newPerson(browser);
    await signIn(employee.page, EMPLOYEE, PASSWORD);
    await signIn(technician.page, TECHNICIAN, PASSWORD);
  });

  after(async () => {
    await browser?.close();
  });

  test('a new ticket appears in the open queue without a reload', async () => {
    const queue = technician.page;
    await queue.getByRole('heading', { level: 1, name: 'File d’attente' }).waitFor();
    await liveIndicatorOn(queue);
    await markPage(queue);

    const page = employee.page;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Nouveau ticket' })
      .click();
    await page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Description' }).fill('Coupures de 30 s toutes les 5 minutes.');
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await queue.getByRole('link', { name: TITLE }).waitFor(LIVE);
    await assertNotReloaded(queue);
    await expectAccessible(queue, 'live-queue');
  });

  test('the technician’s reply appears on the employee’s open ticket, the internal note never does', async () => {
    const page = technician.page;
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const requester = employee.page;
    await liveIndicatorOn(requester);
    await markPage(requester);

    await pickSegment(page, 'Note interne');
    await page.getByRole('textbox', { name: /Note interne/ }).fill(NOTE);
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page
      .getByRole('article', { name: /Note interne/ })
      .getByText(NOTE)
      .waitFor();
    await pickSegment(page, 'Réponse publique');
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill(ANSWER);
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();

    await requester.getByText(ANSWER).waitFor(LIVE);
    assert.equal(await requester.getByText(NOTE).count(), 0, 'the internal note stays hidden');
    await assertNotReloaded(requester);
    await snap(requester, 'live-employee-ticket');
    await expectAccessible(requester, 'live-employee-ticket');
  });

  test('the employee’s reply appears on the technician’s open ticket', async () => {
    const page = employee.page;
    const agent = technician.page;
    await markPage(agent);
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill(FOLLOW_UP);
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();

    await agent.getByText(FOLLOW_UP).waitFor(LIVE);
    await assertNotReloaded(agent);
    await snap(agent, 'live-technician-ticket');
  });

  test('a status change by the technician shows on the employee’s ticket', async () => {
    const agent = technician.page;
    const page = employee.page;
    await agent.getByRole('textbox', { name: 'Statut', exact: true }).click();
    await agent.getByRole('option', { name: 'En cours', exact: true }).click();
    await page.getByText(/a changé le statut : Nouveau → En cours/).waitFor(LIVE);
    await assertNotReloaded(page);
  });

  test('no page broke the Content Security Policy', () => {
    assert.deepEqual(cspViolations, []);
  });
});

/** The header says, in words for screen readers, that live updates are on. */
async function liveIndicatorOn(page) {
  await page.getByRole('status').filter({ hasText: 'Mises à jour en direct : actives' }).waitFor();
}

/** Leaves a mark in the page's JavaScript state; a reload would wipe it. */
async function markPage(page) {
  // eslint-disable-next-line no-undef
  await page.evaluate(() => (window.__guichetLiveMark = true));
}

async function assertNotReloaded(page) {
  // eslint-disable-next-line no-undef
  assert.equal(await page.evaluate(() => window.__guichetLiveMark === true), true, 'the page was not reloaded');
}

/** Picks a segment of a Mantine SegmentedControl (its radio is hidden behind a label). */
async function pickSegment(page, name) {
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  assert.ok(await page.getByRole('radio', { name }).isChecked(), `${name} is selected`);
}
