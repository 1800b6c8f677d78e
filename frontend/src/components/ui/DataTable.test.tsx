import { Button, MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '@/lib/i18n';
import { DataTable, type Column } from './DataTable';

interface Person {
  id: number;
  name: string;
  team: string;
}

const columns: Column<Person>[] = [
  { key: 'name', header: 'Nom', cell: (p) => p.name, td: { fw: 600 } },
  { key: 'team', header: 'Équipe', cell: (p) => p.team, visibleFrom: 'md' },
];

describe('DataTable', () => {
  beforeEach(() => i18n.changeLanguage('fr'));

  it('names the table by its caption, heads each column and gives each row its cells and actions', async () => {
    const edit = vi.fn();
    render(
      <DataTable
        caption="Agents"
        rows={[
          { id: 1, name: 'Inès Dubois', team: 'Réseau' },
          { id: 2, name: 'Paul Roux', team: 'Postes' },
        ]}
        rowKey={(p) => p.id}
        columns={columns}
        actions={(p) => <Button onClick={() => edit(p.id)}>{`Modifier ${p.name}`}</Button>}
      />,
      { wrapper: MantineProvider },
    );

    const table = screen.getByRole('table', { name: 'Agents' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Nom', 'Équipe', 'Actions']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getByRole('cell', { name: 'Paul Roux' })).toBeInTheDocument();
    await userEvent.click(within(rows[1]).getByRole('button', { name: 'Modifier Paul Roux' }));
    expect(edit).toHaveBeenCalledWith(2);
  });

  it('says there is nothing instead of an empty table', () => {
    render(
      <DataTable
        caption="Agents"
        rows={[]}
        rowKey={(p: Person) => p.id}
        columns={columns}
        empty={{ title: 'Aucun agent.', hint: 'Invitez-en un.' }}
      />,
      { wrapper: MantineProvider },
    );

    expect(screen.getByText('Aucun agent.')).toBeInTheDocument();
    expect(screen.getByText('Invitez-en un.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
