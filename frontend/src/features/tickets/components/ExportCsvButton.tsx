import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/problem';
import { type ExportQuery, useExportTickets } from '../api/export-tickets';

/** "Exporter CSV": downloads every ticket of the current view (same filters and sort) as a spreadsheet. */
export function ExportCsvButton({ query }: { query: ExportQuery }) {
  const { t } = useTranslation('tickets');
  const exporting = useExportTickets();
  return (
    <Button
      variant="default"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      loading={exporting.isPending}
      onClick={() =>
        exporting.mutate(query, {
          onError: (error) =>
            notifications.show({ color: 'red', title: t('export.failed'), message: errorMessage(error, t) }),
        })
      }
    >
      {t('export.button')}
    </Button>
  );
}
