import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '@/lib/api/problem';

interface Values {
  email: string;
  password: string;
}

/**
 * An address with one "@", something before it and a dotted domain after it. The server is the
 * judge of accounts; this only catches typing slips. Plain rules rather than a schema library:
 * the login page is the first page loaded and stays light (zod alone is about 40 KiB gzipped).
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Email (or, for the company directory, a user name) and password, with the server's refusal shown
 * above the button.
 */
export function LoginForm({
  onSubmit,
  kind = 'email',
  autoFocus = true,
}: {
  onSubmit: (email: string, password: string) => Promise<void>;
  kind?: 'email' | 'username';
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('auth');
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ defaultValues: { email: '', password: '' } });

  const submit = handleSubmit(
    async ({ email, password }) => {
      setError(null);
      try {
        await onSubmit(email.trim(), password);
      } catch (e) {
        setError(e);
      }
    },
    // A new attempt with empty fields: the previous server refusal no longer applies.
    () => setError(null),
  );
  // A deactivated account (right password) is told so; any other 401 stays "incorrect".
  const deactivated = isApiError(error, 401) && error.problem.type?.endsWith('/account-deactivated');

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error !== null && (
          <Alert color="red" role="alert">
            {deactivated
              ? t('common:problems.account-deactivated')
              : errorMessage(error, t, { 401: 'auth:login.badCredentials' })}
          </Alert>
        )}
        <TextInput
          label={kind === 'email' ? t('login.email') : t('login.username')}
          type={kind === 'email' ? 'email' : 'text'}
          autoComplete="username"
          required
          // The page's one task: the cursor is in the email field on arrival.
          autoFocus={autoFocus}
          error={errors.email?.message && t(errors.email.message)}
          {...register('email', {
            validate: (value) =>
              kind === 'email'
                ? EMAIL.test(value.trim()) || 'auth:validation.email'
                : value.trim().length > 0 || 'auth:validation.usernameRequired',
          })}
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          required
          error={errors.password?.message && t(errors.password.message)}
          {...register('password', { required: 'auth:validation.passwordRequired' })}
        />
        <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
