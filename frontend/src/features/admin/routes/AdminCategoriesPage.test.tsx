import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { CategoryTechnician } from '@/lib/api/types';
import { admin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const inesDubois: CategoryTechnician = {
  id: 21,
  full_name: 'Inès Dubois',
  email: 'ines.dubois@demo.guichet.dev',
  role: 'TECHNICIAN',
};
const hugoLambert: CategoryTechnician = {
  id: 22,
  full_name: 'Hugo Lambert',
  email: 'hugo.lambert@demo.guichet.dev',
  role: 'TECHNICIAN',
};

/** Category 3 "Matériel" alerting `alerted` at first; the server records each list it is sent. */
function categoriesServer(alerted: CategoryTechnician[]) {
  const sent: unknown[] = [];
  let current = alerted;
  const people = [inesDubois, hugoLambert];
  sessionOf(
    admin(),
    http.get(`${API}/users/assignable`, () => HttpResponse.json(people)),
    http.get(`${API}/categories/3/technicians`, () => HttpResponse.json(current)),
    http.put(`${API}/categories/3/technicians`, async ({ request }) => {
      const ids = (await request.json()) as number[];
      sent.push(ids);
      current = people.filter((p) => ids.includes(p.id));
      return HttpResponse.json(current);
    }),
  );
  return sent;
}

/** Picks an option of a Mantine MultiSelect, in the list that this input controls. */
async function pick(input: HTMLElement, option: string) {
  await userEvent.click(input);
  const list = await waitFor(() => document.getElementById(input.getAttribute('aria-controls') ?? '')!);
  await userEvent.click(within(list).getByRole('option', { name: option, hidden: true }));
}

const row = async () => (await screen.findByRole('cell', { name: 'Matériel' })).closest('tr')!;

describe('who is alerted about a category', () => {
  it('sends the technicians chosen, and shows them in the list', async () => {
    const sent = categoriesServer([]);
    renderApp('/admin/categories');

    const matériel = await row();
    expect(await within(matériel).findByText('Tous les techniciens')).toBeInTheDocument();
    await userEvent.click(within(matériel).getByRole('button', { name: 'Alertes pour Matériel' }));

    const dialog = await screen.findByRole('dialog', { name: 'Personnes alertées : Matériel' });
    expect(
      within(dialog).getByText(
        'Si vous ne choisissez personne, tous les techniciens et administrateurs actifs sont alertés.',
      ),
    ).toBeInTheDocument();
    const picker = await within(dialog).findByRole('textbox', { name: 'Techniciens et administrateurs alertés' });
    await pick(picker, 'Inès Dubois');
    await pick(picker, 'Hugo Lambert');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(sent).toEqual([[21, 22]]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(matériel).findByText('Inès Dubois, Hugo Lambert')).toBeInTheDocument();
  });

  it('sends an empty list when nobody is left, so that every technician is alerted again', async () => {
    const sent = categoriesServer([inesDubois]);
    renderApp('/admin/categories');

    const matériel = await row();
    expect(await within(matériel).findByText('Inès Dubois')).toBeInTheDocument();
    await userEvent.click(within(matériel).getByRole('button', { name: 'Alertes pour Matériel' }));

    const dialog = await screen.findByRole('dialog', { name: 'Personnes alertées : Matériel' });
    const picker = await within(dialog).findByRole('textbox', { name: 'Techniciens et administrateurs alertés' });
    await pick(picker, 'Inès Dubois');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(sent).toEqual([[]]));
    expect(await within(matériel).findByText('Tous les techniciens')).toBeInTheDocument();
  });

  it('forgets a cancelled choice when the dialog opens again', async () => {
    const sent = categoriesServer([inesDubois]);
    renderApp('/admin/categories');

    const matériel = await row();
    await userEvent.click(await within(matériel).findByRole('button', { name: 'Alertes pour Matériel' }));
    let dialog = await screen.findByRole('dialog', { name: 'Personnes alertées : Matériel' });
    await pick(
      await within(dialog).findByRole('textbox', { name: 'Techniciens et administrateurs alertés' }),
      'Hugo Lambert',
    );
    expect(within(dialog).getByText('Hugo Lambert')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await userEvent.click(within(matériel).getByRole('button', { name: 'Alertes pour Matériel' }));
    dialog = await screen.findByRole('dialog', { name: 'Personnes alertées : Matériel' });
    await within(dialog).findByRole('textbox', { name: 'Techniciens et administrateurs alertés' });
    expect(within(dialog).getByText('Inès Dubois')).toBeInTheDocument();
    expect(within(dialog).queryByText('Hugo Lambert')).not.toBeInTheDocument();
    expect(sent).toEqual([]);
  });
});
