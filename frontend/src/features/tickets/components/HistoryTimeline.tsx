import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/ui/DateTime';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import type { HistoryEntry } from '@/lib/api/types';
import { useHistory } from '../api/get-history';

function useDescribe(requesterId: number) {
  const { t } = useTranslation('tickets');
  const value = (entry: HistoryEntry, raw: string | null | undefined) => {
    if (raw === null || raw === undefined || raw === '') return t('history.nothing');
    if (entry.field === 'status') return t(`status.${raw}`, { defaultValue: raw });
    if (entry.field === 'priority') return t(`priority.${raw}`, { defaultValue: raw });
    return raw;
  };
  return (entry: HistoryEntry) => {
    const actor = entry.actor?.full_name ?? t('history.system');
    if (entry.field === 'created') return t('history.created', { actor });
    if (entry.field === 'reply') {
      // A public comment is a reply *to* the requester only when someone else writes it.
      return t(entry.actor?.id === requesterId ? 'history.requesterReplied' : 'history.replied', { actor });
    }
    if (entry.field === 'internal_note') return t('history.noted', { actor });
    return t('history.changed', {
      actor,
      field: t(`history.fields.${entry.field}`, { defaultValue: entry.field }),
      from: value(entry, entry.old_value),
      to: value(entry, entry.new_value),
    });
  };
}

/** A ticket's history: who changed what, when (`requesterId`: the ticket's requester). */
export function HistoryTimeline({ ticketId, requesterId }: { ticketId: number; requesterId: number }) {
  const { t } = useTranslation('tickets');
  const history = useHistory(ticketId);
  const describe = useDescribe(requesterId);
  return (
    <Paper p="md" component="section" aria-labelledby="history-title">
      <Title order={2} fz="h5" mb="sm" id="history-title">
        {t('history.title')}
      </Title>
      {history.isPending && <LoadingState />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data && (
        <Timeline bulletSize={12} lineWidth={2} active={history.data.length}>
          {history.data.map((entry) => (
            <Timeline.Item key={entry.id} color={entry.field === 'internal_note' ? 'yellow' : undefined}>
              <Text size="sm">{describe(entry)}</Text>
              <Text size="xs" c="dimmed">
                <DateTime value={entry.created_at} />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
