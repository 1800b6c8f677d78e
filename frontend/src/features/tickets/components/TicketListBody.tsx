import { Button } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { Pager } from '@/components/ui/Pager';
import type { Page, Ticket } from '@/lib/api/types';
import { TicketTable } from './TicketTable';

/** A ticket list's loading, error, empty and filled states, with its pager. */
export function TicketListBody({
  query,
  agent = false,
  filtered,
  onPage,
}: {
  query: UseQueryResult<Page<Ticket>>;
  agent?: boolean;
  filtered: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('tickets');
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, page, size, total } = query.data;
  if (items.length === 0) {
    return filtered ? (
      <EmptyState title={t('list.noMatch')} hint={t('list.noMatchHint')} />
    ) : (
      <EmptyState
        title={t('list.empty')}
        hint={t('list.emptyHint')}
        action={
          <Button component={Link} to="/tickets/new" variant="light">
            {t('new.title')}
          </Button>
        }
      />
    );
  }
  return (
    <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isFetching}>
      <TicketTable tickets={items} agent={agent} caption={t('list.caption', { total })} />
      <Pager page={page} size={size} total={total} onChange={onPage} />
    </div>
  );
}
