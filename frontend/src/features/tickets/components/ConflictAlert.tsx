import { Alert } from '@mantine/core';
import { IconRefreshAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "Someone else changed this ticket": shown after a refused, stale change. */
export function ConflictAlert({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('tickets');
  return (
    <Alert
      color="orange"
      role="alert"
      title={t('conflict.title')}
      icon={<IconRefreshAlert aria-hidden />}
      withCloseButton
      closeButtonLabel={t('common:actions.close')}
      onClose={onClose}
    >
      {t('conflict.text')}
    </Alert>
  );
}
