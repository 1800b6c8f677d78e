/** Renders the real routes at a path, with fresh providers, for component tests. */
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { Providers } from '@/app/Providers';
import { routes } from '@/app/routes';
import { createQueryClient } from '@/lib/query-client';
import i18n from '@/lib/i18n';

export function renderApp(path: string) {
  void i18n.changeLanguage('fr');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const view = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...view, router, queryClient };
}
