// The queue reacts to what happens: a new ticket is marked "Non lu" for the technician until
// opened, a reply sets the status at once, the requester's answer brings the ticket back to the
// IT team (and marks it again), and a technician saves a view of the queue.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'camille.martin@demo.guichet.dev';
const TECHNICIAN = 'ines.dubois@demo.guichet.dev';
const WORD = `flux${Date.now().toString(36)}`;
const TITLE = `Messagerie bloquée ${WORD}`;

describe('the agent workflow', () => {
  let browser;
  let employee;
  let technician;
  let ticketPath;

  before(async () => {
    browser = await launch();
    employee = await newPerson(browser);
    technician = await newPerson(browser);
  });

  after(async () => {
    await browser?.close();
  });

  /** The queue's row of the test ticket, found by its unique word. */
  async function queueRow(page) {
    await page.goto(`/queue?q=${WORD}`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    return page.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
  }

  test('a new ticket is marked for the technician until opened', async () => {
    await signIn(employee.page, EMPLOYEE, PASSWORD);
    await employee.page.goto('/tickets/new');
    await employee.page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
    await employee.page.getByRole('textbox', { name: 'Description' }).fill(`Outlook ne s’ouvre plus (${WORD}).`);
    await employee.page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await employee.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    ticketPath = new URL(employee.page.url()).pathname;
    // Away from the ticket: an open ticket page follows live updates and marks them seen.
    await employee.page.goto('/tickets');

    const { page } = technician;
    await signIn(page, TECHNICIAN, PASSWORD);
    const row = await queueRow(page);
    await row.getByText('Non lu', { exact: true }).waitFor();
    await expectAccessible(page, 'queue-unread');

    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await row.getByText('Non lu', { exact: true }).waitFor({ state: 'detached' });
  });

  test('the technician replies and sets the ticket to Waiting in one go', async () => {
    const { page } = technician;
    await page.goto(ticketPath);
    await page
      .getByRole('textbox', { name: 'Votre réponse' })
      .fill('Pouvez-vous redémarrer Outlook en mode sans échec ?');
    await page.getByRole('combobox', { name: 'Puis' }).selectOption('WAITING');
    await page.getByRole('button', { name: 'Envoyer et mettre en attente' }).click();
    await page.getByText(/a changé le statut : En cours → En attente/).waitFor();
    await page.getByText(/a changé le statut : Nouveau → En cours/).waitFor();
    await expectAccessible(page, 'ticket-reply-and-wait');
    await page.goto('/queue');
  });

  test('the employee sees the new reply marked, answers, and the ticket is back in progress', async () => {
    const { page } = employee;
    await page.goto('/tickets');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
    await row.getByText('Non lu', { exact: true }).waitFor();
    await expectAccessible(page, 'my-requests-unread');
    await row.getByRole('link', { name: TITLE }).click();
    await page.getByText('Pouvez-vous redémarrer Outlook en mode sans échec ?').waitFor();
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill('C’est fait, même problème.');
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await page.getByText(/a changé le statut : En attente → En cours/).waitFor();
    await snap(page, 'workflow-employee');
  });

  test('the answer marks the ticket again for the technician', async () => {
    const { page } = technician;
    const row = await queueRow(page);
    await row.getByText('Non lu', { exact: true }).waitFor();
  });

  test('the technician saves a view and finds it in the menu with its count', async () => {
    const { page } = technician;
    await page.goto(`/queue?q=${WORD}&status=IN_PROGRESS`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer la vue' }).click();
    await page.getByRole('textbox', { name: /Nom de la vue/ }).fill(`Suivi ${WORD}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    const link = page.getByRole('group', { name: 'Mes vues' }).getByRole('link', { name: new RegExp(`Suivi ${WORD}`) });
    await link.waitFor();
    assert.equal(await link.getAttribute('aria-current'), 'page');
    await link.getByText('1', { exact: true }).waitFor();
    await expectAccessible(page, 'queue-saved-view');
    await page.getByRole('button', { name: `Supprimer la vue « Suivi ${WORD} »` }).click();
    await link.waitFor({ state: 'detached' });
  });
});
