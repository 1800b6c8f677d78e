import { Button, Flex, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CardPage, SectionCard } from '@/components/ui/CardPage';
import { DataTable } from '@/components/ui/DataTable';
import { QueryState } from '@/components/ui/QueryState';
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

  return (
    <CardPage
      title={t('admin.title')}
      subtitle={t('admin.subtitle')}
      gap="lg"
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ policy: null })}>
          {t('admin.create')}
        </Button>
      }
    >
      <SectionCard plain title={t('admin.policies')}>
        <QueryState query={policies}>
          {(data) => (
            <DataTable
              caption={t('admin.policies')}
              rows={data}
              rowKey={(policy) => policy.id}
              minWidth={720}
              empty={{ title: t('admin.empty') }}
              columns={[
                { key: 'name', header: t('admin.name'), cell: name, td: { fw: 600 } },
                {
                  key: 'priority',
                  header: t('admin.priority'),
                  cell: (policy) => t(`tickets:priority.${policy.priority}`),
                },
                {
                  key: 'category',
                  header: t('admin.category'),
                  cell: (policy) => (
                    <Text size="sm" c={policy.category_name ? undefined : 'dimmed'}>
                      {policy.category_name ?? t('admin.anyCategory')}
                    </Text>
                  ),
                },
                {
                  key: 'firstResponse',
                  header: t('admin.firstResponse'),
                  cell: (policy) => duration(policy.first_response_minutes, t),
                },
                {
                  key: 'resolution',
                  header: t('admin.resolution'),
                  cell: (policy) => duration(policy.resolution_minutes, t),
                },
              ]}
              actions={(policy) => (
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
              )}
            />
          )}
        </QueryState>
      </SectionCard>
      <CalendarSection />
      <SlaPolicyModal opened={modal !== null} policy={modal?.policy ?? null} onClose={() => setModal(null)} />
    </CardPage>
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
    <SectionCard title={t('admin.calendar')}>
      <QueryState query={calendar}>
        {(data) => (
          <Stack gap="md">
            <Text size="sm">
              {t('admin.hours', {
                days: days(data.workdays),
                opens: data.opens.slice(0, 5),
                closes: data.closes.slice(0, 5),
                zone: data.time_zone,
                country: data.country,
              })}
            </Text>
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('admin.holidays', { year })}
              </Title>
              <List size="sm">
                {data.public_holidays.map((d) => (
                  <List.Item key={d}>{dayName(d)}</List.Item>
                ))}
              </List>
            </div>
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('admin.closedDays')}
              </Title>
              {data.closed_days.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('admin.closedEmpty')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {data.closed_days.map((c) => (
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
        )}
      </QueryState>
    </SectionCard>
  );
}
