// A ticket's whole life through the real backend: filed by an employee, found, taken,
// noted and answered by a technician, resolved, then reopened by the employee.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { choose, cspViolations, expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'camille.martin@demo.guichet.dev';
const TECHNICIAN = 'ines.dubois@demo.guichet.dev';
const WORD = `zorglub${Date.now().toString(36)}`;
const TITLE = `Écran noir au démarrage ${WORD}`;
const NOTE = `Carte graphique suspecte, commande lancée (${WORD})`;
const REPLY = 'Nous avons remplacé le câble : pouvez-vous vérifier ?';

describe('a ticket from filing to reopening', () => {
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

  test('the employee files a ticket and finds it in "Mes demandes"', async () => {
    const { page } = employee;
    await signIn(page, EMPLOYEE, PASSWORD);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Nouveau ticket' })
      .click();
    await page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill(`Depuis ce matin l’écran reste noir.\nMot repère : ${WORD}`);
    await choose(page, 'Priorité', 'Haute');
    await expectAccessible(page, 'new-ticket');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'journal-demarrage.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Boot log ${WORD}\nGPU: no signal\n`),
    });
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: /^journal-demarrage\.txt\s*.*\(télécharger\)$/ }).waitFor();
    ticketPath = new URL(page.url()).pathname;
    assert.match(ticketPath, /^\/tickets\/\d+$/);
    await expectAccessible(page, 'ticket-employee');

    await page.getByRole('link', { name: 'Mes demandes' }).first().click();
    await page.getByRole('link', { name: TITLE }).waitFor();
  });

  test('the technician finds it by its word and assigns it to themself', async () => {
    const { page } = technician;
    await signIn(page, TECHNICIAN, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'File d’attente' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher dans les tickets' }).fill(WORD);
    await page.getByText('1–1 sur 1').waitFor(); // the search finds exactly the new ticket
    await page.getByRole('link', { name: TITLE }).waitFor();
    await snap(page, 'technician-queue');
    await expectAccessible(page, 'queue-search');

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(page, 'ticket-technician');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^journal-demarrage\.txt\s*.*\(télécharger\)$/ }).click();
    assert.equal((await download).suggestedFilename(), 'journal-demarrage.txt');
    await page.getByRole('button', { name: 'M’assigner ce ticket' }).click();
    await page.getByRole('button', { name: 'M’assigner ce ticket' }).waitFor({ state: 'detached' });
    await assertField(page, 'Assigné à', 'Inès Dubois');
  });

  test('the technician adds an internal note and a public reply, then resolves it', async () => {
    const { page } = technician;
    await pickSegment(page, 'Note interne');
    await page.getByRole('textbox', { name: /Note interne/ }).fill(NOTE);
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page
      .getByRole('article', { name: /Note interne/ })
      .getByText(NOTE)
      .waitFor();

    await pickSegment(page, 'Réponse publique');
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill(REPLY);
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await page
      .getByRole('article', { name: /Réponse publique/ })
      .getByText(REPLY)
      .waitFor();

    // Assigning the NEW ticket started the work on it (automatic transition).
    await assertField(page, 'Statut', 'En cours');
    await choose(page, 'Statut', 'Résolu');
    await assertField(page, 'Statut', 'Résolu');
    await page.getByText(/a changé le statut : Nouveau → En cours/).waitFor();
    await page.getByText(/a changé le statut : En cours → Résolu/).waitFor();
    await snap(page, 'technician-ticket');
    await expectAccessible(page, 'ticket-technician-resolved');
  });

  test('the employee sees the reply but not the note, and reopens the ticket', async () => {
    const { page } = employee;
    await page.goto(ticketPath);
    await page.getByText(REPLY).waitFor();
    assert.equal(await page.getByText(NOTE).count(), 0, 'the internal note stays hidden');
    assert.equal(await page.getByText('Note interne').count(), 0);
    // At 1366 px the requester's buttons show their whole label ("Clore le tick…" was cut).
    for (const name of ['Clore le ticket', 'Rouvrir']) {
      const label = page.getByRole('button', { name }).locator('.mantine-Button-label');
      assert.ok(
        await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
        `the "${name}" button shows its whole label`,
      );
    }
    await page.getByRole('button', { name: 'Rouvrir' }).click();
    await page.getByRole('button', { name: 'Rouvrir' }).waitFor({ state: 'detached' });
    await page.getByText('En cours').first().waitFor();
    await snap(page, 'employee-ticket');
    await expectAccessible(page, 'ticket-employee-reopened');
  });

  test('no page broke the Content Security Policy', () => {
    assert.deepEqual(cspViolations, []);
  });
});

async function assertField(page, label, value) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.waitFor();
  for (let i = 0; i < 50; i += 1) {
    if ((await field.inputValue()) === value) return;
    await page.waitForTimeout(100);
  }
  assert.equal(await field.inputValue(), value, `${label} shows ${value}`);
}

/** Picks a segment of a Mantine SegmentedControl (its radio is hidden behind a label). */
async function pickSegment(page, name) {
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  assert.ok(await page.getByRole('radio', { name }).isChecked(), `${name} is selected`);
}
