import { createTheme } from '@mantine/core';

/** Guichet's look: Mantine's defaults with a calm blue and rounded cards. */
export const theme = createTheme({
  primaryColor: 'blue',
  // People who ask their system for less motion get no animated transitions.
  respectReducedMotion: true,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});
