import type { TFunction } from 'i18next';
import type { Problem } from './types';

/** An HTTP error from the API, carrying its problem+json document when there was one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** The refresh token was refused: the user must log in again. */
export class SessionExpiredError extends Error {
  constructor() {
    super('session expired');
    this.name = 'SessionExpiredError';
  }
}

/** Builds an ApiError from a failed response, reading its problem+json body if any. */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status };
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = { status: response.status, ...((await response.json()) as Problem) };
    } catch {
      // A malformed body: keep the status alone.
    }
  }
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
}

/** True when the error is an ApiError with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * The one place that turns any error into a sentence for the user: a translation for a
 * known problem `type`, else the problem's `detail` (with its field errors), else a
 * translated message per status.
 */
export function errorMessage(
  error: unknown,
  t: TFunction,
  /** Translation keys that replace the server's wording for some statuses. */
  overrides: Partial<Record<number, string>> = {},
): string {
  if (error instanceof SessionExpiredError) return t('common:errors.sessionExpired');
  if (error instanceof ApiError) {
    const override = overrides[error.status];
    if (override) return t(override);
    if (error.status === 429) {
      return error.retryAfter
        ? t('common:errors.rateLimitedFor', { seconds: error.retryAfter })
        : t('common:errors.rateLimited');
    }
    // The database (or the whole service) is down for a moment: say so, not "an error occurred".
    if (error.status === 503) {
      return error.retryAfter
        ? t('common:errors.unavailableFor', { seconds: error.retryAfter })
        : t('common:errors.unavailable');
    }
    // Known problem types are worded in the interface's language; others keep the server's detail.
    const slug = error.problem.type?.split('/').pop();
    const known = slug && /^[a-z-]+$/.test(slug) ? t(`common:problems.${slug}`, { defaultValue: '' }) : '';
    if (known) return known;
    const { detail, errors } = error.problem;
    const fields = (errors ?? []).map((e) => `${e.field} : ${e.message}`);
    if (detail && fields.length > 0) return `${detail} (${fields.join(' ; ')})`;
    if (detail) return detail;
    if (fields.length > 0) return fields.join(' ; ');
    const statuses = [400, 401, 403, 404, 409, 413, 415, 500, 502, 503];
    return statuses.includes(error.status)
      ? t(`common:errors.status.${error.status}`)
      : t('common:errors.unexpected', { status: error.status });
  }
  if (error instanceof TypeError) return t('common:errors.network');
  return t('common:errors.unknown');
}
