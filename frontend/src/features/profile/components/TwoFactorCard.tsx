import { Alert, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SectionCard } from '@/components/ui/CardPage';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { RecoveryCodesView } from '@/components/ui/RecoveryCodesView';
import { TotpSetupView } from '@/components/ui/TotpSetupView';
import { errorMessage } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth/auth-context';
import {
  useConfirmTwoFactor,
  useDisableTwoFactor,
  useRegenerateRecoveryCodes,
  useStartTwoFactor,
  useTwoFactorStatus,
} from '../api/two-factor';

/**
 * Two-step verification (TOTP) for the signed-in user: turn it on (QR code, first code, recovery
 * codes shown once), get new recovery codes, or turn it off (password and code; every session ends).
 */
export function TwoFactorCard() {
  const { t } = useTranslation('profile');
  const status = useTwoFactorStatus();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const { forget } = useAuth();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<'idle' | 'disable' | 'regenerate'>('idle');

  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data || !status.data.available) return null;
  const { enabled, required, recovery_codes_remaining: remaining } = status.data;

  const confirmCode = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await confirm.mutateAsync(code.trim()).catch(() => null);
    if (result) {
      setCodes(result.recovery_codes);
      setCode('');
      start.reset();
    }
  };
  const regenerateCodes = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await regenerate.mutateAsync(code.trim()).catch(() => null);
    if (result) {
      setCodes(result.recovery_codes);
      setCode('');
      setMode('idle');
    }
  };
  const turnOff = async (event: React.FormEvent) => {
    event.preventDefault();
    const done = await disable
      .mutateAsync({ password, code: code.trim() })
      .then(() => true)
      .catch(() => false);
    if (done) {
      forget();
      void navigate('/login', { replace: true });
    }
  };
  const failure = [start, confirm, regenerate, disable].find((m) => m.isError)?.error;

  return (
    <SectionCard
      title={t('twoFactor.title')}
      aside={
        <Badge color={enabled ? 'teal' : 'gray'} variant="light">
          {enabled ? t('twoFactor.on') : t('twoFactor.off')}
        </Badge>
      }
    >
      <Stack gap="sm" maw={480}>
        <Text size="sm">{t('twoFactor.hint')}</Text>
        {required && !enabled && (
          <Alert color="yellow" role="status">
            {t('twoFactor.requiredHint')}
          </Alert>
        )}
        {failure !== undefined && (
          <Alert color="red" role="alert">
            {errorMessage(failure, t)}
          </Alert>
        )}
        {codes && (
          <>
            <RecoveryCodesView codes={codes} />
            <Button variant="default" w="fit-content" onClick={() => setCodes(null)}>
              {t('twoFactor.codesSaved')}
            </Button>
          </>
        )}
        {!enabled && !codes && !start.data && (
          <Button w="fit-content" loading={start.isPending} onClick={() => start.mutate()}>
            {t('twoFactor.enable')}
          </Button>
        )}
        {!enabled && start.data && (
          <form onSubmit={(e) => void confirmCode(e)} noValidate>
            <Stack gap="sm">
              <TotpSetupView qrCode={start.data.qr_code} secret={start.data.secret} />
              <TextInput
                label={t('twoFactor.code')}
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <Button type="submit" w="fit-content" loading={confirm.isPending}>
                {t('twoFactor.confirm')}
              </Button>
            </Stack>
          </form>
        )}
        {enabled && !codes && (
          <>
            <Text size="sm" c="dimmed">
              {t('twoFactor.remaining', { count: remaining })}
            </Text>
            {mode === 'idle' && (
              <Group>
                <Button variant="default" onClick={() => setMode('regenerate')}>
                  {t('twoFactor.newCodes')}
                </Button>
                {!required && (
                  <Button variant="light" color="red" onClick={() => setMode('disable')}>
                    {t('twoFactor.disable')}
                  </Button>
                )}
              </Group>
            )}
            {mode !== 'idle' && (
              <form onSubmit={(e) => void (mode === 'disable' ? turnOff(e) : regenerateCodes(e))} noValidate>
                <Stack gap="sm">
                  {mode === 'disable' && (
                    <PasswordInput
                      label={t('password.current')}
                      autoComplete="current-password"
                      required
                      value={password}
                      onChange={(e) => setPassword(e.currentTarget.value)}
                    />
                  )}
                  <TextInput
                    label={t('twoFactor.code')}
                    autoComplete="one-time-code"
                    required
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                  />
                  <Group>
                    <Button
                      type="submit"
                      color={mode === 'disable' ? 'red' : undefined}
                      loading={disable.isPending || regenerate.isPending}
                    >
                      {mode === 'disable' ? t('twoFactor.disableConfirm') : t('twoFactor.newCodes')}
                    </Button>
                    <Button variant="default" onClick={() => setMode('idle')}>
                      {t('common:actions.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
