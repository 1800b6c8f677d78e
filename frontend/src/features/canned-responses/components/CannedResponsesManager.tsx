import { ActionIcon, Badge, Button, Group, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/DataTable';
import { QueryState } from '@/components/ui/QueryState';
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

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
        <SearchInput value={q} onSearch={setQ} label={t('list.search')} clearLabel={t('common:actions.clear')} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ response: null })}>
          {t('list.add')}
        </Button>
      </Group>
      <QueryState query={responses}>
        {(data) => (
          <DataTable
            caption={t('list.caption')}
            rows={data}
            rowKey={(response) => response.id}
            empty={{ title: t('list.empty'), hint: t('list.emptyHint') }}
            columns={[
              {
                key: 'title',
                header: t('list.title'),
                cell: (response) => (
                  <>
                    <Text fw={600} size="sm">
                      {response.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {response.body}
                    </Text>
                  </>
                ),
              },
              {
                key: 'language',
                header: t('list.language'),
                cell: (response) =>
                  response.locale ? (
                    <Badge variant="light" radius="sm">
                      {t(`languages.${response.locale === 'en' ? 'en' : 'fr'}`)}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('form.anyLanguage')}
                    </Text>
                  ),
              },
            ]}
            actions={(response) => (
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
            )}
          />
        )}
      </QueryState>
      <CannedResponseModal
        opened={modal !== null}
        response={modal?.response ?? null}
        shared={scope === 'shared'}
        onClose={() => setModal(null)}
      />
    </>
  );
}
