import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One refused ticket of a bulk change, with the reason already worded for the user. */
export interface RefusedTicket {
  id: number;
  title: string;
  reason: string;
}

/** The report of a bulk change: "3 modifiés, 1 refusé" (or "3 modifiés"), then each refused ticket and why. */
export function BulkResultAlert({
  changed,
  refused,
  onClose,
}: {
  changed: number;
  refused: RefusedTicket[];
  onClose: () => void;
}) {
  const { t } = useTranslation('bulk');
  const summary =
    refused.length === 0
      ? t('changed', { count: changed })
      : t('summary', { changed: t('changed', { count: changed }), refused: t('refused', { count: refused.length }) });
  return (
    <Alert
      color={refused.length > 0 ? 'orange' : 'green'}
      title={summary}
      withCloseButton
      closeButtonLabel={t('dismiss')}
      onClose={onClose}
    >
      {refused.length > 0 && (
        <>
          <List size="sm" spacing={2}>
            {refused.map((r) => (
              <List.Item key={r.id}>{t('refusedItem', { id: r.id, title: r.title, reason: r.reason })}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('refusedKept')}
          </Text>
        </>
      )}
    </Alert>
  );
}
