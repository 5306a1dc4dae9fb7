// JSON from outside (a device's report, a file on disk): undefined when it does not parse,
// so the caller's schema check refuses it instead of an exception escaping.
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
