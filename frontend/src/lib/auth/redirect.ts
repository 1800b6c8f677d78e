/**
 * The page to return to after logging in, from the `redirect` search parameter.
 * Only same-origin paths are accepted, so the parameter cannot send the user elsewhere.
 */
export function safeRedirect(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login')) return null;
  return value;
}

/**
 * The login page's address that brings the user back to `here` afterwards;
 * `expired` makes the page say that the session ended.
 */
export function loginPath(here: string, expired = false): string {
  const params = new URLSearchParams();
  if (expired) params.set('expired', '1');
  const back = safeRedirect(here);
  if (back && back !== '/') params.set('redirect', back);
  const search = params.toString();
  return search ? `/login?${search}` : '/login';
}
