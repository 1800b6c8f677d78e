import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Brand } from '@/components/ui/Brand';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import { PASSWORD_RULE, newPasswordSchema } from '@/lib/validation/password-rules';
import { useSetPasswordWithToken } from '../api/use-password-token';

/**
 * The page of the "choose your password" link mailed to someone whose email created their
 * account: the token comes from the link (`?token=`), the password is typed twice. A refusal
 * (link used or expired, password too weak) is shown by the app's central error notification.
 */
export function SetPasswordPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const setPasswordWithToken = useSetPasswordWithToken();
  useDocumentTitle(`${t('setPassword.title')} · Guichet`);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const rule = newPasswordSchema.safeParse(password);
    if (!rule.success) return setFieldError(t(rule.error.issues[0].message, PASSWORD_RULE));
    if (password !== confirm) return setFieldError(t('setPassword.mismatch'));
    setFieldError(null);
    setPasswordWithToken.mutate({ token, password });
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Brand />
        <LanguageSwitcher />
      </Group>
      <Center px="md" pt={{ base: 24, sm: 64 }}>
        <Paper p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420} shadow="sm" component="main">
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2">
                {t('setPassword.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('setPassword.subtitle')}
              </Text>
            </div>
            {setPasswordWithToken.isSuccess ? (
              <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
                {t('setPassword.done')}{' '}
                <Anchor component={Link} to="/login">
                  {t('setPassword.login')}
                </Anchor>
              </Alert>
            ) : !token ? (
              <Alert color="red" role="alert">
                {t('setPassword.noToken')}
              </Alert>
            ) : (
              <form onSubmit={submit} noValidate>
                <Stack gap="sm">
                  <PasswordInput
                    label={t('setPassword.password')}
                    description={t('common:password.rule', PASSWORD_RULE)}
                    autoComplete="new-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                  />
                  <PasswordInput
                    label={t('setPassword.confirm')}
                    autoComplete="new-password"
                    required
                    value={confirm}
                    onChange={(e) => setConfirm(e.currentTarget.value)}
                    error={fieldError}
                  />
                  <Button type="submit" loading={setPasswordWithToken.isPending}>
                    {t('setPassword.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
