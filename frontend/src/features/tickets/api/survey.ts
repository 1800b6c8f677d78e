import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Survey } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** A score (1–5) and an optional comment. */
export type SurveyAnswer = Body<'/api/v1/tickets/{id}/survey', 'put'>;

/** GET /tickets/{id}/survey: the requester's answer and whether the caller may answer now. */
export const surveyQueryOptions = (ticketId: number) =>
  queryOptions({
    queryKey: ticketKeys.survey(ticketId),
    queryFn: ({ signal }) => api<Survey>(`/tickets/${ticketId}/survey`, { signal }),
  });

/** The survey of a ticket, in the app. */
export const useSurvey = (ticketId: number) => useQuery(surveyQueryOptions(ticketId));

/** PUT /tickets/{id}/survey: the requester answers or changes the answer. */
export function useAnswerSurvey(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: SurveyAnswer) => api<Survey>(`/tickets/${ticketId}/survey`, { method: 'PUT', body: answer }),
    onSuccess: (survey) => queryClient.setQueryData(surveyQueryOptions(ticketId).queryKey, survey),
  });
}

/**
 * GET /public/surveys/{id}: the survey a mailed link opens, without signing in; the token goes in a
 * header, so it never appears in a URL (nor in the server's access logs).
 */
export const usePublicSurvey = (ticketId: number, token: string) =>
  useQuery({
    queryKey: ticketKeys.publicSurvey(ticketId, token),
    queryFn: ({ signal }) =>
      api<Survey>(`/public/surveys/${ticketId}`, { headers: { 'X-Survey-Token': token }, signal }),
    enabled: token !== '',
    retry: false,
  });

/** POST /public/surveys/{id}: answers through the link, which is then spent. */
export const useAnswerPublicSurvey = (ticketId: number, token: string) =>
  useMutation({
    mutationFn: (answer: SurveyAnswer) =>
      api<Survey>(`/public/surveys/${ticketId}`, { method: 'POST', body: { ...answer, token } }),
  });
