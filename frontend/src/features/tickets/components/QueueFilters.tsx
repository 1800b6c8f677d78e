import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '@/components/ui/SearchInput';
import { useCategories } from '@/features/categories/api/get-categories';
import { useAssignableUsers } from '@/features/users/api/get-assignable-users';
import { PRIORITIES, type TicketPriority } from '@/lib/api/types';
import { SORTS, type ListParams } from './list-params';

const FIELD = { flex: '1 1 150px', maxWidth: 220 };

/** The queue's search box and filter menus (priority, category, assignee, sort). */
export function QueueFilters({
  params,
  update,
}: {
  params: ListParams;
  update: (change: Partial<ListParams>) => void;
}) {
  const { t } = useTranslation('tickets');
  const categories = useCategories();
  const assignable = useAssignableUsers();
  const active =
    params.q !== '' ||
    params.priority !== null ||
    params.category !== null ||
    params.assignee !== null ||
    params.status.length > 0;

  return (
    <Group gap="sm" align="flex-end">
      <SearchInput
        value={params.q}
        onSearch={(q) => update({ q })}
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        clearLabel={t('filters.clearSearch')}
      />
      <Select
        label={t('fields.priority')}
        placeholder={t('filters.any')}
        clearable
        style={FIELD}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={params.priority}
        onChange={(v) => update({ priority: (v as TicketPriority | null) ?? null })}
      />
      <Select
        label={t('fields.category')}
        placeholder={t('filters.any')}
        clearable
        searchable
        style={FIELD}
        data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
        value={params.category === null ? null : String(params.category)}
        onChange={(v) => update({ category: v ? Number(v) : null })}
      />
      <Select
        label={t('fields.assignee')}
        placeholder={t('filters.any')}
        clearable
        searchable
        style={FIELD}
        data={[
          { value: 'me', label: t('filters.mine') },
          { value: 'none', label: t('unassigned') },
          ...(assignable.data ?? []).map((u) => ({ value: String(u.id), label: u.full_name })),
        ]}
        value={params.assignee === null ? null : String(params.assignee)}
        onChange={(v) => update({ assignee: v === 'me' || v === 'none' ? v : v ? Number(v) : null })}
      />
      <Select
        label={t('filters.sort')}
        style={FIELD}
        allowDeselect={false}
        data={[
          ...(params.q ? [{ value: 'relevance', label: t('sort.relevance') }] : []),
          ...SORTS.map((s) => ({ value: s, label: t(`sort.${s.replace(',', '_')}`) })),
        ]}
        value={params.sort ?? (params.q ? 'relevance' : 'updated_at,desc')}
        onChange={(v) => update({ sort: v && v !== 'relevance' ? (v as ListParams['sort']) : null })}
      />
      {active && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => update({ q: '', priority: null, category: null, assignee: null, status: [], sort: null })}
        >
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
