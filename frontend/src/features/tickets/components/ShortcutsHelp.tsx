import { Button, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '@/lib/shortcuts';

/** The shortcuts of each page, as shown in the list: keys (alternatives) and the action's translation key. */
const SHORTCUTS = {
  queue: [
    [['j'], 'next'],
    [['k'], 'previous'],
    [['Entrée|Enter'], 'openTicket'],
    [['x'], 'toggle'],
    [['?'], 'help'],
  ],
  ticket: [
    [['r'], 'reply'],
    [['n'], 'note'],
    [['a'], 'assignToMe'],
    [['u', 'Échap|Esc'], 'back'],
    [['?'], 'help'],
  ],
} as const;

/** A key's label in the interface language ("Entrée|Enter": French|English). */
const keyLabel = (key: string, language: string) => {
  const [fr, en] = key.split('|');
  return language === 'en' && en ? en : fr;
};

/**
 * The `?` dialog listing the keyboard shortcuts of both pages (the current one first), and a small
 * button that opens it for those who do not know the key (hidden on phones, which have no keyboard).
 */
export function ShortcutsHelp({ page }: { page: keyof typeof SHORTCUTS }) {
  const { t, i18n } = useTranslation('shortcuts');
  const [opened, { open, close }] = useDisclosure(false);
  // `?` is Shift + a key on most layouts (Shift+, in AZERTY, Shift+/ in QWERTY); both match here.
  useShortcuts([
    ['shift+?', open],
    ['?', open],
  ]);
  const pages = page === 'queue' ? (['queue', 'ticket'] as const) : (['ticket', 'queue'] as const);

  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        visibleFrom="sm"
        w="fit-content"
        leftSection={<IconKeyboard size={16} aria-hidden />}
        onClick={open}
        aria-keyshortcuts="?"
      >
        {t('open')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('title')}
        size="md"
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('hint')}
          </Text>
          {pages.map((name) => (
            <section key={name} aria-labelledby={`shortcuts-${name}`}>
              <Title order={3} fz="h5" id={`shortcuts-${name}`} mb={4}>
                {t(name)}
              </Title>
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={110}>{t('key')}</Table.Th>
                    <Table.Th>{t('action')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {SHORTCUTS[name].map(([keys, action]) => (
                    <Table.Tr key={action}>
                      <Table.Td>
                        {keys.map((key, i) => (
                          <Fragment key={key}>
                            {i > 0 && ` ${t('or')} `}
                            <Kbd>{keyLabel(key, i18n.language)}</Kbd>
                          </Fragment>
                        ))}
                      </Table.Td>
                      <Table.Td>{t(action)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
