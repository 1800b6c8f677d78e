import { Button } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager } from '@/components/ui/CursorPager';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { useFormat } from '@/lib/i18n/format';
import type { TicketPage } from '@/lib/api/types';
import { QueueTable } from './QueueTable';
import { TicketTable } from './TicketTable';

/**
 * The cursors of the pages seen since the first one (null = first page), so "previous" can go
 * back; the browser's Back button works too, since each page is in the address.
 */
function useCursorTrail(cursor: string | null) {
  const [trail, setTrail] = useState<(string | null)[]>([null]);
  const index = trail.indexOf(cursor);
  return {
    index: index >= 0 ? index : null,
    previous: index > 0 ? trail[index - 1] : index < 0 ? null : undefined,
    next: (nextCursor: string) => {
      setTrail(index >= 0 ? [...trail.slice(0, index + 1), nextCursor] : [null, cursor, nextCursor]);
    },
  };
}

/**
 * A ticket list's loading, error, empty and filled states, with its previous/next pager; `agent`
 * shows the queue's table (selection, bulk actions, keyboard shortcuts).
 */
export function TicketListBody({
  query,
  agent = false,
  filtered,
  cursor,
  onCursor,
}: {
  query: UseQueryResult<TicketPage>;
  agent?: boolean;
  filtered: boolean;
  /** The cursor of the page shown (null: first page). */
  cursor: string | null;
  onCursor: (cursor: string | null) => void;
}) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const trail = useCursorTrail(cursor);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, size, total, total_is_lower_bound: lowerBound, next_cursor: nextCursor } = query.data;
  if (items.length === 0 && cursor === null) {
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
  const count = format.number(total) + (lowerBound ? '+' : '');
  return (
    <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isFetching}>
      {agent ? (
        // A new page starts with nothing selected.
        <QueueTable key={cursor ?? ''} tickets={items} caption={t('list.caption', { total: count })} />
      ) : (
        <TicketTable tickets={items} caption={t('list.caption', { total: count })} />
      )}
      <CursorPager
        index={trail.index}
        size={size}
        shown={items.length}
        total={total}
        totalIsLowerBound={lowerBound}
        hasPrevious={cursor !== null}
        hasNext={!!nextCursor && !query.isPlaceholderData}
        onPrevious={() => onCursor(trail.previous ?? null)}
        onNext={() => {
          if (!nextCursor) return;
          trail.next(nextCursor);
          onCursor(nextCursor);
        }}
      />
    </div>
  );
}
