import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { admin, camille } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, server, sessionOf } from '@/test/server';

/** Picks an option of a Mantine Select, in the list that this input controls. */
async function pick(input: HTMLElement, option: string) {
  await userEvent.click(input);
  const list = await waitFor(() => document.getElementById(input.getAttribute('aria-controls') ?? '')!);
  await userEvent.click(within(list).getByRole('option', { name: option, hidden: true }));
}

function usersServer() {
  const patches: unknown[] = [];
  sessionOf(
    admin(),
    http.get(`${API}/users`, () => HttpResponse.json({ items: [admin(), camille()], page: 0, size: 25, total: 2 })),
    http.patch(`${API}/users/11`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      patches.push(body);
      return HttpResponse.json(camille(body));
    }),
    http.post(`${API}/users`, () =>
      problem(409, 'An account with this email already exists.', {
        type: 'https://guichet.dev/problems/email-taken',
      }),
    ),
  );
  return patches;
}

describe('user administration', () => {
  it('changes a role', async () => {
    const patches = usersServer();
    renderApp('/admin/users');

    await userEvent.click(await screen.findByRole('button', { name: 'Actions pour Camille Martin' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Modifier', hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier' });
    await pick(within(dialog).getByRole('textbox', { name: 'Rôle' }), 'Technicien');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(patches).toEqual([{ full_name: 'Camille Martin', role: 'TECHNICIAN' }]));
  });

  it('refuses a short password before sending, then resets it', async () => {
    const patches = usersServer();
    renderApp('/admin/users');

    await userEvent.click(await screen.findByRole('button', { name: 'Actions pour Camille Martin' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Réinitialiser le mot de passe', hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Réinitialiser le mot de passe' });
    const field = within(dialog).getByLabelText(/Nouveau mot de passe/);
    await userEvent.type(field, 'court');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Au moins 10 caractères.')).toBeInTheDocument();
    expect(patches).toEqual([]);

    // Ten characters: the server's minimum, so the form lets it through.
    await userEvent.type(field, 'assez');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(patches).toEqual([{ password: 'courtassez' }]));
  });

  it('deactivates an account from its menu after a confirmation, and says it is done', async () => {
    const patches = usersServer();
    renderApp('/admin/users');

    await userEvent.click(await screen.findByRole('button', { name: 'Actions pour Camille Martin' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Désactiver', hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Désactiver le compte de Camille Martin ?' });
    expect(patches).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(patches).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Actions pour Camille Martin' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Désactiver', hidden: true }));
    const again = await screen.findByRole('dialog', { name: 'Désactiver le compte de Camille Martin ?' });
    await userEvent.click(within(again).getByRole('button', { name: 'Désactiver' }));

    await waitFor(() => expect(patches).toEqual([{ active: false }]));
    expect(await screen.findByText('Le compte de Camille Martin a été désactivé.')).toBeInTheDocument();
  });

  it('says the account was created', async () => {
    usersServer();
    server.use(
      http.post(`${API}/users`, () =>
        HttpResponse.json(camille({ id: 30, full_name: 'Nora Lefèvre' }), { status: 201 }),
      ),
    );
    renderApp('/admin/users');

    await userEvent.click(await screen.findByRole('button', { name: 'Nouvel utilisateur' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvel utilisateur' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom complet' }), 'Nora Lefèvre');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'nora@demo.guichet.dev');
    await userEvent.type(within(dialog).getByLabelText(/Mot de passe initial/), 'un-mot-de-passe-assez-long');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));

    const notice = (await screen.findByText('Le compte de Nora Lefèvre a été créé.')).closest('[role="alert"]')!;
    // The notification's close button has a name (axe: button-name).
    expect(within(notice as HTMLElement).getByRole('button', { name: 'Fermer' })).toBeInTheDocument();
  });

  it('says in French that the email is taken', async () => {
    usersServer();
    renderApp('/admin/users');

    await userEvent.click(await screen.findByRole('button', { name: 'Nouvel utilisateur' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvel utilisateur' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom complet' }), 'Camille Bis');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'camille.martin@demo.guichet.dev');
    await userEvent.type(within(dialog).getByLabelText(/Mot de passe initial/), 'un-mot-de-passe-assez-long');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Un compte existe déjà avec cette adresse e-mail.',
    );
  });
});
