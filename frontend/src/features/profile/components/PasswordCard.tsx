import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { SectionCard } from '@/components/ui/CardPage';
import { errorMessage } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth/auth-context';
import { PASSWORD_RULE, newPasswordSchema } from '@/lib/validation/password-rules';
import { useChangePassword } from '../api/change-password';

const schema = z
  .object({
    current_password: z.string().min(1, 'profile:validation.required'),
    new_password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.new_password === v.confirm, { path: ['confirm'], message: 'profile:validation.mismatch' });
type Values = z.infer<typeof schema>;

/** Changes the password; the server then ends every session, so the user logs in again. */
export function PasswordCard() {
  const { t } = useTranslation('profile');
  const { forget } = useAuth();
  const navigate = useNavigate();
  const change = useChangePassword();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { current_password: '', new_password: '', confirm: '' },
  });
  const message = (key?: string) => (key ? t(key, PASSWORD_RULE) : undefined);

  const submit = handleSubmit(async ({ current_password, new_password }) => {
    try {
      await change.mutateAsync({ current_password, new_password });
    } catch {
      return; // shown below
    }
    notifications.show({ color: 'teal', message: t('password.changed') });
    forget();
    void navigate('/login', { replace: true });
  });

  return (
    <SectionCard title={t('password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          {change.isError && (
            <Alert color="red" role="alert">
              {errorMessage(change.error, t, { 401: 'profile:password.wrongCurrent' })}
            </Alert>
          )}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            error={message(errors.current_password?.message)}
            {...register('current_password')}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint', PASSWORD_RULE)}
            autoComplete="new-password"
            required
            error={message(errors.new_password?.message)}
            {...register('new_password')}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            error={message(errors.confirm?.message)}
            {...register('confirm')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
