import type { Placement } from '#shared/schedule-resolver';
import { useDevice } from '#shared/device/hooks';

const NOWHERE: Placement = { group: null, floor: null };

// The screen's floor and group, from its retained config (nowhere until that arrives).
export function usePlacement(): Placement {
  const config = useDevice((s) => s.config);
  return config ? { group: config.data.group, floor: config.data.floor } : NOWHERE;
}
