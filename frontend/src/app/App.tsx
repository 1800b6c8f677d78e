import { RouterProvider, createBrowserRouter } from 'react-router';
import { Providers } from './Providers';
import { routes } from './routes';

const router = createBrowserRouter(routes);

/** The whole application. */
export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
