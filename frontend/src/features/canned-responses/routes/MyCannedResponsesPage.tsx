import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';
import { CannedResponsesManager } from '../components/CannedResponsesManager';

/** Technicians and admins: their own canned responses. */
export function MyCannedResponsesPage() {
  const { t } = useTranslation('canned');
  return (
    <>
      <PageHeader title={t('mine.title')} subtitle={t('mine.subtitle')} />
      <CannedResponsesManager scope="personal" />
    </>
  );
}
