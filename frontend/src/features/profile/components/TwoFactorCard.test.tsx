import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

const setup = {
  secret: 'JBSWY3DPEHPK3PXP',
  otpauth_uri: 'otpauth://totp/Guichet:c',
  qr_code: 'data:image/png;base64,AAAA',
};

describe('two-step verification on the profile', () => {
  it('shows the QR code, refuses a wrong code in French, then shows the recovery codes once', async () => {
    let enabled = false;
    sessionOf(
      camille(),
      http.get(`${API}/me/two-factor`, () =>
        HttpResponse.json({ enabled, required: false, available: true, recovery_codes_remaining: enabled ? 10 : 0 }),
      ),
      http.post(`${API}/me/two-factor/setup`, () => HttpResponse.json(setup)),
      http.post(`${API}/me/two-factor/confirm`, async ({ request }) => {
        const { code } = (await request.json()) as { code: string };
        if (code !== '123456') {
          return problem(400, 'bad', { type: 'https://guichet.dev/problems/wrong-two-factor-code' });
        }
        enabled = true;
        return HttpResponse.json({ recovery_codes: ['aaaa-bbbb-cccc-dddd', 'eeee-ffff-gggg-hhhh'] });
      }),
    );
    renderApp('/profile');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Activer la vérification en deux étapes' }, { timeout: 10_000 }),
    );
    expect(await screen.findByRole('img', { name: /Code QR/ })).toHaveAttribute('src', setup.qr_code);
    expect(screen.getByLabelText('Clé secrète')).toHaveTextContent(setup.secret);

    await userEvent.type(screen.getByRole('textbox', { name: 'Code à 6 chiffres' }), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer et activer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce code n’est pas valide.');

    await userEvent.clear(screen.getByRole('textbox', { name: 'Code à 6 chiffres' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Code à 6 chiffres' }), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer et activer' }));
    const codes = await screen.findByRole('list', { name: 'Codes de secours' });
    expect(codes).toHaveTextContent('aaaa-bbbb-cccc-dddd');

    await userEvent.click(screen.getByRole('button', { name: 'J’ai noté mes codes' }));
    expect(screen.queryByText('aaaa-bbbb-cccc-dddd')).not.toBeInTheDocument();
    expect(await screen.findByText('10 codes de secours restants.')).toBeInTheDocument();
  });
});
