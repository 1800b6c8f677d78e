import { Badge, MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CardPage, SectionCard } from './CardPage';

describe('CardPage and SectionCard', () => {
  it('title the page and the tab, and name each section by its heading', () => {
    render(
      <CardPage title="Mon profil" subtitle="Votre compte">
        <SectionCard title="Sessions" description="Fermez-les toutes.">
          <p>Contenu</p>
        </SectionCard>
        <SectionCard title="Double authentification" aside={<Badge>Activée</Badge>} plain>
          <p>Codes</p>
        </SectionCard>
      </CardPage>,
      { wrapper: MantineProvider },
    );

    expect(screen.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeInTheDocument();
    expect(document.title).toBe('Mon profil · Guichet');
    const sessions = screen.getByRole('region', { name: 'Sessions' });
    expect(within(sessions).getByRole('heading', { level: 2, name: 'Sessions' })).toBeInTheDocument();
    expect(within(sessions).getByText('Fermez-les toutes.')).toBeInTheDocument();
    const twoFactor = screen.getByRole('region', { name: 'Double authentification' });
    expect(within(twoFactor).getByText('Activée')).toBeInTheDocument();
    expect(within(twoFactor).getByText('Codes')).toBeInTheDocument();
  });
});
