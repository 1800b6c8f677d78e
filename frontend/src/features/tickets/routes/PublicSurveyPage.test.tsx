import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render';
import { API, server } from '@/test/server';

const survey = (answer: { score: number; comment: string | null } | null = null) => ({
  ticket_id: 42,
  title: 'Imprimante du 2e étage bloquée',
  status: 'RESOLVED',
  answer: answer && { ...answer, answered_at: '2026-11-20T09:30:00Z', updated_at: '2026-11-20T09:30:00Z' },
  can_answer: true,
});

describe('survey page opened from the email', () => {
  it('answers without signing in, sending the token of the address’s fragment', async () => {
    let asked: string | null = null;
    let sent: unknown = null;
    server.use(
      http.get(`${API}/public/surveys/42`, ({ request }) => {
        asked = request.headers.get('X-Survey-Token');
        expect(request.url).not.toContain('the-token');
        return HttpResponse.json(survey());
      }),
      http.post(`${API}/public/surveys/42`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(survey({ score: 4, comment: 'Rapide' }));
      }),
    );
    renderApp('/survey/42#the-token');

    expect(await screen.findByText('Imprimante du 2e étage bloquée')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Votre avis sur la demande #42' })).toBeInTheDocument();
    expect(asked).toBe('the-token');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mon avis' }));
    expect(await screen.findByText('Choisissez une note de 1 à 5.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: '4 – Satisfait' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Commentaire/ }), 'Rapide');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mon avis' }));

    expect(await screen.findByText('Votre note de 4/5 est enregistrée.')).toBeInTheDocument();
    expect(sent).toEqual({ token: 'the-token', score: 4, comment: 'Rapide' });
    expect(screen.getByRole('link', { name: 'Ouvrir la demande dans Guichet' })).toHaveAttribute('href', '/tickets/42');
  });

  it('says in French that a used link has served, keyed on the problem type', async () => {
    server.use(
      http.get(`${API}/public/surveys/42`, () =>
        HttpResponse.json(
          {
            type: 'https://guichet.dev/problems/survey-link-used',
            title: 'Gone',
            status: 410,
            detail: 'This survey link has already been used.',
          },
          { status: 410, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp('/survey/42#spent');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ce lien d’enquête a déjà servi. Connectez-vous à Guichet pour modifier votre avis sur la demande.',
    );
  });

  it('does not call the server for a link without its token', async () => {
    renderApp('/survey/42');
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien d’enquête est incomplet.');
  });
});
