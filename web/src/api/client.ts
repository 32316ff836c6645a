/**
 * Talking to the API: same-origin fetch with the session cookie, the CSRF token echoed on state-changing
 * requests, and the error envelope `{error:{code,message,fields}}` turned into an ApiError whose message is
 * already in the user's language.
 */
import type { UiLang } from '../../../src/shared/vocabulary.js';

export interface FieldError {
  path: string;
  code: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
let language: UiLang = 'ru';

/** Set from the session answer: every state-changing request must carry it. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The language errors are told in before the server knows the user (sign-in). */
export function setRequestLanguage(lang: UiLang): void {
  language = lang;
}

const SAFE = new Set(['GET', 'HEAD']);

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function headersFor(method: string): Record<string, string> {
  return {
    'accept-language': language,
    ...(SAFE.has(method) ? {} : { 'x-csrf-token': csrfToken }),
  };
}

/** The ApiError of a failed answer's body (the envelope), or a generic one when the body is not ours. */
export function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)
    ?.error;
  return new ApiError(
    status,
    error?.code ?? 'internal_error',
    error?.message ?? `HTTP ${status}`,
    error?.fields,
  );
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...headersFor(method),
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, data);
  return data as T;
}

/** Sends a file with upload progress (fetch cannot report it). */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    for (const [name, value] of Object.entries(headersFor('POST'))) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(request.responseText);
      } catch {
        // not JSON: told as a generic error below
      }
      if (request.status >= 200 && request.status < 300) resolve(data as T);
      else reject(errorOf(request.status, data));
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    request.send(form);
  });
}
