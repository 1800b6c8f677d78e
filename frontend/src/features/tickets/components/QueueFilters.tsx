import { Button, Collapse, Group, Select } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '@/components/ui/SearchInput';
import { useCategories } from '@/features/categories/api/get-categories';
import { useAssignableUsers } from '@/features/users/api/get-assignable-users';
import { PRIORITIES, type TicketPriority } from '@/lib/api/types';
import { SLA_FILTERS, SORTS, type ListParams } from './list-params';

const FIELD = { flex: '1 1 150px', maxWidth: 220 };
/** The sort box is never narrower than its longest choice, « Dernière mise à jour ». */
const SORT_FIELD = { flex: '1 0 210px', maxWidth: 240 };

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
    params.unread ||
    params.sla !== null ||
    params.status.length > 0;
  // On a phone the menus fold behind a "Filtres" button, so the first ticket is on screen.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [unfolded, folding] = useDisclosure(false);
  const chosen = [params.priority, params.category, params.assignee, params.sla, params.sort].filter(
    (v) => v !== null,
  ).length;

  const search = (
    <SearchInput
      value={params.q}
      onSearch={(q) => update({ q })}
      label={t('filters.search')}
      placeholder={t('filters.searchPlaceholder')}
      clearLabel={t('filters.clearSearch')}
    />
  );
  const menus = (
    <>
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
        label={t('sla:filter')}
        placeholder={t('filters.any')}
        clearable
        style={FIELD}
        data={SLA_FILTERS.map((s) => ({ value: s, label: t(`sla:filters.${s}`) }))}
        value={params.sla}
        onChange={(v) => update({ sla: (v as ListParams['sla']) ?? null })}
      />
      <Select
        label={t('filters.sort')}
        style={SORT_FIELD}
        allowDeselect={false}
        data={[
          ...(params.q ? [{ value: 'relevance', label: t('sort.relevance') }] : []),
          ...SORTS.map((s) => ({ value: s, label: t(`sort.${s.replace(',', '_')}`) })),
        ]}
        value={params.sort ?? (params.q ? 'relevance' : 'updated_at,desc')}
        onChange={(v) => update({ sort: v && v !== 'relevance' ? (v as ListParams['sort']) : null })}
      />
    </>
  );
  const reset = active && (
    <Button
      variant="subtle"
      leftSection={<IconFilterOff size={16} aria-hidden />}
      onClick={() =>
        update({
          q: '',
          priority: null,
          category: null,
          assignee: null,
          sla: null,
          status: [],
          sort: null,
          unread: false,
        })
      }
    >
      {t('filters.reset')}
    </Button>
  );

  if (phone) {
    return (
      <div>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          {search}
          <Button
            variant="default"
            leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
            aria-expanded={unfolded}
            aria-controls="queue-filter-menus"
            onClick={folding.toggle}
            style={{ flexShrink: 0 }}
          >
            {chosen > 0 ? t('filters.menusCount', { count: chosen }) : t('filters.menus')}
          </Button>
        </Group>
        <Collapse in={unfolded} id="queue-filter-menus">
          <Group gap="sm" align="flex-end" pt="sm">
            {menus}
            {reset}
          </Group>
        </Collapse>
      </div>
    );
  }
  return (
    <Group gap="sm" align="flex-end">
      {search}
      {menus}
      {reset}
    </Group>
  );
}
