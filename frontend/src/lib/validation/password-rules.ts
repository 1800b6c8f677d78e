import { z } from 'zod';

/**
 * The length of a new password the server accepts: backend `auth/PasswordPolicy.java`
 * (`MIN_LENGTH`, `MAX_LENGTH`, after NIST SP 800-63B §5.1.1.2). Every form that sets a password
 * (an admin's new account or reset, the profile's change, the mailed "choose a password" link)
 * checks this rule and no other; the server's other refusals (the account's email, a common
 * password) come back as problems, shown by the central error display.
 */
export const PASSWORD_RULE = { min: 10, max: 128 } as const;

/**
 * A new password in a form. Its messages are translation keys, worded with the rule's numbers:
 * `t(message, PASSWORD_RULE)`.
 */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_RULE.min, 'common:password.short')
  .max(PASSWORD_RULE.max, 'common:password.long');
