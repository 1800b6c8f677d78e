import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { RecoveryCodesView } from '@/components/ui/RecoveryCodesView';
import { TotpSetupView } from '@/components/ui/TotpSetupView';
import type { Challenge, TotpSetup } from '@/lib/auth/session';
import { confirmEnrolment, sendSecondFactor, startEnrolment } from '@/lib/auth/session';
import { SecondFactorForm } from './SecondFactorForm';

/**
 * The second step of a login, after a right password: a code from the authenticator app, or — when
 * the role requires two-factor authentication and the account has none — the enrolment (QR code,
 * first code, recovery codes shown once). Calls onDone once the tokens are stored.
 */
export function SecondStep({ challenge, onDone }: { challenge: Challenge; onDone: () => Promise<void> }) {
  const { t } = useTranslation('auth');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (challenge.secondFactor !== 'TOTP_ENROLMENT' || started.current) return;
    started.current = true;
    startEnrolment(challenge.challengeToken).then(setSetup, setSetupError);
  }, [challenge]);

  if (challenge.secondFactor === 'TOTP') {
    return (
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('twoFactor.title')}
        </Title>
        <SecondFactorForm
          label={t('twoFactor.codeLabel')}
          help={t('twoFactor.codeHelp')}
          submitLabel={t('twoFactor.verify')}
          onSubmit={async (code) => {
            await sendSecondFactor(challenge.challengeToken, code);
            await onDone();
          }}
        />
      </Stack>
    );
  }

  if (codes) {
    return (
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('twoFactor.enrolledTitle')}
        </Title>
        <RecoveryCodesView codes={codes} />
        <Button onClick={() => void onDone()}>{t('twoFactor.continue')}</Button>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t('twoFactor.enrolTitle')}
      </Title>
      <Text size="sm">{t('twoFactor.enrolRequired')}</Text>
      {setupError !== null && <ErrorAlert error={setupError} />}
      {setup && (
        <>
          <TotpSetupView qrCode={setup.qr_code} secret={setup.secret} />
          <SecondFactorForm
            label={t('twoFactor.firstCodeLabel')}
            submitLabel={t('twoFactor.enable')}
            onSubmit={async (code) => setCodes(await confirmEnrolment(challenge.challengeToken, code))}
          />
        </>
      )}
    </Stack>
  );
}
