import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Message({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · Guichet`);
  return (
    <Center py={80} px="md">
      <Stack align="center" gap="sm" ta="center">
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        <Button component={Link} to="/" variant="light">
          {t('nav.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** "Page not found", also shown for pages the user's role may not see. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <Message title={t('notFound.title')} text={t('notFound.text')} />;
}

/** Shown when rendering a route failed unexpectedly. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return <Message title={t('errors.title')} text={t('errors.unknown')} />;
}
