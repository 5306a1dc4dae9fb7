import { useState } from 'preact/hooks';
import { useT } from '../ui/i18n.tsx';

// The private link, to copy or bookmark; WeChat may refuse the clipboard, so it is also shown.
export function KeepLink({ url }: { url: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div class="keep">
      <label for="keep-url">{t('keep.link')}</label>
      <input id="keep-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="btn" onClick={() => void copy(url).then(setCopied)}>
        {copied ? t('keep.copied') : t('keep.copy')}
      </button>
      <p class="hint">{t('keep.hint')}</p>
    </div>
  );
}

// The async clipboard needs HTTPS; a hub on the building network is often plain HTTP, where
// only the old copy command works (WeChat's browser still has it).
async function copy(url: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
  }
  const input = document.getElementById('keep-url');
  if (!(input instanceof HTMLInputElement)) return false;
  input.select();
  return document.execCommand('copy');
}
