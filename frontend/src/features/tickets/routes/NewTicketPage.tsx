import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { isApiError } from '@/lib/api/problem';
import { notifyError } from '@/lib/query-client';
import { useCreateTicket } from '../api/create-ticket';
import { uploadAttachment } from '../api/upload-attachment';
import { TicketForm, type TicketFormValues } from '../components/TicketForm';

/** Files a new ticket, uploads its files, then opens it. */
export function NewTicketPage() {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const create = useCreateTicket();

  const submit = async ({ files, category_id, ...values }: TicketFormValues) => {
    let ticket;
    try {
      ticket = await create.mutateAsync({ ...values, category_id: category_id ? Number(category_id) : null });
    } catch {
      return; // already reported by the query client
    }
    for (const file of files) {
      try {
        await uploadAttachment(ticket.id, file);
      } catch (error) {
        if (isApiError(error, 404)) {
          notifications.show({ color: 'yellow', message: t('attachments.unavailable') });
          break;
        }
        notifyError(error);
      }
    }
    notifications.show({ color: 'teal', message: t('new.created', { id: ticket.id }) });
    void navigate(`/tickets/${ticket.id}`);
  };

  return (
    <>
      <PageHeader title={t('new.title')} subtitle={t('new.subtitle')} />
      <Paper p={{ base: 'md', sm: 'lg' }} maw={820}>
        <TicketForm onSubmit={submit} onCancel={() => void navigate(-1)} />
      </Paper>
    </>
  );
}
