import { AppShell, Box, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCategory,
  IconChartBar,
  IconInbox,
  IconLogout,
  IconClockHour4,
  IconMail,
  IconMailbox,
  IconMessageDots,
  IconPlus,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { isAgent, useAuth, useCurrentUser } from '@/lib/auth/auth-context';
import { Brand } from '@/components/ui/Brand';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import { QueueViewsNav } from '@/features/tickets/components/QueueViewsNav';
import { LiveIndicator } from '@/features/tickets/components/LiveIndicator';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
}

/** The app shell: header, navigation by role (collapsing to a drawer on phones), the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  const agent = isAgent(user.role);
  const work: Item[] = [
    { to: '/tickets', label: t('nav.myTickets'), icon: <IconInbox size={18} /> },
    { to: '/tickets/new', label: t('nav.newTicket'), icon: <IconPlus size={18} /> },
    ...(isAgent(user.role)
      ? [
          { to: '/canned-responses', label: t('canned:nav.mine'), icon: <IconMessageDots size={18} /> },
          { to: '/reports', label: t('nav.reports'), icon: <IconChartBar size={18} /> },
        ]
      : []),
  ];
  const admin: Item[] =
    user.role === 'ADMIN'
      ? [
          { to: '/admin/users', label: t('nav.users'), icon: <IconUsers size={18} /> },
          { to: '/admin/categories', label: t('nav.categories'), icon: <IconCategory size={18} /> },
          { to: '/admin/sla', label: t('nav.sla'), icon: <IconClockHour4 size={18} /> },
          { to: '/admin/outbox', label: t('nav.outbox'), icon: <IconMail size={18} /> },
          { to: '/admin/inbound', label: t('nav.inbound'), icon: <IconMailbox size={18} /> },
          { to: '/admin/canned-responses', label: t('canned:nav.shared'), icon: <IconMessageDots size={18} /> },
        ]
      : [];

  const isActive = (to: string) => (to === '/tickets' ? pathname === '/tickets' : pathname.startsWith(to));
  const link = (item: Item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={isActive(item.to)}
      aria-current={isActive(item.to) ? 'page' : undefined}
      onClick={close}
    />
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Brand />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LiveIndicator />
            <LanguageSwitcher />
            <Text size="sm" visibleFrom="sm" c="dimmed">
              {user.full_name}
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {agent && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4} px="sm">
                {t('nav.queue')}
              </Text>
              <QueueViewsNav onNavigate={close} />
              <Box mt="md" />
            </>
          )}
          <Stack gap={2}>{work.map(link)}</Stack>
          {admin.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
                {t('nav.admin')}
              </Text>
              <Stack gap={2} role="group" aria-label={t('nav.admin')}>
                {admin.map(link)}
              </Stack>
            </>
          )}
        </AppShell.Section>
        <AppShell.Section>
          {link({ to: '/profile', label: t('nav.profile'), icon: <IconUser size={18} /> })}
          <NavLink
            component="button"
            label={t('nav.logout')}
            leftSection={<IconLogout size={18} />}
            onClick={() => void logout()}
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
