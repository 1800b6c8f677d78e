import {
  Button,
  Flex,
  Group,
  List,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { PageHeader } from '@/components/ui/PageHeader';
import type { SlaPolicy } from '@/lib/api/types';
import { useAddClosedDay, useRemoveClosedDay, useSlaCalendar } from '../api/sla-calendar';
import { useDeleteSlaPolicy, useSlaPolicies } from '../api/sla-policies';
import { SlaPolicyModal } from '../components/SlaPolicyModal';

/** Business minutes as « 1 h », « 8 h », « 27 h 30 ». */
function duration(minutes: number, t: (key: string, options?: Record<string, unknown>) => string) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('minutes', { minutes: rest });
  return rest === 0 ? t('hours', { hours }) : t('hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}

/**
 * Admin: the SLA policies (targets per priority and optional category, most specific wins) and the
 * business calendar's closed days besides weekends and public holidays.
 */
export function AdminSlaPage() {
  const { t, i18n } = useTranslation('sla');
  const policies = useSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const [modal, setModal] = useState<{ policy: SlaPolicy | null } | null>(null);
  const name = (p: SlaPolicy) => (i18n.language === 'en' ? p.name_en : p.name_fr);

  let body;
  if (policies.isPending) body = <LoadingState />;
  else if (policies.isError) body = <ErrorAlert error={policies.error} onRetry={() => void policies.refetch()} />;
  else if (policies.data.length === 0) body = <EmptyState title={t('admin.empty')} />;
  else
    body = (
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ScrollArea type="auto">
          <Table verticalSpacing="sm" horizontalSpacing="md" miw={720}>
            <caption>
              <VisuallyHidden>{t('admin.policies')}</VisuallyHidden>
            </caption>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('admin.name')}</Table.Th>
                <Table.Th>{t('admin.priority')}</Table.Th>
                <Table.Th>{t('admin.category')}</Table.Th>
                <Table.Th>{t('admin.firstResponse')}</Table.Th>
                <Table.Th>{t('admin.resolution')}</Table.Th>
                <Table.Th className="guichet-sticky-actions">
                  <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.data.map((policy) => (
                <Table.Tr key={policy.id}>
                  <Table.Td fw={600}>{name(policy)}</Table.Td>
                  <Table.Td>{t(`tickets:priority.${policy.priority}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={policy.category_name ? undefined : 'dimmed'}>
                      {policy.category_name ?? t('admin.anyCategory')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{duration(policy.first_response_minutes, t)}</Table.Td>
                  <Table.Td>{duration(policy.resolution_minutes, t)}</Table.Td>
                  <Table.Td className="guichet-sticky-actions">
                    <Flex gap="xs" justify="flex-end" direction={{ base: 'column', md: 'row' }}>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setModal({ policy })}
                        aria-label={t('admin.editNamed', { name: name(policy) })}
                      >
                        {t('admin.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(policy.id)}
                        aria-label={t('admin.deleteNamed', { name: name(policy) })}
                      >
                        {t('admin.delete')}
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
        title={t('admin.title')}
        subtitle={t('admin.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ policy: null })}>
            {t('admin.create')}
          </Button>
        }
      />
      <Stack gap="lg">
        <section aria-labelledby="sla-policies">
          <Title order={2} size="h4" mb="sm" id="sla-policies">
            {t('admin.policies')}
          </Title>
          {body}
        </section>
        <CalendarSection />
      </Stack>
      <SlaPolicyModal opened={modal !== null} policy={modal?.policy ?? null} onClose={() => setModal(null)} />
    </>
  );
}

/** The business hours, this year's public holidays and the admin's closed days. */
function CalendarSection() {
  const { t, i18n } = useTranslation('sla');
  const year = new Date().getFullYear();
  const calendar = useSlaCalendar(year);
  const add = useAddClosedDay();
  const removeDay = useRemoveClosedDay();
  const [day, setDay] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!day || !label.trim()) {
      setError(t('admin.required'));
      return;
    }
    setError(null);
    add.mutate(
      { day, label: label.trim() },
      {
        onSuccess: () => {
          setDay('');
          setLabel('');
        },
      },
    );
  };
  const dayName = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const days = (workdays: string[]) =>
    workdays
      .map((w) =>
        new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(
          new Date(
            Date.UTC(
              2024,
              0,
              1 + ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].indexOf(w),
            ),
          ),
        ),
      )
      .join(', ');

  return (
    <section aria-labelledby="sla-calendar">
      <Title order={2} size="h4" mb="sm" id="sla-calendar">
        {t('admin.calendar')}
      </Title>
      {calendar.isPending ? (
        <LoadingState />
      ) : calendar.isError ? (
        <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <Paper p="md">
          <Stack gap="md">
            <Text size="sm">
              {t('admin.hours', {
                days: days(calendar.data.workdays),
                opens: calendar.data.opens.slice(0, 5),
                closes: calendar.data.closes.slice(0, 5),
                zone: calendar.data.time_zone,
                country: calendar.data.country,
              })}
            </Text>
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('admin.holidays', { year })}
              </Title>
              <List size="sm">
                {calendar.data.public_holidays.map((d) => (
                  <List.Item key={d}>{dayName(d)}</List.Item>
                ))}
              </List>
            </div>
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('admin.closedDays')}
              </Title>
              {calendar.data.closed_days.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('admin.closedEmpty')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {calendar.data.closed_days.map((c) => (
                    <List.Item key={c.day}>
                      <Group gap="xs">
                        <span>
                          {dayName(c.day)} — {c.label}
                        </span>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={12} aria-hidden />}
                          onClick={() => removeDay.mutate(c.day)}
                          aria-label={t('admin.removeClosedDay', { day: dayName(c.day) })}
                        >
                          {t('admin.delete')}
                        </Button>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
              <form onSubmit={submit} noValidate>
                <Group gap="sm" align="flex-end" mt="sm">
                  <TextInput
                    type="date"
                    label={t('admin.day')}
                    value={day}
                    onChange={(e) => setDay(e.currentTarget.value)}
                    required
                  />
                  <TextInput
                    label={t('admin.label')}
                    value={label}
                    maxLength={100}
                    onChange={(e) => setLabel(e.currentTarget.value)}
                    required
                    error={error}
                  />
                  <Button type="submit" loading={add.isPending}>
                    {t('admin.addClosedDay')}
                  </Button>
                </Group>
              </form>
            </div>
          </Stack>
        </Paper>
      )}
    </section>
  );
}
