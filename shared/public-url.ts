// Whether a link points at this machine only: a phone that scans it reaches itself, not
// the hub. The console warns while QR codes hold such an address.
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
