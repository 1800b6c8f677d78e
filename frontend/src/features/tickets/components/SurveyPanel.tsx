import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/problem';
import { useAnswerSurvey, useSurvey } from '../api/survey';
import { SurveyForm } from './SurveyForm';

/**
 * The satisfaction survey on a ticket's page: the requester answers it once the ticket is
 * resolved and may change the answer until it is closed; technicians read the answer.
 */
export function SurveyPanel({ ticketId, agent }: { ticketId: number; agent: boolean }) {
  const { t } = useTranslation('survey');
  const survey = useSurvey(ticketId);
  const answer = useAnswerSurvey(ticketId);
  const data = survey.data;
  if (!data) return null;
  const resolved = data.status === 'RESOLVED' || data.status === 'CLOSED';
  if (!data.answer && !data.can_answer && !(agent && resolved)) return null;
  return (
    <Card withBorder component="section" aria-labelledby="survey-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="survey-title">
          {t('title')}
        </Title>
        {data.answer ? (
          <Stack gap={4}>
            <Text fw={600}>
              {t('result', { score: data.answer.score })} — {t(`scores.${data.answer.score}`)}
            </Text>
            {data.answer.comment && <Text style={{ whiteSpace: 'pre-wrap' }}>{data.answer.comment}</Text>}
          </Stack>
        ) : (
          !data.can_answer && <Text c="dimmed">{t('noAnswer')}</Text>
        )}
        {data.can_answer && (
          <>
            {answer.isSuccess && (
              <Alert color="teal" role="status">
                {t('thanks')}
              </Alert>
            )}
            {answer.isError && (
              <Alert color="red" role="alert">
                {errorMessage(answer.error, t)}
              </Alert>
            )}
            <SurveyForm
              key={data.answer?.updated_at ?? 'new'}
              initial={data.answer}
              pending={answer.isPending}
              onSubmit={(value) => answer.mutate(value)}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
