import { ActionIcon, Badge, Button, Group, Paper, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { SearchInput } from '@/components/ui/SearchInput';
import type { CannedResponse } from '@/lib/api/types';
import { useDeleteCannedResponse } from '../api/delete-canned-response';
import { useCannedResponses } from '../api/get-canned-responses';
import { CannedResponseModal } from './CannedResponseModal';

/** The list of shared replies (admins) or of the caller's own, with search, create, edit and delete. */
export function CannedResponsesManager({ scope }: { scope: 'shared' | 'personal' }) {
  const { t } = useTranslation('canned');
  const [q, setQ] = useState('');
  const responses = useCannedResponses(scope, q);
  const remove = useDeleteCannedResponse();
  const [modal, setModal] = useState<{ response: CannedResponse | null } | null>(null);

  const confirmDelete = (response: CannedResponse) => {
    if (window.confirm(t('list.confirmDelete', { title: response.title }))) remove.mutate(response.id);
  };

  let body;
  if (responses.isPending) body = <LoadingState />;
  else if (responses.isError) body = <ErrorAlert error={responses.error} onRetry={() => void responses.refetch()} />;
  else if (responses.data.length === 0) body = <EmptyState title={t('list.empty')} hint={t('list.emptyHint')} />;
  else
    body = (
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ScrollArea type="auto">
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <caption>
              <VisuallyHidden>{t('list.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('list.title')}</Table.Th>
                <Table.Th>{t('list.language')}</Table.Th>
                <Table.Th className="guichet-sticky-actions">
                  <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {responses.data.map((response) => (
                <Table.Tr key={response.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {response.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {response.body}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {response.locale ? (
                      <Badge variant="light" radius="sm">
                        {t(`languages.${response.locale === 'en' ? 'en' : 'fr'}`)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('form.anyLanguage')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="guichet-sticky-actions">
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('list.edit', { title: response.title })}
                        onClick={() => setModal({ response })}
                      >
                        <IconPencil size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('list.delete', { title: response.title })}
                        onClick={() => confirmDelete(response)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
    );

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
        <SearchInput value={q} onSearch={setQ} label={t('list.search')} clearLabel={t('common:actions.clear')} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ response: null })}>
          {t('list.add')}
        </Button>
      </Group>
      {body}
      <CannedResponseModal
        opened={modal !== null}
        response={modal?.response ?? null}
        shared={scope === 'shared'}
        onClose={() => setModal(null)}
      />
    </>
  );
}
