import { Alert, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Brand } from '@/components/ui/Brand';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import { isAgent, useAuth } from '@/lib/auth/auth-context';
import { safeRedirect } from '@/lib/auth/redirect';
import { LoginForm } from '../components/LoginForm';

/** The sign-in page; after signing in, returns to the remembered page or the home page. */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const expired = params.get('expired') === '1';
  useDocumentTitle(`${t('login.title')} · Guichet`);

  if (user) return <Navigate to={redirect ?? '/'} replace />;

  const submit = async (email: string, password: string) => {
    const signedIn = await login(email, password);
    void navigate(redirect ?? (isAgent(signedIn.role) ? '/queue' : '/tickets'), { replace: true });
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
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('login.subtitle')}
              </Text>
            </div>
            {expired && (
              <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} role="status">
                {t('login.expired')}
              </Alert>
            )}
            <LoginForm onSubmit={submit} />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
