/**
 * The page to return to after logging in, from the `redirect` search parameter.
 * Only same-origin paths are accepted, so the parameter cannot send the user elsewhere.
 */
export function safeRedirect(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login')) return null;
  return value;
}

/** The login page's address that brings the user back to `here` afterwards. */
export function loginPath(here: string): string {
  const back = safeRedirect(here);
  return back && back !== '/' ? `/login?redirect=${encodeURIComponent(back)}` : '/login';
}
