import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';
import { CannedResponsesManager } from '../components/CannedResponsesManager';

/** Admin: the canned responses every technician can insert. */
export function SharedCannedResponsesPage() {
  const { t } = useTranslation('canned');
  return (
    <>
      <PageHeader title={t('shared.title')} subtitle={t('shared.subtitle')} />
      <CannedResponsesManager scope="shared" />
    </>
  );
}
