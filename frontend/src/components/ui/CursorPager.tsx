import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/i18n/format';

/**
 * Previous / next buttons of a keyset-paged list, and "1–25 sur 134" (or "sur 1 000+" when the
 * API only knows a lower bound). `index` is the 0-based number of the page shown, null when
 * unknown (a shared link to a deep page): the range is then left out. A page change scrolls to the top.
 */
export function CursorPager({
  index,
  size,
  shown,
  total,
  totalIsLowerBound,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  index: number | null;
  size: number;
  shown: number;
  total: number;
  totalIsLowerBound: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total === 0 && shown === 0) return null;
  const count = format.number(total) + (totalIsLowerBound ? '+' : '');
  // The new page is read from its top, not from where the pager was.
  const go = (move: () => void) => () => {
    move();
    window.scrollTo({ top: 0 });
  };
  const from = index === null ? null : index * size + 1;
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {from === null
          ? t('pagination.total', { total: count })
          : t('pagination.rangeOfCount', { from, to: from + shown - 1, total: count })}
      </Text>
      {(hasPrevious || hasNext) && (
        <Group gap="xs" role="navigation" aria-label={t('pagination.label')}>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
            disabled={!hasPrevious}
            onClick={go(onPrevious)}
          >
            {t('pagination.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} aria-hidden />}
            disabled={!hasNext}
            onClick={go(onNext)}
          >
            {t('pagination.next')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
