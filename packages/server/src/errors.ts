/**
 * The one error path: domain and HTTP code throw an AppError with a string code; one handler
 * (http/app.ts) maps the code to a status and answers `{ "error": { "code", "message" } }`.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds before retrying (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'your role does not allow this') => new AppError('forbidden', why);
export const invalid = (message: string) => new AppError('invalid_input', message);

/** PostgreSQL error codes that are the caller's fault, not ours. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (code === '23505') return new AppError('conflict', 'this already exists');
  if (code === '23503') return new AppError('invalid_input', 'a referenced record does not exist');
  if (code === '23514' || code === '22P02' || code === '22007' || code === '22008')
    return new AppError('invalid_input', 'a value is out of range or malformed');
  return undefined;
}
