import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { Building } from '#shared/schemas/buildings';
import { getBuilding, groupsOf, listBuildings, type BuildingDetail } from '../data/buildings.ts';
import { prefs, setBuilding } from '../data/prefs.ts';
import { useI18n } from '../i18n.ts';
import { useAsync, useObservable } from './hooks.ts';

export interface CurrentBuilding extends BuildingDetail {
  groups: string[];
  all: Building[];
}

const Ctx = createContext<CurrentBuilding | null>(null);

// Pages work on one building at a time: the one chosen in the top bar.
export function useBuilding(): CurrentBuilding {
  const b = useContext(Ctx);
  if (!b) throw new Error('useBuilding outside BuildingProvider');
  return b;
}

export function BuildingProvider(props: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { building: chosen } = useObservable(prefs);
  const list = useAsync(listBuildings, []);
  const all = list.data ?? [];
  const id = all.find((b) => b.id === chosen)?.id ?? all[0]?.id;
  const detail = useAsync(() => (id ? getBuilding(id) : Promise.resolve(null)), [id]);
  useEffect(() => {
    if (id && id !== chosen) setBuilding(id);
  }, [id, chosen]);

  if (list.error || detail.error) {
    return (
      <div class="page-message" role="alert">
        {(list.error ?? detail.error)?.message}{' '}
        <button onClick={() => (list.reload(), detail.reload())}>{t('app.retry')}</button>
      </div>
    );
  }
  if (!detail.data) return <div class="page-message">{t('app.loading')}</div>;
  const value: CurrentBuilding = { ...detail.data, groups: groupsOf(detail.data), all };
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}
