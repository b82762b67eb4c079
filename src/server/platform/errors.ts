import type { MessageKey } from './i18n.ts';

/**
 * The one error type of the API. `code` is stable (clients switch on it); the message is produced in the
 * request's language when the error is sent, from `code` (or `messageKey`) and `params`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly messageKey: MessageKey | string = code,
    /** Headers the answer carries, such as `Retry-After` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const conflict = (code = 'conflict', params: Record<string, string | number> = {}) =>
  new AppError(409, code, params);
export const badRequest = (code: string, params: Record<string, string | number> = {}) =>
  new AppError(400, code, params);
