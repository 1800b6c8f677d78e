import { Alert, Anchor, Center, Loader, Paper, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '@/lib/api/problem';
import { isAgent, useAuth } from '@/lib/auth/auth-context';
import { safeRedirect } from '@/lib/auth/redirect';
import { exchangeSso } from '@/lib/auth/session';

/**
 * Where the company's single sign-on lands: trades the single-use HttpOnly exchange cookie for the
 * token pair (once, even under StrictMode's double effects), then goes on to the remembered page.
 */
export function SsoCompletePage() {
  const { t } = useTranslation('auth');
  const { finishLogin } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);
  useDocumentTitle(`${t('login.title')} · Guichet`);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    exchangeSso()
      .then(finishLogin)
      .then((user) => navigate(redirect ?? (isAgent(user.role) ? '/queue' : '/tickets'), { replace: true }))
      .catch(setError);
  }, [finishLogin, navigate, redirect]);

  return (
    <Center mih="100vh" px="md" component="main">
      <Paper p="xl" maw={420} w="100%">
        {error === null ? (
          <Stack align="center" gap="sm" role="status">
            <Loader aria-hidden />
            {t('login.ssoCompleting')}
          </Stack>
        ) : (
          <Stack gap="sm">
            <Alert color="red" role="alert">
              {errorMessage(error, t)}
            </Alert>
            <Anchor component={Link} to="/login">
              {t('login.backToLogin')}
            </Anchor>
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
