// Agent workflow: an admin shares a canned response, a technician keeps one of their own with
// placeholders, inserts both into a reply with a file, and the employee reads it filled and
// formatted (bold, list), the file underneath.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectAccessible, launch, newPerson, signIn, snap } from './browser.mjs';

const PASSWORD = 'guichet-demo-2026';
const EMPLOYEE = 'camille.martin@demo.guichet.dev';
const TECHNICIAN = 'ines.dubois@demo.guichet.dev';
const WORD = `canned${Date.now().toString(36)}`;
const TITLE = `Imprimante hors ligne ${WORD}`;
const CANNED_TITLE = `Redémarrage ${WORD}`;
const SHARED_TITLE = `Signature du support ${WORD}`;
const CANNED_BODY = [
  'Bonjour {{requester.first_name}},',
  '',
  '**Demande n° {{ticket.id}}** : merci de suivre ces étapes :',
  '',
  '- éteindre l’imprimante',
  '- la rallumer après 30 secondes',
  '',
  '{{ticket.inconnu}} — {{agent.name}}',
].join('\n');

/** Waits (20 s at most) until a text box's value starts with `start`, and returns it. */
async function valueStartingWith(box, start) {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const value = await box.inputValue();
    if (value.startsWith(start)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the reply box holds: ${await box.inputValue()}`);
}

/** Waits (20 s at most) until a text box's value ends with `end`. */
async function valueEndingWith(box, end) {
  for (let waited = 0; waited < 20_000; waited += 100) {
    if ((await box.inputValue()).endsWith(end)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the reply box holds: ${await box.inputValue()}`);
}

describe('a canned response inserted into a reply', () => {
  let browser;
  let employee;
  let technician;
  let admin;
  let ticketPath;

  before(async () => {
    browser = await launch();
    employee = await newPerson(browser);
    technician = await newPerson(browser);
    admin = await newPerson(browser);
  });

  after(async () => {
    await browser?.close();
  });

  test('the employee files a ticket', async () => {
    const { page } = employee;
    await signIn(page, EMPLOYEE, PASSWORD);
    await page.goto('/tickets/new');
    await page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Description' }).fill('L’imprimante du 2e est hors ligne.');
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    ticketPath = new URL(page.url()).pathname;
    assert.match(ticketPath, /^\/tickets\/\d+$/);
  });

  test('an admin writes a shared canned response', async () => {
    const { page } = admin;
    await signIn(page, 'admin@guichet.test', 'Admin-e2e-password-2026');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Réponses partagées' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Réponses partagées' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle réponse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle réponse type' });
    await dialog.getByRole('textbox', { name: 'Titre' }).fill(SHARED_TITLE);
    await dialog.getByRole('textbox', { name: 'Texte' }).fill('— L’équipe support ({{agent.first_name}})');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell').getByText(SHARED_TITLE, { exact: true }).waitFor();
    await expectAccessible(page, 'canned-responses-shared');
  });

  test('the technician writes a canned response of their own', async () => {
    const { page } = technician;
    await signIn(page, TECHNICIAN, PASSWORD);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes réponses types' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mes réponses types' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle réponse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle réponse type' });
    await dialog.getByRole('textbox', { name: 'Titre' }).fill(CANNED_TITLE);
    await dialog.getByRole('textbox', { name: 'Texte' }).fill(CANNED_BODY);
    await expectAccessible(page, 'canned-response-dialog');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell').getByText(CANNED_TITLE, { exact: true }).waitFor();
    await expectAccessible(page, 'canned-responses-mine');
  });

  test('the technician inserts it with the keyboard, attaches a file and sends the reply', async () => {
    const { page } = technician;
    await page.goto(ticketPath);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const picker = page.getByRole('textbox', { name: 'Réponse type' });
    await picker.click();
    await picker.fill(WORD);
    await page.getByRole('option', { name: new RegExp(CANNED_TITLE) }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    // The search found the technician's own reply, not the admin's shared one.
    assert.equal(await page.getByRole('option', { name: new RegExp(SHARED_TITLE) }).count(), 0);
    const box = page.getByRole('textbox', { name: 'Votre réponse' });
    const id = ticketPath.split('/').pop();
    const text = await valueStartingWith(box, 'Bonjour Camille,');
    assert.ok(text.includes(`**Demande n° ${id}**`), text);
    assert.ok(text.includes('{{ticket.inconnu}} — Inès Dubois'), text);

    // The shared reply is offered too, marked as shared, and goes in at the cursor (the end).
    await picker.fill('Signature du support');
    await page.getByRole('option', { name: new RegExp(`${SHARED_TITLE}.*Partagée`) }).click();
    await valueEndingWith(box, '— L’équipe support (Inès)');

    await page
      .getByRole('region', { name: 'Répondre' })
      .locator('input[type="file"]')
      .setInputFiles({ name: `etapes-${WORD}.txt`, mimeType: 'text/plain', buffer: Buffer.from('1. éteindre\n') });
    await expectAccessible(page, 'reply-with-canned-response');
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    const reply = page.getByRole('article', { name: /Réponse publique/ });
    await reply.locator('strong', { hasText: `Demande n° ${id}` }).waitFor();
    await reply.getByRole('button', { name: new RegExp(`^etapes-${WORD}\\.txt`) }).waitFor();
    await snap(page, 'canned-reply-technician');
  });

  test('the employee reads the filled reply, formatted, with its file', async () => {
    const { page } = employee;
    await page.goto(ticketPath);
    const reply = page.getByRole('article', { name: /Réponse publique/ });
    await reply.getByText('Bonjour Camille,').waitFor();
    const id = ticketPath.split('/').pop();
    assert.equal(await reply.locator('strong').first().textContent(), `Demande n° ${id}`);
    assert.deepEqual(await reply.getByRole('listitem').allTextContents(), [
      'éteindre l’imprimante',
      'la rallumer après 30 secondes',
    ]);
    assert.equal(await reply.getByText('**').count(), 0, 'no Markdown syntax left visible');
    await reply.getByRole('button', { name: new RegExp(`^etapes-${WORD}\\.txt`) }).waitFor();
    await snap(page, 'canned-reply-employee');
    await expectAccessible(page, 'canned-reply-employee');
  });

  test('on a phone, the technician’s replies and the reply box fit the screen', async () => {
    const PHONE = { width: 390, height: 844 };
    const { page, context } = await newPerson(browser, PHONE);
    await signIn(page, TECHNICIAN, PASSWORD);
    await page.goto('/canned-responses');
    const edit = page.getByRole('button', { name: `Modifier « ${CANNED_TITLE} »` });
    await edit.waitFor();
    const box = await edit.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the edit button is on screen (x = ${box.x})`);
    await snap(page, 'phone-canned-responses');
    await expectAccessible(page, 'phone-canned-responses');

    await page.goto(ticketPath);
    const picker = page.getByRole('textbox', { name: 'Réponse type' });
    await picker.waitFor();
    const pickerBox = await picker.boundingBox();
    assert.ok(pickerBox.x + pickerBox.width <= PHONE.width, `the picker is on screen (x = ${pickerBox.x})`);
    assert.ok(
      await page.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth + 1),
      'the ticket page does not scroll sideways',
    );
    await expectAccessible(page, 'phone-reply-box');
    await context.close();
  });
});
