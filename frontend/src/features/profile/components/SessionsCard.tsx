import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SectionCard } from '@/components/ui/CardPage';
import { useAuth } from '@/lib/auth/auth-context';
import { useLogoutEverywhere } from '../api/logout-everywhere';

/** "Log out everywhere": ends the sessions of every device, e.g. after losing a laptop. */
export function SessionsCard() {
  const { t } = useTranslation('profile');
  const { forget } = useAuth();
  const navigate = useNavigate();
  const logoutAll = useLogoutEverywhere();

  const run = async () => {
    await logoutAll.mutateAsync();
    notifications.show({ color: 'teal', message: t('sessions.done') });
    forget();
    void navigate('/login', { replace: true });
  };

  return (
    <SectionCard title={t('sessions.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('sessions.hint')}</Text>
        <Button variant="outline" color="red" loading={logoutAll.isPending} onClick={() => void run()}>
          {t('sessions.logoutAll')}
        </Button>
      </Stack>
    </SectionCard>
  );
}
