import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import i18n from '@/lib/i18n';
import { QueryState } from './QueryState';

const probeKey = ['probe'];

/** A list query answered by `load`, shown through QueryState. */
function Probe({ load }: { load: () => Promise<string[]> }) {
  const query = useQuery({ queryKey: probeKey, queryFn: load, retry: false });
  return (
    <QueryState query={query} empty={{ when: (names) => names.length === 0, title: 'Personne pour l’instant.' }}>
      {(names) => <p>{names.join(', ')}</p>}
    </QueryState>
  );
}

function renderProbe(load: () => Promise<string[]>) {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
  return render(<Probe load={load} />, { wrapper });
}

describe('QueryState', () => {
  beforeEach(() => i18n.changeLanguage('fr'));

  it('announces the loading, then shows the data', async () => {
    let answer: (names: string[]) => void = () => {};
    renderProbe(() => new Promise((resolve) => (answer = resolve)));

    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
    answer(['Inès', 'Paul']);
    expect(await screen.findByText('Inès, Paul')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('words a failure through the central error message, and retries on demand', async () => {
    let calls = 0;
    renderProbe(async () => {
      calls += 1;
      if (calls === 1) throw new ApiError(503, { status: 503 });
      return ['Inès'];
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Service momentanément indisponible. Réessayez dans quelques secondes.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('Inès')).toBeInTheDocument();
  });

  it('says when there is nothing', async () => {
    renderProbe(async () => []);

    expect(await screen.findByText('Personne pour l’instant.')).toBeInTheDocument();
  });
});
