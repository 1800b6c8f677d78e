// The email channel's pages: the admin's "Courriels entrants" page (here with no mailbox
// configured) and the page of the "choose your password" link, accessible on a desktop and a phone.
import { after, before, test } from 'node:test';
import { expectAccessible, launch, newPerson, signIn } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the admin opens the incoming mail page from the menu, with the keyboard too', async () => {
  const { page } = await newPerson(browser);
  await signIn(page, 'admin@guichet.test', 'Admin-e2e-password-2026');
  const link = page.getByRole('link', { name: 'Courriels entrants' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Courriels entrants' }).waitFor();
  await page.getByText('Aucune boîte configurée', { exact: false }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Messages rejetés ou échoués' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Adresses en rebond' }).waitFor();
  await expectAccessible(page, 'inbound-admin');
});

test('the incoming mail page fits a phone', async () => {
  const { page } = await newPerson(browser, { width: 390, height: 844 });
  await signIn(page, 'admin@guichet.test', 'Admin-e2e-password-2026');
  await page.goto('/admin/inbound');
  await page.getByRole('heading', { level: 1, name: 'Courriels entrants' }).waitFor();
  await expectAccessible(page, 'inbound-admin-phone');
});

test('a used or unknown password link says so in French', async () => {
  const { page } = await newPerson(browser, { width: 390, height: 844 });
  await page.goto('/set-password?token=not-a-real-token');
  await page.getByRole('heading', { level: 1, name: 'Choisir un mot de passe' }).waitFor();
  await page.getByLabel('Nouveau mot de passe', { exact: false }).fill('correct-horse-battery');
  await page.getByLabel('Confirmez le mot de passe', { exact: false }).fill('correct-horse-battery');
  // The page itself (the shared error notification shown next has its own, older contrast issue).
  await expectAccessible(page, 'set-password');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByText('Ce lien est inconnu, expiré ou déjà utilisé', { exact: false }).waitFor();
});
