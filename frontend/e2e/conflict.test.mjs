// Two technicians on one ticket: the second save, made on a stale version, is refused
// and the page says so instead of overwriting the first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { choose, launch, newPerson, signIn } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a change made on a stale ticket says someone else changed it and shows their change', async () => {
  const ines = await newPerson(browser);
  const hugo = await newPerson(browser);
  // Live updates would refresh Inès's page before she saves; cut her stream (a dropped
  // connection, or two saves in the same second) so her page stays stale.
  await ines.context.route('**/api/v1/events', (route) => route.abort());
  await signIn(ines.page, 'ines.dubois@demo.guichet.dev', 'guichet-demo-2026');
  await signIn(hugo.page, 'hugo.moreau@demo.guichet.dev', 'guichet-demo-2026');

  // A ticket nobody else touches in this suite: the oldest one in progress (the demo's older
  // tickets are closed, and a closed ticket's priority cannot change).
  await ines.page.goto('/queue?status=IN_PROGRESS&sort=created_at%2Casc');
  await ines.page.locator('tbody tr a').first().click();
  // Each page's code loads on first visit: the address changes once the ticket page is there.
  await ines.page.waitForURL(/\/tickets\/\d+$/);
  await ines.page.getByRole('heading', { level: 2, name: 'Conversation' }).waitFor();
  const path = new URL(ines.page.url()).pathname;
  await hugo.page.goto(path);
  await hugo.page.getByRole('textbox', { name: 'Priorité', exact: true }).waitFor();

  // Hugo and Inès each pick a priority other than the current one, and other than each other's.
  const before = await ines.page.getByRole('textbox', { name: 'Priorité', exact: true }).inputValue();
  const hugos = before === 'Critique' ? 'Basse' : 'Critique';
  const ineses = ['Haute', 'Moyenne', 'Basse'].find((p) => p !== before && p !== hugos);
  await choose(hugo.page, 'Priorité', hugos);
  await hugo.page
    .getByText(/a changé la priorité/)
    .first()
    .waitFor();

  await choose(ines.page, 'Priorité', ineses);
  await ines.page.getByRole('alert').filter({ hasText: 'Quelqu’un d’autre a modifié ce ticket' }).waitFor();
  const priority = ines.page.getByRole('textbox', { name: 'Priorité', exact: true });
  for (let i = 0; i < 50 && (await priority.inputValue()) !== hugos; i += 1) await ines.page.waitForTimeout(100);
  assert.equal(await priority.inputValue(), hugos, 'the reloaded ticket shows the other change');
});
