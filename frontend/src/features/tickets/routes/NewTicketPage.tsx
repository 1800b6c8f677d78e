import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { useCreateTicket } from '../api/create-ticket';
import { uploadEach, useUploadAttachment } from '../api/upload-attachment';
import { TicketForm, type TicketFormValues } from '../components/TicketForm';

/**
 * Files a new ticket, uploads its files through the upload hook (a refused file is said by the
 * central error display; the ticket is filed all the same), then opens it.
 */
export function NewTicketPage() {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const create = useCreateTicket();
  const upload = useUploadAttachment();

  const submit = async ({ files, category_id, ...values }: TicketFormValues) => {
    let ticket;
    try {
      ticket = await create.mutateAsync({ ...values, category_id: category_id ? Number(category_id) : null });
    } catch {
      return; // already reported by the query client
    }
    await uploadEach(upload.mutateAsync, ticket.id, files);
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
