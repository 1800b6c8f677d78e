import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/problem';

/**
 * One code to type: six digits from the authenticator app, or a recovery code. The server's refusal
 * (wrong code, expired step, locked account) is shown above the button.
 */
export function SecondFactorForm({
  onSubmit,
  label,
  help,
  submitLabel,
}: {
  onSubmit: (code: string) => Promise<void>;
  label: string;
  help?: string;
  submitLabel: string;
}) {
  const { t } = useTranslation('auth');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!code.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onSubmit(code.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        )}
        {help && (
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        )}
        <TextInput
          label={label}
          autoComplete="one-time-code"
          autoFocus
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={missing ? t('twoFactor.codeRequired') : undefined}
          maxLength={64}
        />
        <Button type="submit" loading={busy} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
