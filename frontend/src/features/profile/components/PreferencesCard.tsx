import { Select, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '@/components/ui/CardPage';
import type { Locale, User } from '@/lib/api/types';
import { setLocale } from '@/lib/i18n';
import { useUpdateMe } from '@/lib/auth/update-me';

/** Language and e-mail notifications, each saved as soon as it changes. */
export function PreferencesCard({ user }: { user: User }) {
  const { t } = useTranslation('profile');
  const updateMe = useUpdateMe();
  return (
    <SectionCard title={t('preferences.title')}>
      <Stack gap="md">
        <Select
          label={t('preferences.language')}
          allowDeselect={false}
          maw={280}
          data={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          value={user.locale}
          onChange={(value) => {
            if (!value || value === user.locale) return;
            setLocale(value as Locale);
            updateMe.mutate({ locale: value as Locale });
          }}
        />
        <Switch
          label={t('preferences.notifications')}
          description={t('preferences.notificationsHint')}
          checked={user.notifications_enabled}
          disabled={updateMe.isPending}
          onChange={(e) => updateMe.mutate({ notifications_enabled: e.currentTarget.checked })}
        />
      </Stack>
    </SectionCard>
  );
}
