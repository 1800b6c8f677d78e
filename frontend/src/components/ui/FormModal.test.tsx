import { MantineProvider, TextInput } from '@mantine/core';
import { QueryClientProvider, useMutation } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import i18n from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { FormModal } from './FormModal';

/** A "new category" dialog whose server refuses the first name sent, then accepts. */
function Harness({ saved }: { saved: string[] }) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: async (value: string) => {
      if (saved.length === 0 && value === 'Matériel') {
        throw new ApiError(409, { status: 409, type: 'https://guichet.dev/problems/category-exists' });
      }
      saved.push(value);
    },
    meta: { inlineError: true },
  });
  return (
    <>
      <button onClick={() => setOpened(true)}>Nouvelle catégorie</button>
      <FormModal
        opened={opened}
        onClose={() => setOpened(false)}
        title="Nouvelle catégorie"
        onSubmit={() => save.mutate(name, { onSuccess: () => setOpened(false) })}
        submitLabel="Créer"
        mutation={save}
      >
        <TextInput label="Nom" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

function renderHarness() {
  const saved: string[] = [];
  render(
    <MantineProvider>
      <QueryClientProvider client={createQueryClient()}>
        <Harness saved={saved} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return saved;
}

describe('FormModal', () => {
  beforeEach(() => i18n.changeLanguage('fr'));

  it('shows the server’s refusal in the dialog, in French, and closes once the form is accepted', async () => {
    const saved = renderHarness();
    await userEvent.click(screen.getByRole('button', { name: 'Nouvelle catégorie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle catégorie' });
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toBeInTheDocument();

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom' }), 'Matériel');
    await userEvent.keyboard('{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Une catégorie porte déjà ce nom.');
    expect(saved).toEqual([]);

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom' }), ' réseau');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(saved).toEqual(['Matériel réseau']));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('forgets the refusal when cancelled, so it opens again clean', async () => {
    renderHarness();
    await userEvent.click(screen.getByRole('button', { name: 'Nouvelle catégorie' }));
    let dialog = await screen.findByRole('dialog', { name: 'Nouvelle catégorie' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom' }), 'Matériel');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    await within(dialog).findByRole('alert');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Nouvelle catégorie' }));
    dialog = await screen.findByRole('dialog', { name: 'Nouvelle catégorie' });
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
