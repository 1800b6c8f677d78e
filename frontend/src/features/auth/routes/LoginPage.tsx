import { Alert, Anchor, Box, Button, Center, Divider, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Brand } from '@/components/ui/Brand';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import type { User } from '@/lib/api/types';
import { isAgent, isChallenge, useAuth } from '@/lib/auth/auth-context';
import { safeRedirect } from '@/lib/auth/redirect';
import type { Challenge } from '@/lib/auth/session';
import { signInOptionsQuery } from '@/lib/auth/sign-in-options';
import { LoginForm } from '../components/LoginForm';
import { SecondStep } from '../components/SecondStep';

/** Reasons a single sign-on can come back with (OidcFailure on the server). */
const SSO_ERRORS = [
  'state-invalid',
  'provider-error',
  'token-invalid',
  'email-missing',
  'domain-not-allowed',
  'account-conflict',
  'account-deactivated',
] as const;

/**
 * The sign-in page: the company's single sign-on button when configured, the directory form when
 * LDAP is on, the password form unless turned off (then behind a "break-glass" link for admins),
 * and the second step (code or enrolment) when the account uses two-factor authentication.
 * After signing in, returns to the remembered page or the home page.
 */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const { user, login, directoryLogin, finishLogin } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const expired = params.get('expired') === '1';
  const ssoError = params.get('sso_error');
  const options = useQuery(signInOptionsQuery());
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [breakGlass, setBreakGlass] = useState(false);
  useDocumentTitle(`${t('login.title')} · Guichet`);

  if (user && !challenge) return <Navigate to={redirect ?? '/'} replace />;

  const land = (signedIn: User) =>
    void navigate(redirect ?? (isAgent(signedIn.role) ? '/queue' : '/tickets'), { replace: true });

  const submit = async (email: string, password: string) => {
    const outcome = await login(email, password);
    if (isChallenge(outcome)) setChallenge(outcome);
    else land(outcome);
  };
  const submitDirectory = async (username: string, password: string) => land(await directoryLogin(username, password));

  const config = options.data;
  const localShown = !config || config.local_login_enabled || breakGlass;
  const ssoHref =
    config?.oidc_enabled && config.oidc_login_url
      ? `${config.oidc_login_url}${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`
      : null;
  const ssoReason = ssoError && (SSO_ERRORS as readonly string[]).includes(ssoError) ? ssoError : 'generic';

  let forms;
  if (config?.ldap_enabled && localShown) {
    forms = (
      <Tabs defaultValue="directory" keepMounted={false}>
        <Tabs.List grow mb="sm">
          <Tabs.Tab value="directory">{t('login.directoryTab')}</Tabs.Tab>
          <Tabs.Tab value="local">{t('login.localTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="directory">
          <LoginForm kind="username" onSubmit={submitDirectory} />
        </Tabs.Panel>
        <Tabs.Panel value="local">
          <LoginForm onSubmit={submit} />
        </Tabs.Panel>
      </Tabs>
    );
  } else if (config?.ldap_enabled) {
    forms = <LoginForm kind="username" onSubmit={submitDirectory} />;
  } else if (localShown) {
    forms = <LoginForm onSubmit={submit} autoFocus={!ssoHref || breakGlass} />;
  } else {
    forms = null;
  }

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
            {challenge ? (
              <SecondStep challenge={challenge} onDone={async () => land(await finishLogin())} />
            ) : (
              <>
                {ssoError && (
                  <Alert color="red" role="alert">
                    {t(`login.ssoError.${ssoReason}`)}
                  </Alert>
                )}
                {ssoHref && (
                  <Button component="a" href={ssoHref} size="md" fullWidth>
                    {t('login.withProvider', { provider: config?.oidc_provider_name })}
                  </Button>
                )}
                {ssoHref && forms && <Divider label={t('login.or')} labelPosition="center" />}
                {forms}
                {config && !config.local_login_enabled && !breakGlass && (
                  <Anchor component="button" type="button" size="sm" onClick={() => setBreakGlass(true)}>
                    {t('login.breakGlass')}
                  </Anchor>
                )}
              </>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
