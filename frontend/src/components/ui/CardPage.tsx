import { Group, Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/**
 * A page made of a title (its h1 and the tab's title, with an optional subtitle and actions) and
 * the cards or sections under it, one above the other.
 */
export function CardPage({
  title,
  subtitle,
  actions,
  maw,
  gap = 'md',
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** The column's widest in px, for pages of forms. */
  maw?: number;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
      <Stack gap={gap} maw={maw}>
        {children}
      </Stack>
    </>
  );
}

/**
 * A part of a page, named by its h2 (the section's accessible name): on a card by default, or
 * `plain` when what it holds has its own surface (a table, a list of cards). `aside` sits at the
 * right of the title (a badge, a button); `description` under it.
 */
export function SectionCard({
  title,
  description,
  aside,
  plain = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  aside?: ReactNode;
  plain?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  const body = (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Title order={2} fz="h4" id={id} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {aside}
      </Group>
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
      {children}
    </Stack>
  );
  return plain ? (
    <section aria-labelledby={id}>{body}</section>
  ) : (
    <Paper p="lg" component="section" aria-labelledby={id}>
      {body}
    </Paper>
  );
}
