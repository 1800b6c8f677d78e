import { Alert, Button, CopyButton, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: a list to write down or copy, with the warning that they will not be shown again. */
export function RecoveryCodesView({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="yellow" role="status" title={t('twoFactor.recoveryTitle')}>
        {t('twoFactor.recoveryHelp')}
      </Alert>
      <List aria-label={t('twoFactor.recoveryTitle')} ff="monospace" spacing={2} listStyleType="none">
        {codes.map((code) => (
          <List.Item key={code}>
            <Text ff="monospace">{code}</Text>
          </List.Item>
        ))}
      </List>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="light" onClick={copy} w="fit-content">
            {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
