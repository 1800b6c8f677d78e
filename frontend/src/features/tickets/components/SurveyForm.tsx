import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswer } from '../api/survey';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The one-question survey: a score from 1 to 5 (radio buttons, arrows move between them) and an
 * optional comment. Starts from the current answer when there is one.
 */
export function SurveyForm({
  initial,
  pending,
  onSubmit,
}: {
  initial?: SurveyAnswer | null;
  pending: boolean;
  onSubmit: (answer: SurveyAnswer) => void;
}) {
  const { t } = useTranslation('survey');
  const [score, setScore] = useState<string>(initial?.score ? String(initial.score) : '');
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!score) {
          setMissing(true);
          return;
        }
        onSubmit({ score: Number(score), comment: comment.trim() === '' ? null : comment });
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('question')}
          value={score}
          onChange={(value) => {
            setScore(value);
            setMissing(false);
          }}
          error={missing ? t('scoreRequired') : undefined}
          required
        >
          <Group gap="md" mt="xs">
            {SCORES.map((value) => (
              <Radio key={value} value={String(value)} label={t(`scores.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('comment')}
          description={t('commentHint')}
          value={comment}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {initial ? t('change') : t('submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
