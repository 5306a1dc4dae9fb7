import type { ErrorKey } from './api-errors.ts';

// Types the message of a check in shared/schemas: the zod issue carries the key, and whoever
// shows it renders it in the reader's language (shared/i18n/issues.ts). Apart from the
// catalogue, which it names only as a type, so screens that validate with the schemas do not
// ship every error message of the API.
export const reason = (key: ErrorKey): string => key;
