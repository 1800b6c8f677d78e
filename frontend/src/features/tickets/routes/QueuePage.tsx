import { Group, Stack, Switch } from '@mantine/core';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { SaveViewButton } from '../components/SaveViewButton';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';
import { useTicketCounts } from '../api/get-ticket-counts';
import { useTickets } from '../api/get-tickets';
import { queueFilters, useListParams } from '../components/list-params';
import { QueueFilters } from '../components/QueueFilters';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { StatusChips } from '../components/StatusChips';
import { TicketListBody } from '../components/TicketListBody';

const PAGE_SIZE = 25;
/** The queue refreshes itself while open, so new tickets appear without a reload. */
const REFRESH_MS = 60_000;

/** The technicians' queue: every ticket, filtered, searched, sorted and counted per status. */
export function QueuePage() {
  const { t } = useTranslation('tickets');
  const [params, update] = useListParams();
  const filters = queueFilters(params);
  const counts = useTicketCounts(filters, REFRESH_MS);
  const view = { ...filters, status: params.status, sort: params.sort ?? (params.q ? null : 'updated_at,desc') };
  const tickets = useTickets({ ...view, cursor: params.cursor, size: PAGE_SIZE }, REFRESH_MS);
  const filtered =
    params.status.length > 0 || params.q !== '' || Object.values(filters).some((v) => v !== null && v !== undefined);

  return (
    <>
      <PageHeader
        title={t('queue.title')}
        subtitle={t('queue.subtitle')}
        actions={
          <Group gap="sm">
            <ExportCsvButton query={view} />
            <SaveViewButton />
          </Group>
        }
      />
      <Stack gap="md">
        <QueueFilters params={params} update={update} />
        <Switch
          label={t('filters.unread')}
          checked={params.unread}
          onChange={(event) => update({ unread: event.currentTarget.checked })}
        />
        <StatusChips
          value={params.status}
          onChange={(status) => update({ status })}
          counts={counts.data}
          bounded={params.q !== '' || params.unread}
        />
        <TicketListBody
          query={tickets}
          agent
          filtered={filtered}
          cursor={params.cursor}
          onCursor={(cursor) => update({ cursor })}
        />
        <ShortcutsHelp page="queue" />
      </Stack>
    </>
  );
}
