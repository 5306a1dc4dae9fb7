// What a scanned ticket QR holds: the ticket page's URL (…/t/12345678?s=…) or the bare
// eight digits. Returns the ticket number, or null when the text is something else.
export function ticketFromScan(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{8}$/.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    const seg = url.pathname.split('/').find((s) => /^\d{8}$/.test(s));
    if (seg) return seg;
    const param = url.searchParams.get('ticket');
    return param && /^\d{8}$/.test(param) ? param : null;
  } catch {
    return null;
  }
}
