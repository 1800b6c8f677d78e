import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useShortcuts } from '@/lib/shortcuts';
import { lastQueueView, rememberOpenedTicket } from './queue-return';
import { ShortcutsHelp } from './ShortcutsHelp';

/**
 * The ticket page's own shortcuts for technicians: `u` or `Escape` back to the queue as it was
 * left, and `?` for the list (with its button). `r`, `n` and `a` belong to the reply box and the
 * agent controls, which bind them.
 */
export function TicketShortcuts({ ticketId }: { ticketId: number }) {
  const navigate = useNavigate();
  useEffect(() => rememberOpenedTicket(ticketId), [ticketId]);
  const back = () => void navigate(lastQueueView().path);
  useShortcuts([
    ['u', back],
    ['escape', back],
  ]);
  return <ShortcutsHelp page="ticket" />;
}
