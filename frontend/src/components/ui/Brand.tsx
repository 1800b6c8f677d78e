import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The Guichet logo and name, linking home. */
export function Brand() {
  return (
    <Group
      gap={8}
      renderRoot={(props) => <Link to="/" {...props} />}
      style={{ textDecoration: 'none', color: 'inherit' }}
      wrap="nowrap"
    >
      <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
        <IconLifebuoy size={19} />
      </ThemeIcon>
      <Text fw={700} size="lg">
        Guichet
      </Text>
    </Group>
  );
}
