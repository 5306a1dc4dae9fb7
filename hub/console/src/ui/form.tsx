import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { ApiFailure } from '../data/http.ts';
import { useI18n, type I18n } from '../i18n.ts';
import { toast } from './dialog.tsx';

export type Errors = Record<string, string>;

// Zod's issues in the console's language, keyed by the field they name ("floors.1" → "floors").
export function issueErrors(issues: readonly z.core.$ZodIssue[], t: I18n['t']): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? 'form');
    if (out[key]) continue;
    out[key] = issueMessage(i, t);
  }
  return out;
}

function issueMessage(i: z.core.$ZodIssue, t: I18n['t']): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined || i.input === '' ? t('form.required') : t('form.badValue');
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1
          ? t('form.required')
          : t('form.tooShort', { n: Number(i.minimum) });
      return i.origin === 'array'
        ? t('form.required')
        : t('form.tooSmall', { n: Number(i.minimum) });
    case 'too_big':
      return i.origin === 'string'
        ? t('form.tooLong', { n: Number(i.maximum) })
        : t('form.tooBig', { n: Number(i.maximum) });
    case 'invalid_format':
      return t('form.badFormat');
    case 'invalid_value':
      return t('form.badValue');
    default:
      return i.message;
  }
}

// One form's values, per-field errors and the call that sends it. A refusal from the API
// lands next to the field it names, or above the form when it names none.
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const { t } = useI18n();
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
    setErrors({ ...issueErrors(r.error.issues, t), form: t('form.fixErrors') });
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
