import { localParts, zonedToUtc } from '#shared/time';
import { SYSTEM, type HubContext } from '../context.ts';
import { createBank, createBuilding, createPlace, putFloor } from '../services/buildings.ts';
import { createContact } from '../services/contacts.ts';
import { createEvent } from '../services/events.ts';
import { createNotice } from '../services/notices.ts';
import { DEMO_EVENTS, DEMO_NOTICES, STATION_HOURS } from './content.ts';
import { companiesOfFloor, demoName, demoPhone } from './people.ts';
import { seedDemoPlaylists } from './playlists.ts';

export const DEMO_BUILDING = 'demo';
const TZ = 'Asia/Shanghai';
const FLOORS = 24;
const LOBBY_BANKS = ['A', 'B', 'C', 'D'];

const LIAISONS = [
  { role: 'party_supervisor', company: '街道党工委', hours: STATION_HOURS },
  { role: 'economic_liaison', company: '区投资促进局', hours: '周二、周四 14:00-17:00' },
  { role: 'market_supervisor', company: '区市场监督管理局', hours: '周三 9:00-12:00' },
  { role: 'police_liaison', company: '滨江派出所', hours: '24 小时值班' },
  { role: 'fire_adviser', company: '区消防救援大队', hours: '每月第一个周一' },
  { role: 'property_manager', company: '安信物业服务', hours: '每日 8:00-20:00' },
] as const;

// The demo tower of DESIGN.md: 24 floors, four lobby banks, a captain on every floor.
export function loadDemo(ctx: HubContext): void {
  ctx.store.tx(() => seed(ctx));
}

function seed(ctx: HubContext): void {
  const now = ctx.now();
  createBuilding(ctx, SYSTEM, {
    id: DEMO_BUILDING,
    name: '滨江中心大厦',
    nameEn: 'Riverside Centre Tower',
    timezone: TZ,
    address: '滨江大道 88 号',
  });

  for (let n = 1; n <= FLOORS; n++) {
    putFloor(ctx, SYSTEM, DEMO_BUILDING, {
      number: n,
      label: `${n}F`,
      companies: companiesOfFloor(n),
    });
  }
  createPlace(ctx, SYSTEM, DEMO_BUILDING, { floor: 1, bankId: null, name: '党群服务站' });
  for (const name of LOBBY_BANKS) {
    const bankId = createBank(ctx, SYSTEM, DEMO_BUILDING, { floor: 1, name, group: 'lobby' });
    createPlace(ctx, SYSTEM, DEMO_BUILDING, { floor: 1, bankId, name: `1F ${name} 梯厅` });
  }
  for (let n = 2; n <= FLOORS; n++) {
    const group = n <= 8 ? 'low' : n <= 16 ? 'mid' : 'high';
    const bankId = createBank(ctx, SYSTEM, DEMO_BUILDING, { floor: n, name: 'A', group });
    createPlace(ctx, SYSTEM, DEMO_BUILDING, { floor: n, bankId, name: `${n}F 梯厅` });
  }

  for (let n = 1; n <= FLOORS; n++) {
    const [company] = companiesOfFloor(n);
    createContact(ctx, SYSTEM, {
      building: DEMO_BUILDING,
      name: demoName(n),
      role: 'captain',
      floors: [n],
      company: company ?? '',
      phone: demoPhone(n),
      wechat: `lz_${String(n).padStart(2, '0')}_${(n * 37) % 97}`,
      hours: '工作日 9:00-18:00',
    });
  }
  LIAISONS.forEach((l, i) => {
    createContact(ctx, SYSTEM, {
      building: DEMO_BUILDING,
      name: demoName(100 + i),
      role: l.role,
      floors: [],
      company: l.company,
      phone: demoPhone(100 + i),
      hours: l.hours,
    });
  });

  const day = 86_400_000;
  for (const n of DEMO_NOTICES) {
    createNotice(ctx, SYSTEM, {
      building: DEMO_BUILDING,
      title: n.title,
      body: n.body,
      category: n.category,
      priority: n.priority,
      validFrom: n.days ? new Date(now.getTime() + n.days[0] * day).toISOString() : undefined,
      validTo: n.days ? new Date(now.getTime() + n.days[1] * day).toISOString() : undefined,
      groups: n.groups,
    });
  }

  const today = localParts(now, TZ);
  for (const e of DEMO_EVENTS) {
    const start = zonedToUtc(today.year, today.month, today.day + e.day, e.at[0], e.at[1], TZ);
    const end = new Date(start.getTime() + e.minutes * 60_000);
    createEvent(ctx, SYSTEM, {
      building: DEMO_BUILDING,
      title: e.title,
      kind: e.kind,
      place: e.place,
      description: e.description,
      start: start.toISOString(),
      end: end.toISOString(),
      capacity: e.capacity,
      captainSeats: e.captainSeats,
      registrationCloses: new Date(start.getTime() - 3600_000).toISOString(),
    });
  }
  seedDemoPlaylists(ctx, DEMO_BUILDING);
}
