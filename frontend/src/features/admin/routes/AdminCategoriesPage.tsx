import { Badge, Button, Flex, Text } from '@mantine/core';
import { IconBell, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardPage } from '@/components/ui/CardPage';
import { DataTable } from '@/components/ui/DataTable';
import { QueryState } from '@/components/ui/QueryState';
import { useCategories } from '@/features/categories/api/get-categories';
import { useUpdateCategory } from '@/features/categories/api/update-category';
import type { Category } from '@/lib/api/types';
import { CategoryModal } from '../components/CategoryModal';
import { CategoryTechniciansModal, CategoryTechniciansSummary } from '../components/CategoryTechniciansModal';

/**
 * Admin: the ticket categories, active and inactive, with create, rename and (de)activate, and
 * who is alerted by email about each one's new tickets.
 */
export function AdminCategoriesPage() {
  const { t } = useTranslation('admin');
  const categories = useCategories(true);
  const update = useUpdateCategory();
  const [modal, setModal] = useState<{ category: Category | null } | null>(null);
  const [alerting, setAlerting] = useState<Category | null>(null);

  return (
    <CardPage
      title={t('categories.title')}
      subtitle={t('categories.subtitle')}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ category: null })}>
          {t('categories.create')}
        </Button>
      }
    >
      <QueryState query={categories}>
        {(data) => (
          <DataTable
            caption={t('categories.title')}
            rows={data}
            rowKey={(category) => category.id}
            minWidth={760}
            empty={{ title: t('categories.empty') }}
            columns={[
              { key: 'name', header: t('categories.name'), cell: (category) => category.name, td: { fw: 600 } },
              {
                key: 'description',
                header: t('categories.description'),
                cell: (category) => (
                  <Text size="sm" c="dimmed">
                    {category.description || '—'}
                  </Text>
                ),
              },
              {
                key: 'status',
                header: t('users.status'),
                cell: (category) => (
                  <Badge color={category.active ? 'teal' : 'gray'} variant="dot" radius="sm">
                    {category.active ? t('categories.active') : t('categories.inactive')}
                  </Badge>
                ),
              },
              {
                key: 'alerted',
                header: t('categories.alerted'),
                cell: (category) => <CategoryTechniciansSummary categoryId={category.id} />,
              },
            ]}
            actions={(category) => (
              // One above the other on phones, so the pinned column stays narrow.
              <Flex gap="xs" justify="flex-end" direction={{ base: 'column', md: 'row' }}>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconBell size={14} aria-hidden />}
                  onClick={() => setAlerting(category)}
                  aria-label={t('categories.editTechniciansNamed', { name: category.name })}
                >
                  {t('categories.editTechnicians')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setModal({ category })}
                  aria-label={t('categories.renameNamed', { name: category.name })}
                >
                  {t('categories.rename')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color={category.active ? 'red' : 'teal'}
                  onClick={() => update.mutate({ id: category.id, active: !category.active })}
                  aria-label={t(category.active ? 'categories.deactivateNamed' : 'categories.reactivateNamed', {
                    name: category.name,
                  })}
                >
                  {category.active ? t('categories.deactivate') : t('categories.reactivate')}
                </Button>
              </Flex>
            )}
          />
        )}
      </QueryState>
      <CategoryModal opened={modal !== null} category={modal?.category ?? null} onClose={() => setModal(null)} />
      <CategoryTechniciansModal category={alerting} onClose={() => setAlerting(null)} />
    </CardPage>
  );
}
