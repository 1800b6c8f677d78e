import { Badge, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessageDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillCannedResponse } from '@/features/canned-responses/api/fill-canned-response';
import { useCannedResponses } from '@/features/canned-responses/api/get-canned-responses';
import { notifyError } from '@/lib/query-client';

/**
 * A searchable list of the canned responses the agent may use (shared and own), in the reply box.
 * Typing searches titles and bodies on the server; arrows and Enter pick one, whose text, with its
 * placeholders filled for this ticket by the server, is handed to `onInsert`.
 */
export function CannedResponsePicker({ ticketId, onInsert }: { ticketId: number; onInsert: (text: string) => void }) {
  const { t } = useTranslation('canned');
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [q] = useDebouncedValue(search, 250);
  const responses = useCannedResponses('all', q, opened || q !== '');
  const byId = new Map((responses.data ?? []).map((r) => [String(r.id), r]));

  const pick = async (id: string | null) => {
    const chosen = id ? byId.get(id) : undefined;
    setSearch('');
    if (!chosen) return;
    try {
      onInsert(await fillCannedResponse(chosen.id, ticketId));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Select
      label={t('picker.label')}
      placeholder={t('picker.placeholder')}
      leftSection={<IconMessageDots size={16} aria-hidden />}
      searchable
      clearable={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onChange={(id) => void pick(id)}
      // The server already searched titles and bodies: show what it found as is.
      filter={({ options }) => options}
      nothingFoundMessage={responses.isFetching ? undefined : t('picker.empty')}
      data={(responses.data ?? []).map((r) => ({ value: String(r.id), label: r.title }))}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
          <Text size="sm">{option.label}</Text>
          <Badge size="xs" variant="light" color={byId.get(option.value)?.shared ? 'blue' : 'gray'}>
            {byId.get(option.value)?.shared ? t('picker.shared') : t('picker.mine')}
          </Badge>
        </Group>
      )}
      maw={420}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
