import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page numbers (0-based page in, 0-based page out) and "1–20 sur 1 134"; a page change scrolls to the top. */
export function Pager({
  page,
  size,
  total,
  onChange,
}: {
  page: number;
  size: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  if (total === 0) return null;
  const from = page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed">
        {t('pagination.range', { from, to, total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page + 1}
          onChange={(p) => {
            onChange(p - 1);
            // The new page is read from its top, not from where the pager was.
            window.scrollTo({ top: 0 });
          }}
          size="sm"
          siblings={1}
          getControlProps={(control) => ({
            'aria-label': t(`pagination.${control}`),
          })}
          getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
        />
      )}
    </Group>
  );
}
