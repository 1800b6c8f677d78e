import { Button, Group, Stack, Switch } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { SearchInput } from '@/components/ui/SearchInput';
import { useCurrentUser } from '@/lib/auth/auth-context';
import { useTicketCounts } from '../api/get-ticket-counts';
import { useTickets } from '../api/get-tickets';
import { useListParams } from '../components/list-params';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { StatusChips } from '../components/StatusChips';
import { TicketListBody } from '../components/TicketListBody';

const PAGE_SIZE = 20;

/** "Mes demandes": the tickets the signed-in user filed, with status chips and search. */
export function MyTicketsPage() {
  const { t } = useTranslation('tickets');
  const user = useCurrentUser();
  const [params, update] = useListParams();
  const base = { requester_id: user.id, q: params.q || undefined, unread: params.unread || undefined };
  const counts = useTicketCounts(base);
  const view = { ...base, status: params.status, sort: params.q ? null : 'updated_at,desc' };
  const tickets = useTickets({ ...view, cursor: params.cursor, size: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title={t('mine.title')}
        subtitle={t('mine.subtitle')}
        actions={
          <>
            <ExportCsvButton query={view} />
            <Button component={Link} to="/tickets/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('new.title')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="center">
          <SearchInput
            value={params.q}
            onSearch={(q) => update({ q })}
            label={t('filters.search')}
            placeholder={t('filters.searchPlaceholder')}
            clearLabel={t('filters.clearSearch')}
          />
          <Switch
            label={t('filters.unreadMine')}
            checked={params.unread}
            onChange={(event) => update({ unread: event.currentTarget.checked })}
          />
        </Group>
        <StatusChips value={params.status} onChange={(status) => update({ status })} counts={counts.data} bounded />
        <TicketListBody
          query={tickets}
          filtered={params.status.length > 0 || params.q !== '' || params.unread}
          cursor={params.cursor}
          onCursor={(cursor) => update({ cursor })}
        />
      </Stack>
    </>
  );
}
