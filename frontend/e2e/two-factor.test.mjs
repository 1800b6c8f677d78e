// Two-step verification (TOTP, RFC 6238) in a real browser against the real backend: a person turns
// it on from the profile page (QR code, first code, recovery codes shown once), then signs in again
// on a phone: the password alone gives no session, the code from the app does. Codes are computed
// with the otpauth library, as an authenticator app would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TOTP } from 'otpauth';
import { BASE_URL, expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const EMAIL = `totp.${Date.now()}@guichet.test`;
const PASSWORD = 'Totp-e2e-password-2026';
let browser;

before(async () => {
  browser = await launch();
  // A fresh account, created by the admin through the API, so other suites' people stay as they are.
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@guichet.test', password: 'Admin-e2e-password-2026' }),
  });
  const { access_token: token } = await login.json();
  const created = await fetch(`${BASE_URL}/api/v1/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      email: EMAIL,
      full_name: 'Inès Totp',
      password: PASSWORD,
      role: 'TECHNICIAN',
      locale: 'fr',
    }),
  });
  assert.equal(created.status, 201);
});
after(async () => {
  await browser?.close();
});

test('a technician turns on two-step verification, then the password alone no longer signs in', async () => {
  const { context, page } = await newPerson(browser);
  await signIn(page, EMAIL, PASSWORD);
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Activer la vérification en deux étapes' }).click();
  await page.getByRole('img', { name: 'Code QR à scanner avec l’application d’authentification' }).waitFor();
  const secret = (await page.getByLabel('Clé secrète').textContent()).trim();
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  await expectAccessible(page, 'profile-two-factor-setup');

  const now = Date.now();
  await page.getByRole('textbox', { name: 'Code à 6 chiffres' }).fill(totp.generate({ timestamp: now }));
  await page.getByRole('button', { name: 'Confirmer et activer' }).click();
  const codes = page.getByRole('list', { name: 'Codes de secours' });
  await codes.waitFor();
  assert.equal(await codes.getByRole('listitem').count(), 10);
  await expectAccessible(page, 'profile-two-factor-recovery-codes');
  await page.getByRole('button', { name: 'J’ai noté mes codes' }).click();
  await page.getByText('10 codes de secours restants.').waitFor();
  await context.close();

  // Signing in again, on a phone: the password leads to the second step, not into the helpdesk.
  const phone = await newPerson(browser, { width: 390, height: 844 });
  await phone.page.goto('/login');
  await phone.page.getByLabel('Adresse e-mail').fill(EMAIL);
  await phone.page.getByLabel('Mot de passe').fill(PASSWORD);
  await phone.page.getByRole('button', { name: 'Se connecter' }).click();
  const code = phone.page.getByRole('textbox', { name: 'Code à 6 chiffres ou code de secours' });
  await code.waitFor();
  assert.equal(await phone.page.evaluate(() => localStorage.getItem('guichet.refresh_token')), null);
  await expectAccessible(phone.page, 'login-second-step');

  // The code already used at enrolment is refused; the next one (accepted as clock drift) works.
  await code.fill(totp.generate({ timestamp: now }));
  await phone.page.keyboard.press('Enter');
  await phone.page.getByRole('alert').getByText('Ce code n’est pas valide ou a déjà servi.').waitFor();
  await code.fill(totp.generate({ timestamp: now + 30_000 }));
  await phone.page.getByRole('button', { name: 'Vérifier' }).click();
  try {
    await phone.page.getByRole('banner').waitFor();
    await phone.page.waitForURL(/\/queue/);
  } catch (error) {
    await snap(phone.page, 'two-factor-sign-in');
    throw error;
  }
  await phone.context.close();
});
