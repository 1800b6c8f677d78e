import { Text, type TextProps } from '@mantine/core';

/**
 * User-written text (ticket descriptions, comments): rendered as text, never as HTML,
 * with its line breaks kept.
 */
export function PlainText({ children, ...props }: TextProps & { children: string }) {
  return (
    <Text {...props} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  );
}
