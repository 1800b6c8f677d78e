import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveTicketEvents, type LiveStatus } from '../api/live-events';

const COLOR: Record<LiveStatus, string> = { connecting: 'gray', live: 'teal', reconnecting: 'orange' };

/**
 * Opens the live ticket stream for the signed-in person (mount it once, in the app shell) and
 * shows its state: "Live" while open, "Reconnecting…" after a failure. Screen readers hear the
 * state in words (a polite live region), not a colour.
 */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveTicketEvents();
  const description = {
    connecting: t('live.describeConnecting'),
    live: t('live.describeLive'),
    reconnecting: t('live.describeReconnecting'),
  }[status];
  return (
    <div role="status" aria-live="polite">
      {status !== 'connecting' && (
        <Badge variant="dot" color={COLOR[status]} radius="sm" tt="none" aria-hidden="true" visibleFrom="xs">
          {status === 'live' ? t('live.live') : t('live.reconnecting')}
        </Badge>
      )}
      <VisuallyHidden>{description}</VisuallyHidden>
    </div>
  );
}
