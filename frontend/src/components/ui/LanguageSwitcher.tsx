import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '@/lib/auth/update-me';
import type { Locale } from '@/lib/api/types';
import { useAuth } from '@/lib/auth/auth-context';
import { currentLocale, setLocale } from '@/lib/i18n';

/** A language code for the eye, its name for screen readers. */
function Short({ code, name }: { code: string; name: string }) {
  return (
    <>
      <span aria-hidden>{code}</span>
      <VisuallyHidden lang={code.toLowerCase()}>{name}</VisuallyHidden>
    </>
  );
}

/** FR / EN switch; for a signed-in user the choice is also saved to their profile. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const updateMe = useUpdateMe();
  const change = (value: string) => {
    const locale = value as Locale;
    setLocale(locale);
    if (user && user.locale !== locale) updateMe.mutate({ locale });
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLocale()}
      onChange={change}
      data={[
        { value: 'fr', label: <Short code="FR" name="Français" /> },
        { value: 'en', label: <Short code="EN" name="English" /> },
      ]}
    />
  );
}
