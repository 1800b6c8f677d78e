// The administrator manages categories, and the interface switches to English and stays so.
import { after, before, test } from 'node:test';
import { launch, newPerson, signIn } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const name = `Téléphonie ${Date.now().toString(36)}`;
let admin;

test('the admin creates and renames a category', async () => {
  const { page } = await newPerson(browser);
  admin = page;
  await signIn(page, 'admin@guichet.test', 'Admin-e2e-password-2026');
  await page.getByRole('link', { name: 'Catégories' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catégories' }).waitFor();

  await page.getByRole('button', { name: 'Nouvelle catégorie' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Nom' }).fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('cell', { name, exact: true }).waitFor();

  await page.getByRole('button', { name: `Renommer ${name}` }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Nom' }).fill(`${name} fixe`);
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('cell', { name: `${name} fixe`, exact: true }).waitFor();
});

test('the admin deactivates the category and still sees it, to reactivate it', async () => {
  const page = admin;
  await page.getByRole('button', { name: `Désactiver ${name} fixe` }).click();
  // The list asks for inactive categories too (include_inactive=true), so the row stays.
  await page.getByRole('button', { name: `Réactiver ${name} fixe` }).waitFor();
  await page.getByRole('button', { name: `Réactiver ${name} fixe` }).click();
  await page.getByRole('button', { name: `Désactiver ${name} fixe` }).waitFor();
});

test('the interface switches to English and keeps it after a reload', async () => {
  const { page } = await newPerson(browser);
  await signIn(page, 'lucas.bernard@demo.guichet.dev', 'guichet-demo-2026');
  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
  await page.getByText('FR', { exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();
});

test('the admin creates an account, which can sign in, and deactivates it', async () => {
  const page = admin;
  const email = `nora.${Date.now().toString(36)}@demo.guichet.dev`;
  const password = 'Nora-initial-password-2026';
  await page.getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nom complet' }).fill('Nora Lefèvre');
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await dialog.getByLabel('Mot de passe initial').fill(password);
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Le compte de Nora Lefèvre a été créé.').waitFor();
  await page.getByRole('searchbox', { name: /Rechercher un utilisateur/ }).fill('Nora');
  await page.getByRole('cell', { name: email }).waitFor();

  const nora = await newPerson(browser);
  await signIn(nora.page, email, password);
  await nora.page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();
  await nora.context.close();

  await page.getByRole('button', { name: 'Actions pour Nora Lefèvre' }).click();
  await page.getByRole('menuitem', { name: 'Désactiver' }).click();
  const confirm = page.getByRole('dialog', { name: 'Désactiver le compte de Nora Lefèvre ?' });
  await confirm.getByRole('button', { name: 'Désactiver' }).click();
  await page.getByText('Le compte de Nora Lefèvre a été désactivé.').waitFor();
  await page
    .getByRole('row', { name: /Nora Lefèvre/ })
    .getByText('Désactivé')
    .waitFor();

  // With the right password, Nora is told her account is deactivated; with a wrong one, not.
  const again = await newPerson(browser);
  await again.page.goto('/login');
  await again.page.getByLabel('Adresse e-mail').fill(email);
  await again.page.getByLabel('Mot de passe').fill(password);
  await again.page.getByRole('button', { name: 'Se connecter' }).click();
  await again.page
    .getByRole('alert')
    .getByText(/Ce compte a été désactivé/)
    .waitFor();
  await again.page.getByLabel('Mot de passe').fill('not-her-password-2026');
  await again.page.getByRole('button', { name: 'Se connecter' }).click();
  await again.page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  await again.context.close();
});
