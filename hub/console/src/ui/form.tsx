import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { ApiFailure } from '../data/http.ts';
import type { Locale } from '#shared/enums';
import { renderError } from '#shared/i18n/error-text';
import { issueReason } from '#shared/i18n/issues';
import { useI18n } from '../i18n.ts';
import { toast } from './dialog.tsx';

export type Errors = Record<string, string>;

// Zod's issues in the console's language, keyed by the field they name ("floors.1" → "floors").
// The reasons are the hub's own (shared/i18n/issues.ts), so a form and the API say the same.
export function issueErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  locale: Locale,
): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? 'form');
    if (out[key]) continue;
    out[key] = renderError(issueReason(i, input), locale);
  }
  return out;
}

// One form's values, per-field errors and the call that sends it. A refusal from the API
// lands next to the field it names, or above the form when it names none.
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof V>(k: K, v: V[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors((old) => {
      if (!(String(k) in old)) return old;
      const rest = { ...old };
      delete rest[String(k)];
      return rest;
    });
  };
  // Parses `input` with the same schema the API uses; null (with errors shown) when it fails.
  function check<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | null {
    const r = schema.safeParse(input);
    if (r.success) return r.data;
    setErrors({ ...issueErrors(r.error.issues, input, locale), form: t('form.fixErrors') });
    return null;
  }
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setErrors({});
    try {
      await fn();
      return true;
    } catch (err) {
      if (err instanceof ApiFailure && err.field) {
        const top = err.field.split('.')[0] ?? err.field;
        setErrors({ [top]: err.message, form: err.message });
      } else setErrors({ form: err instanceof Error ? err.message : String(err) });
      return false;
    } finally {
      setBusy(false);
    }
  }
  // Sends the form; once the API takes it, says so in a toast and hands over to `after`.
  async function save(
    send: () => Promise<unknown>,
    after: () => void,
    said: string = t('form.saved'),
  ): Promise<void> {
    if (!(await run(send))) return;
    toast(said);
    after();
  }
  return { values, setValues, set, errors, setErrors, busy, check, run, save };
}
