import { Tooltip } from '@mantine/core';
import { useFormat } from '@/lib/i18n/format';

/** A timestamp: relative ("il y a 2 h") or absolute, with the full date on hover. */
export function DateTime({ value, relative = false }: { value: string; relative?: boolean }) {
  const format = useFormat();
  const full = format.dateTime(value);
  if (!relative) return <time dateTime={value}>{full}</time>;
  return (
    <Tooltip label={full} openDelay={300}>
      <time dateTime={value} title={full}>
        {format.relative(value)}
      </time>
    </Tooltip>
  );
}
