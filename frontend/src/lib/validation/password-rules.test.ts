import { describe, expect, it } from 'vitest';
import { backendSource, javaIntConstant } from '@/test/backend-source';
import { PASSWORD_RULE, newPasswordSchema } from './password-rules';

describe('the password rule', () => {
  it('is the server’s (PasswordPolicy)', () => {
    const policy = backendSource('auth/PasswordPolicy.java');
    expect(PASSWORD_RULE).toEqual({
      min: javaIntConstant(policy, 'MIN_LENGTH'),
      max: javaIntConstant(policy, 'MAX_LENGTH'),
    });
  });

  it('accepts from the shortest to the longest length, and refuses outside them with their messages', () => {
    expect(newPasswordSchema.safeParse('a'.repeat(PASSWORD_RULE.min)).success).toBe(true);
    expect(newPasswordSchema.safeParse('a'.repeat(PASSWORD_RULE.max)).success).toBe(true);
    expect(newPasswordSchema.safeParse('a'.repeat(PASSWORD_RULE.min - 1)).error?.issues[0].message).toBe(
      'common:password.short',
    );
    expect(newPasswordSchema.safeParse('a'.repeat(PASSWORD_RULE.max + 1)).error?.issues[0].message).toBe(
      'common:password.long',
    );
  });
});
