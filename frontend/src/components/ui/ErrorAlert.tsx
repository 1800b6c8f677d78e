import { Alert, Button } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/problem';

/** An error shown in place, worded by errorMessage(); with a retry button when given one. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('errors.title')} role="alert" my="md">
      {errorMessage(error, t)}
      {onRetry && (
        <div>
          <Button variant="light" color="red" size="xs" mt="sm" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        </div>
      )}
    </Alert>
  );
}
