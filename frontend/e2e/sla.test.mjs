// SLA: a ticket past its due time shows as breached in the queue, in words and colour, with the
// queue's SLA filter; its page shows both targets; the admin reads and edits the policies.
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { choose, expectAccessible, launch, newPerson, signIn } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'camille.martin@demo.guichet.dev';
const TECHNICIAN = 'ines.dubois@demo.guichet.dev';
const WORD = `sla${Date.now().toString(36)}`;
const TITLE = `Imprimante hors service ${WORD}`;

/** Runs SQL on the e2e database (fixtures the UI cannot make: a ticket filed months ago). */
function sql(statement) {
  execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-d', process.env.E2E_DB ?? 'guichet_e2e', '-c', statement]);
}

describe('SLA', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  test('a breached ticket shows as breached in the queue', async () => {
    const employee = await newPerson(browser);
    await signIn(employee.page, EMPLOYEE, PASSWORD);
    await employee.page.goto('/tickets/new');
    await employee.page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
    await employee.page.getByRole('textbox', { name: 'Description' }).fill(`Plus rien ne sort (${WORD}).`);
    await employee.page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await employee.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const ticketPath = new URL(employee.page.url()).pathname;
    await employee.context.close();
    // Filed on Monday 9 March 2026 and never answered since.
    sql(`UPDATE tickets SET created_at = '2026-03-09 09:00 Europe/Paris' WHERE title = '${TITLE}'`);

    const { page } = await newPerson(browser);
    await signIn(page, TECHNICIAN, PASSWORD);
    // A change of priority recomputes the due times from the (old) creation.
    await page.goto(ticketPath);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await choose(page, 'Priorité', 'Critique');
    await page
      .getByText(/^Dépassé · .* de retard$/)
      .first()
      .waitFor();
    await page.getByText('Première réponse', { exact: true }).waitFor();
    await expectAccessible(page, 'ticket-sla');

    await page.goto(`/queue?q=${WORD}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
    // The badge of the SLA column (the copy in the title cell is for phones).
    await row
      .getByText(/^Dépassé · .* de retard$/)
      .last()
      .waitFor();
    await expectAccessible(page, 'queue-sla');

    // The queue's SLA filter and sort, chosen in its controls.
    await choose(page, 'SLA', 'Dépassé');
    await page.waitForURL(/sla=BREACHED/);
    await row.waitFor();
    await choose(page, 'Trier par', 'Prochaine échéance SLA');
    await page.waitForURL(/sort=sla_due%2Casc|sort=sla_due,asc/);
    await row.waitFor();

    // On a phone the badge is in the title cell.
    const phone = await newPerson(browser, { width: 390, height: 844 });
    await signIn(phone.page, TECHNICIAN, PASSWORD);
    await phone.page.goto(`/queue?q=${WORD}&sla=BREACHED`);
    const phoneRow = phone.page.getByRole('row').filter({ has: phone.page.getByRole('link', { name: TITLE }) });
    await phoneRow
      .getByText(/^Dépassé/)
      .first()
      .waitFor();
    await expectAccessible(phone.page, 'queue-sla-phone');
    await phone.context.close();
  });

  test('the admin reads the default policies and adds one for a category', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, 'admin@guichet.test', 'Admin-e2e-password-2026');
    await page.getByRole('link', { name: 'SLA', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'SLA' }).waitFor();
    await page.getByRole('cell', { name: 'Critique', exact: true }).first().waitFor();
    await page.getByText('Jours fériés').first().waitFor();
    await expectAccessible(page, 'admin-sla');

    // With the keyboard: the dialog opens, takes the focus, and is filled and sent without a mouse.
    await page.getByRole('button', { name: 'Nouvelle politique' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nom (français)' }).waitFor();
    await page.keyboard.type(`Matériel ${WORD}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Hardware ${WORD}`);
    await choose(page, 'Priorité', 'Basse');
    await choose(page, 'Catégorie', 'Matériel');
    await expectAccessible(page, 'admin-sla-dialog');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('cell', { name: `Matériel ${WORD}`, exact: true }).waitFor();
  });
});
