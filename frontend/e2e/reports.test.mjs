// Reports and satisfaction survey (issue 13): the dashboard draws its charts (keyboard, phone,
// axe), and a requester answers the survey from the link mailed when the ticket is resolved,
// without signing in; the technician then reads the answer on the ticket.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'camille.martin@demo.guichet.dev';
const TECHNICIAN = 'ines.dubois@demo.guichet.dev';
const TITLE = `Clavier sans accents ${Date.now().toString(36)}`;

/** Calls the API as a person (for set-up steps that are not under test). */
async function apiAs(email, method, path, body) {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { access_token: token } = await login.json();
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

/** The survey link of the "resolved" email queued for a ticket, read from the outbox as the mail worker would send it. */
function mailedSurveyLink(ticketId) {
  const text = execFileSync(
    'psql',
    [
      '-X',
      '-qtA',
      '-d',
      process.env.E2E_DB ?? 'guichet_e2e',
      '-c',
      `SELECT body_text FROM mail_outbox WHERE ticket_id = ${Number(ticketId)} AND kind IN ('RESOLVED', 'REPLY_RESOLVED') ORDER BY id DESC LIMIT 1`,
    ],
    { encoding: 'utf8' },
  );
  const link = /https?:\/\/\S+\/survey\/\d+#[A-Za-z0-9_-]{43}/.exec(text);
  assert.ok(link, `no survey link in the mail:\n${text}`);
  const url = new URL(link[0]);
  return `${url.pathname}${url.hash}`;
}

describe('reports and satisfaction survey', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  test('the dashboard renders its charts, with a table behind each, by keyboard and on a phone', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, TECHNICIAN, PASSWORD);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Tableau de bord' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page
      .getByRole('region', { name: 'Tickets créés et résolus' })
      .locator('.recharts-line-curve')
      .first()
      .waitFor();
    assert.equal(await page.locator('.recharts-surface').count(), 7);
    assert.ok((await page.locator('.recharts-bar-rectangle').count()) > 0, 'no bar drawn');
    await expectAccessible(page, 'dashboard');

    // Keyboard: the first "Afficher le tableau" shows the figures of the volume chart.
    const volume = page.getByRole('region', { name: 'Tickets créés et résolus' });
    await volume.getByRole('button', { name: 'Afficher le tableau' }).focus();
    await page.keyboard.press('Enter');
    await volume.getByRole('button', { name: 'Masquer le tableau' }).waitFor();
    assert.ok((await volume.getByRole('table').getByRole('row').count()) >= 31, 'a row per day of the 30 days');
    await expectAccessible(page, 'dashboard-table');
    await page.locator('label', { hasText: 'Par semaine' }).click();
    await volume.getByRole('columnheader', { name: 'Semaine du' }).waitFor();

    const phone = await newPerson(browser, { width: 390, height: 844 });
    await signIn(phone.page, TECHNICIAN, PASSWORD);
    await phone.page.goto('/reports');
    await phone.page.locator('.recharts-surface').nth(6).waitFor();
    // eslint-disable-next-line no-undef
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
    await snap(phone.page, 'dashboard-phone');
    await expectAccessible(phone.page, 'dashboard-phone');
  });

  test('a requester answers the survey from the mailed link, once, and the technician sees it', async () => {
    const ticket = await apiAs(EMPLOYEE, 'POST', '/tickets', {
      title: TITLE,
      description: 'Les touches é et è ne marchent plus.',
    });
    const technician = await apiAs(TECHNICIAN, 'GET', '/me');
    const assigned = await apiAs(TECHNICIAN, 'PATCH', `/tickets/${ticket.id}`, {
      version: ticket.version,
      assignee_id: technician.id,
    });
    await apiAs(TECHNICIAN, 'PATCH', `/tickets/${ticket.id}`, {
      version: assigned.version,
      status: 'RESOLVED',
    });
    const link = mailedSurveyLink(ticket.id);

    // A phone, never signed in: the link alone opens the survey.
    const { page } = await newPerson(browser, { width: 390, height: 844 });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `Votre avis sur la demande #${ticket.id}` }).waitFor();
    await page.getByText(TITLE).waitFor();
    await expectAccessible(page, 'survey-public');
    await page.getByRole('radio', { name: '2 – Insatisfait' }).check();
    await page.getByRole('textbox', { name: /Commentaire/ }).fill('Réglé, mais après trois relances.');
    await page.getByRole('button', { name: 'Envoyer mon avis' }).press('Enter');
    await page.getByText('Votre note de 2/5 est enregistrée.').waitFor();
    await expectAccessible(page, 'survey-public-thanks');

    // The link has served.
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByText('Ce lien d’enquête a déjà servi.', { exact: false }).waitFor();

    const agent = await newPerson(browser);
    await signIn(agent.page, TECHNICIAN, PASSWORD);
    await agent.page.goto(`/tickets/${ticket.id}`);
    const survey = agent.page.getByRole('region', { name: 'Satisfaction' });
    await survey.getByText('Note : 2/5 — 2 – Insatisfait').waitFor();
    await survey.getByText('Réglé, mais après trois relances.').waitFor();
    await expectAccessible(agent.page, 'survey-on-ticket');
  });
});
