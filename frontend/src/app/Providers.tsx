import { MantineProvider, mergeThemeOverrides, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '@/lib/query-client';
import { theme } from './theme';

/**
 * Text colours Mantine draws from pale shades, darkened to 4.5:1 or more on white (WCAG 1.4.3):
 * dimmed (secondary) text gray-7 (8.2:1, was gray-6 at 3.3:1), error messages red-9 (5.5:1, was
 * red-6 at 3.3:1), placeholders #6c757d (4.7:1, was gray-5 at 2.1:1).
 */
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#6c757d',
  },
  dark: {},
});

/** Everything the app needs around it except the router: theme, notifications, server state. */
export function Providers({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const { t } = useTranslation();
  // Every notification's close button is named, in the interface's language (WCAG 4.1.2).
  const named = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common:actions.close') } } },
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={named} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
