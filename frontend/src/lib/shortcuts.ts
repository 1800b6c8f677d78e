/**
 * Keyboard shortcuts of single keys (`j`, `?`, `Escape`), on top of Mantine's useHotkeys: it
 * already ignores keys typed in an input, a textarea, a select or editable content, and keys
 * pressed with Ctrl, Alt or Meta. This adds: nothing fires from inside a dialog or an open
 * list of options (their own keys win), and a shortcut can be switched off.
 */
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';

/**
 * One shortcut: a key as Mantine writes it (`j`, `shift+?`, `escape`) and what it does. A handler
 * that returns `false` did nothing, and the key keeps its usual effect (Enter on a button).
 */
export type Shortcut = [key: string, handler: () => unknown];

/** Where a key press belongs to something else than the page's shortcuts. */
const OWN_KEYS = '[role="dialog"], [role="listbox"], [role="menu"], [aria-modal="true"]';

/** True when the key event came from inside a dialog, an open list of options or a menu. */
export function insideOwnKeys(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.closest(OWN_KEYS) !== null;
}

/** Binds page shortcuts while `enabled`; see the module comment for what never fires them. */
export function useShortcuts(shortcuts: Shortcut[], enabled = true): void {
  const items: HotkeyItem[] = enabled
    ? shortcuts.map(([key, handler]) => [
        key,
        (event: KeyboardEvent) => {
          if (insideOwnKeys(event) || handler() === false) return;
          // Else the key would also be typed where the shortcut moved the focus (`r` into the reply box).
          event.preventDefault();
        },
        // Prevented above only when handled: typing in a dialog must still work.
        { preventDefault: false },
      ])
    : [];
  useHotkeys(items);
}
