import { useMemo, useState } from 'preact/hooks';
import { contactLink, publicBase } from '../data/links.ts';
import { useWords } from '../ui/i18n.tsx';
import { companyIndex, matches, nextKeys } from './company-search.ts';
import { ContactCard } from './contact-card.tsx';
import type { ScreenProps } from './screen.ts';

export function DirectoryScreen({ s }: ScreenProps) {
  const { t } = useWords();
  const floors = s.detail?.floors ?? [];
  const [floor, setFloor] = useState<number | null>(null);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [qrFor, setQrFor] = useState<number | null>(null);
  const index = useMemo(() => companyIndex(floors), [floors]);
  const base = publicBase(s);
  const picked = floors.find((f) => f.number === floor);
  const captains = s.contacts.filter(
    (c) => floor !== null && c.floors.includes(floor) && c.role.endsWith('captain'),
  );
  const liaisons = s.contacts.filter((c) => c.floors.length === 0);

  const pick = (n: number) => {
    setFloor(n);
    setSearching(false);
    setQrFor(null);
  };

  return (
    <section class="directory split" aria-labelledby="directory-title">
      <div class="split-list">
        <h1 id="directory-title">{t('nav.directory')}</h1>
        <div class="row">
          <button
            type="button"
            class="btn"
            aria-pressed={searching}
            data-testid="company-search"
            onClick={() => setSearching(!searching)}
          >
            {t('directory.search')}
          </button>
        </div>
        {searching ? (
          <CompanySearch
            query={query}
            onQuery={setQuery}
            keys={nextKeys(index, query)}
            hits={query ? matches(index, query).slice(0, 8) : []}
            onPick={pick}
          />
        ) : (
          <div class="floor-grid" role="group" aria-label={t('directory.pickFloor')}>
            {floors.map((f) => (
              <button
                type="button"
                key={f.number}
                class="floor-btn"
                aria-pressed={floor === f.number}
                onClick={() => pick(f.number)}
              >
                {f.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <div class="split-detail" data-testid="floor-detail">
        {picked ? (
          <>
            <h2>{t('directory.floor', { floor: picked.label })}</h2>
            {picked.companies.length > 0 && <p class="companies">{picked.companies.join(' · ')}</p>}
            {captains.length === 0 && <p class="empty">{t('directory.noCaptain')}</p>}
            {captains.map((c) => (
              <ContactCard key={c.id} contact={c} link={contactLink(base, c.id)} showQr />
            ))}
            <h3>{t('directory.liaisons')}</h3>
            <div class="liaisons">
              {liaisons.map((c) => (
                <ContactCard
                  key={c.id}
                  contact={c}
                  link={contactLink(base, c.id)}
                  showQr={qrFor === c.id}
                  onQr={() => setQrFor(c.id)}
                />
              ))}
            </div>
          </>
        ) : (
          <p class="empty big">{t('directory.prompt')}</p>
        )}
      </div>
    </section>
  );
}

interface SearchProps {
  query: string;
  onQuery(q: string): void;
  keys: string[];
  hits: { company: string; floor: number }[];
  onPick(floor: number): void;
}

function CompanySearch({ query, onQuery, keys, hits, onPick }: SearchProps) {
  const { t } = useWords();
  return (
    <div class="company-search">
      <div class="kfield active">
        <label for="company-query">{t('directory.company')}</label>
        <input id="company-query" readOnly inputMode="none" value={query} />
      </div>
      <div class="char-keys" data-testid="char-keys">
        {keys.map((k) => (
          <button type="button" key={k} class="key" onClick={() => onQuery(query + k)}>
            {k}
          </button>
        ))}
        <button
          type="button"
          class="key key-wide"
          aria-label={t('key.backspace')}
          data-testid="key-backspace"
          onClick={() => onQuery([...query].slice(0, -1).join(''))}
        >
          ⌫
        </button>
      </div>
      <ul class="hits">
        {hits.map((h) => (
          <li key={`${h.floor}-${h.company}`}>
            <button type="button" class="card" onClick={() => onPick(h.floor)}>
              <strong>{h.company}</strong> <span class="badge">{h.floor}F</span>
            </button>
          </li>
        ))}
      </ul>
      {query && hits.length === 0 && <p class="empty">{t('directory.noMatch')}</p>}
    </div>
  );
}
