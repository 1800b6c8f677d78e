import { NavLink, Stack, Text } from '@mantine/core';
import { IconBookmark, IconLayoutList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSavedViews } from '../api/saved-views';
import { builtinViews, canonicalSearch, type QueueView } from './queue-views';
import { ViewCount } from './ViewCount';

/**
 * The technicians' queue views in the menu: the built-in ones, then the views they saved,
 * each with its number of tickets; the one matching the queue's address is marked current.
 */
export function QueueViewsNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('tickets');
  const { pathname, search } = useLocation();
  const saved = useSavedViews();
  const current = pathname === '/queue' ? canonicalSearch(search) : null;

  const link = (view: QueueView, icon: React.ReactNode) => {
    const active = current !== null && current === canonicalSearch(view.search);
    return (
      <NavLink
        key={view.key}
        component={Link}
        to={view.search ? `/queue?${view.search}` : '/queue'}
        label={view.label}
        leftSection={icon}
        rightSection={<ViewCount search={view.search} />}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
      />
    );
  };

  const mine = (saved.data ?? []).map((v) => ({ key: `saved-${v.id}`, label: v.name, search: v.query }));
  return (
    <>
      <Stack gap={2} role="group" aria-label={t('views.title')}>
        {builtinViews(t).map((v) => link(v, <IconLayoutList size={18} aria-hidden />))}
      </Stack>
      {mine.length > 0 && (
        <>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" id="saved-views-title">
            {t('views.saved')}
          </Text>
          <Stack gap={2} role="group" aria-labelledby="saved-views-title">
            {mine.map((v) => link(v, <IconBookmark size={18} aria-hidden />))}
          </Stack>
        </>
      )}
    </>
  );
}
