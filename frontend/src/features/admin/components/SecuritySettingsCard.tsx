import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '@/components/ui/CardPage';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import type { Role } from '@/lib/api/types';
import { useSaveSecuritySettings, useSecuritySettings } from '../api/security-settings';

const ROLES: Role[] = ['ADMIN', 'TECHNICIAN', 'EMPLOYEE'];

/**
 * For admins: the roles whose local accounts must use two-step verification. People of a ticked role
 * without it enrol at their next sign-in before getting in.
 */
export function SecuritySettingsCard() {
  const { t } = useTranslation('admin');
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  const required = settings.data?.two_factor_required_roles ?? [];
  return (
    <SectionCard title={t('security.title')} description={t('security.hint')}>
      <Checkbox.Group
        label={t('security.requiredRoles')}
        value={required}
        onChange={(value) => save.mutate({ two_factor_required_roles: value as Role[] })}
      >
        <Group mt="xs">
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={t(`common:roles.${role}`)} disabled={!settings.data} />
          ))}
        </Group>
      </Checkbox.Group>
    </SectionCard>
  );
}
