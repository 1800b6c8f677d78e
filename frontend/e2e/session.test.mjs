// The session against the real backend: a reload renews the access token silently, and a
// revoked refresh token sends the user to login, then back to the page they were on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPerson, signIn } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a revoked session goes through login and comes back to the same page', async () => {
  const { page } = await newPerson(browser);
  await signIn(page, 'lucas.bernard@demo.guichet.dev', 'guichet-demo-2026');
  await page.locator('tbody tr a').first().click();
  // Each page's code loads on first visit: the address changes once the ticket page is there.
  await page.waitForURL(/\/tickets\/\d+$/);
  await page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
  const ticketPath = new URL(page.url()).pathname;

  // A reload loses the in-memory access token: the stored refresh token renews it unseen.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
  assert.equal(new URL(page.url()).pathname, ticketPath);

  // Revoke the refresh token behind the page's back, as a logout elsewhere would.
  const status = await page.evaluate(async () => {
    const token = localStorage.getItem('guichet.refresh_token');
    const response = await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: token }),
    });
    return response.status;
  });
  assert.equal(status, 204);

  await page.reload();
  await page.getByText(/Votre session a expiré/).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('redirect'), ticketPath);

  await page.getByLabel('Adresse e-mail').fill('lucas.bernard@demo.guichet.dev');
  await page.getByLabel('Mot de passe').fill('guichet-demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
  assert.equal(new URL(page.url()).pathname, ticketPath);
});
