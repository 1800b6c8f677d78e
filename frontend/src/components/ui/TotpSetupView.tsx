import { Code, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A new authenticator secret: the QR code to scan, and the key to type when scanning is not possible. */
export function TotpSetupView({ qrCode, secret }: { qrCode: string; secret: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{t('twoFactor.scan')}</Text>
      <Image src={qrCode} alt={t('twoFactor.qrAlt')} w={200} h={200} fit="contain" bg="white" />
      <Text size="sm">{t('twoFactor.manual')}</Text>
      <Code aria-label={t('twoFactor.secretLabel')} style={{ wordBreak: 'break-all' }}>
        {secret}
      </Code>
    </Stack>
  );
}
