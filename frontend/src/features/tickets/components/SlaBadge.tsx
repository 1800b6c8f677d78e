import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconClockExclamation, IconClockHour4, IconClockPause, IconCircleCheck, IconAlarm } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/ui/DateTime';
import type { SlaState, SlaTarget, TicketSla } from '@/lib/api/types';

const COLOR: Record<SlaState, string> = {
  OK: 'teal',
  AT_RISK: 'orange',
  BREACHED: 'red',
  MET: 'gray',
  PAUSED: 'gray',
};

const ICON: Record<SlaState, typeof IconAlarm> = {
  OK: IconClockHour4,
  AT_RISK: IconAlarm,
  BREACHED: IconClockExclamation,
  MET: IconCircleCheck,
  PAUSED: IconClockPause,
};

/** Most urgent first: what a queue row shows of a ticket's two targets. */
const URGENCY: SlaState[] = ['BREACHED', 'AT_RISK', 'OK', 'PAUSED', 'MET'];

type TargetName = keyof TicketSla;

/** Business seconds as « 2 h 15 », « 45 min », « 27 h ». */
export function formatBusinessTime(seconds: number, t: TFunction): string {
  const total = Math.max(0, Math.floor(Math.abs(seconds) / 60));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('sla:minutes', { minutes });
  if (minutes === 0) return t('sla:hours', { hours });
  return t('sla:hoursMinutes', { hours, minutes: String(minutes).padStart(2, '0') });
}

/** The words of a target's state: « Dépassé · 1 h 20 de retard », « 2 h 15 restantes », « En pause ». */
export function slaText(target: SlaTarget, t: TFunction): string {
  const left = target.business_seconds_left;
  if (left === null || left === undefined) return t(`sla:state.${target.state}`);
  const time = formatBusinessTime(left, t);
  switch (target.state) {
    case 'BREACHED':
      return `${t('sla:state.BREACHED')} · ${t('sla:late', { time })}`;
    case 'AT_RISK':
      return `${t('sla:state.AT_RISK')} · ${t('sla:left', { time })}`;
    case 'OK':
      return t('sla:left', { time });
    default:
      return t(`sla:state.${target.state}`);
  }
}

/** The target a queue row shows: the most urgent one (the soonest due among equals). */
export function headlineTarget(sla: TicketSla): TargetName {
  const names: TargetName[] = ['first_response', 'resolution'];
  return names.reduce((best, name) => {
    const a = sla[best];
    const b = sla[name];
    const byState = URGENCY.indexOf(b.state) - URGENCY.indexOf(a.state);
    if (byState !== 0) return byState < 0 ? name : best;
    return new Date(b.due_at) < new Date(a.due_at) ? name : best;
  });
}

/** One target's state, in colour, with an icon, and in words (never colour alone). */
export function SlaTargetBadge({
  name,
  target,
  withName = false,
}: {
  name: TargetName;
  target: SlaTarget;
  withName?: boolean;
}) {
  const { t } = useTranslation('sla');
  const Icon = ICON[target.state];
  const text = slaText(target, t);
  return (
    <Badge
      color={COLOR[target.state]}
      variant={target.state === 'BREACHED' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
      data-sla-state={target.state}
      title={withName ? undefined : t('badge', { target: t(`target.${name}`), state: text })}
    >
      {withName ? t('badge', { target: t(`target.${name}`), state: text }) : text}
    </Badge>
  );
}

/** A queue row's SLA: its most urgent target, or nothing when no policy applies. */
export function SlaBadge({ sla }: { sla: TicketSla | null | undefined }) {
  if (!sla) return null;
  const name = headlineTarget(sla);
  return <SlaTargetBadge name={name} target={sla[name]} withName={false} />;
}

/** The ticket page's SLA: both targets with their due time. */
export function SlaDetails({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation('sla');
  return (
    <Stack gap={6}>
      {(['first_response', 'resolution'] as const).map((name) => (
        <Stack gap={2} key={name}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t(`target.${name}`)}
            </Text>
            <SlaTargetBadge name={name} target={sla[name]} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('due')} <DateTime value={sla[name].due_at} />
          </Text>
          {sla[name].state === 'PAUSED' && (
            <Text size="xs" c="dimmed">
              {t('pausedHint')}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
