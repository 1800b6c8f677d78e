import { DEFAULT_THEME, createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Replaces the three darkest shades of a Mantine palette, keeping the light ones (backgrounds).
 * Shade 9 is the one the theme uses for text, filled buttons and light badges (primaryShade).
 */
function darkened(name: keyof typeof DEFAULT_THEME.colors, seven: string, eight: string, nine: string) {
  const base = DEFAULT_THEME.colors[name];
  return [...base.slice(0, 7), seven, eight, nine] as unknown as MantineColorsTuple;
}

/**
 * Guichet's look: Mantine's defaults with a calm blue and rounded cards, made to meet WCAG 2.2 AA.
 *
 * Contrast (WCAG 1.4.3, 1.4.11): every colour is used at shade 9 (`primaryShade`), which gives at
 * least 4.5:1 for text against white, against gray-0 and against its own "light" tint (10 %
 * alpha): white on the primary button 6.1:1, the active menu item 5.3:1. Mantine's green, teal,
 * orange and yellow are too pale even at shade 9, so their dark end is replaced below; dimmed
 * text uses gray-7 (8.2:1) instead of gray-6 (3.3:1) — see `cssVariablesResolver` in Providers.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  colors: {
    green: darkened('green', '#2f9e44', '#2b8a3e', '#1f6e30'),
    teal: darkened('teal', '#0c8599', '#087f5b', '#066649'),
    orange: darkened('orange', '#e8590c', '#d9480f', '#a63a0c'),
    yellow: darkened('yellow', '#f59f00', '#e67700', '#8a4b00'),
  },
  // People who ask their system for less motion get no animated transitions.
  respectReducedMotion: true,
  // Keyboard focus ring on every Mantine control (buttons, menus, chips), not only on some.
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});
