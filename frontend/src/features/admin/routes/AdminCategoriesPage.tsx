import { Badge, Button, Flex, Paper, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBell, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { PageHeader } from '@/components/ui/PageHeader';
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

  let body;
  if (categories.isPending) body = <LoadingState />;
  else if (categories.isError) body = <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />;
  else if (categories.data.length === 0) body = <EmptyState title={t('categories.empty')} />;
  else
    body = (
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ScrollArea type="auto">
          <Table verticalSpacing="sm" horizontalSpacing="md" miw={760}>
            <caption>
              <VisuallyHidden>{t('categories.title')}</VisuallyHidden>
            </caption>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('categories.name')}</Table.Th>
                <Table.Th>{t('categories.description')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('categories.alerted')}</Table.Th>
                <Table.Th className="guichet-sticky-actions">
                  <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.data.map((category) => (
                <Table.Tr key={category.id}>
                  <Table.Td fw={600}>{category.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {category.description || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={category.active ? 'teal' : 'gray'} variant="dot" radius="sm">
                      {category.active ? t('categories.active') : t('categories.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <CategoryTechniciansSummary categoryId={category.id} />
                  </Table.Td>
                  <Table.Td className="guichet-sticky-actions">
                    {/* One above the other on phones, so the pinned column stays narrow. */}
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
      <PageHeader
        title={t('categories.title')}
        subtitle={t('categories.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ category: null })}>
            {t('categories.create')}
          </Button>
        }
      />
      {body}
      <CategoryModal opened={modal !== null} category={modal?.category ?? null} onClose={() => setModal(null)} />
      <CategoryTechniciansModal category={alerting} onClose={() => setAlerting(null)} />
    </>
  );
}
