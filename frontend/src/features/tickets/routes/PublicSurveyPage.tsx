import { Alert, Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Brand } from '@/components/ui/Brand';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import { LoadingState } from '@/components/ui/LoadingState';
import { errorMessage } from '@/lib/api/problem';
import { useAnswerPublicSurvey, usePublicSurvey } from '../api/survey';
import { SurveyForm } from '../components/SurveyForm';

/**
 * The survey page a "resolved" email links to, usable without signing in: `/survey/{ticket}#{token}`.
 * The token sits in the address's fragment, which the browser never sends to a server; the page
 * passes it to the API. The link answers once: afterwards, the answer is changed in the app.
 */
export function PublicSurveyPage() {
  const { t } = useTranslation('survey');
  const ticketId = Number(useParams().ticketId);
  const token = useLocation().hash.replace(/^#/, '');
  const valid = Number.isInteger(ticketId) && ticketId > 0 && token !== '';
  const survey = usePublicSurvey(valid ? ticketId : 0, valid ? token : '');
  const answer = useAnswerPublicSurvey(ticketId, token);
  useDocumentTitle(`${t('pageTitle', { id: valid ? ticketId : '' })} · Guichet`);
  const inApp = (
    <Anchor component={Link} to={`/tickets/${ticketId}`}>
      {t('openInApp')}
    </Anchor>
  );

  let content;
  if (!valid) {
    content = (
      <Alert color="red" role="alert">
        {t('badLink')}
      </Alert>
    );
  } else if (answer.isSuccess) {
    content = (
      <Stack gap="sm">
        <Alert color="teal" role="status" title={t('thanksTitle')}>
          {t('thanksLink', { score: answer.data.answer?.score })}
        </Alert>
        <Text size="sm">{t('changeInApp')}</Text>
        {inApp}
      </Stack>
    );
  } else if (survey.isPending) {
    content = <LoadingState />;
  } else if (survey.isError) {
    content = (
      <Stack gap="sm">
        <Alert color="red" role="alert">
          {errorMessage(survey.error, t)}
        </Alert>
        {inApp}
      </Stack>
    );
  } else {
    const data = survey.data;
    content = (
      <Stack gap="md">
        <Text fw={600}>{data.title}</Text>
        {answer.isError && (
          <Alert color="red" role="alert">
            {errorMessage(answer.error, t)}
          </Alert>
        )}
        {data.can_answer ? (
          <SurveyForm initial={data.answer} pending={answer.isPending} onSubmit={(value) => answer.mutate(value)} />
        ) : (
          <Alert color="yellow" role="status">
            {t('closed')}
          </Alert>
        )}
      </Stack>
    );
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md" component="header">
        <Brand />
        <LanguageSwitcher />
      </Group>
      <Center px="md" pt={{ base: 24, sm: 64 }}>
        <Paper p={{ base: 'lg', sm: 'xl' }} w="100%" maw={560} shadow="sm" component="main">
          <Stack gap="md">
            <Title order={1} fz="h2">
              {t('pageTitle', { id: valid ? ticketId : '' })}
            </Title>
            {content}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
