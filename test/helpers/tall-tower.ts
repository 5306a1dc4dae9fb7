// The tallest tower Lobby is sized for (Shanghai Tower): 127 floors with a captain each,
// the five liaisons, 60 live notices of ~300 Chinese characters, two events a day for two
// months with descriptions. Built through the staff API, as staff would, in any hub.
import type { HubClient } from './hub.ts';

export const TALL = { id: 'sh-tower', floors: 127, notices: 60, eventDays: 60, eventsPerDay: 2 };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const LIAISONS = [
  'party_supervisor',
  'economic_liaison',
  'market_supervisor',
  'police_liaison',
  'fire_adviser',
] as const;

const han = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => GIVEN[(seed * 7 + i * 3) % GIVEN.length]).join('');
export const person = (i: number) =>
  `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}${GIVEN[(i * 11 + 3) % GIVEN.length]}`;
const phone = (i: number) => `+86 138 ${String(1000 + i).padStart(4, '0')} ${String(5000 + i)}`;

// A notice of ordinary length: a 20-character title and a ~300-character body.
export const noticeBody = (i: number, chars = 300) =>
  `${han(chars - 12, i)}（第${i}号通知）。`.slice(0, chars);

async function ok(
  hub: HubClient,
  token: string,
  method: string,
  path: string,
  body: unknown,
): Promise<unknown> {
  const r = await hub.api(method, path, body, token);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

// Runs `fn` over 0..n-1, `width` at a time.
async function each(n: number, width: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

export async function buildTallTower(hub: HubClient, token: string, now = new Date()) {
  const b = TALL.id;
  await ok(hub, token, 'POST', '/api/staff/buildings', {
    id: b,
    name: '上海中心大厦',
    nameEn: 'Shanghai Tower',
    timezone: 'Asia/Shanghai',
  });
  await each(TALL.floors, 8, (i) =>
    ok(hub, token, 'PUT', `/api/staff/buildings/${b}/floors`, {
      number: i + 1,
      companies: [`${han(8, i)}科技有限公司`, `${han(6, i + 50)}咨询有限公司`],
    }),
  );
  await each(TALL.floors, 8, (i) =>
    ok(hub, token, 'POST', '/api/staff/contacts', {
      building: b,
      name: person(i),
      role: 'captain',
      floors: [i + 1],
      company: `上海${han(8, i)}科技有限公司`,
      phone: phone(i),
      wechat: `captain_${String(i + 1).padStart(3, '0')}_${han(0, i)}sh`,
      hours: '工作日 9:00–18:00，午休 12:00–13:00',
    }),
  );
  for (const [k, role] of LIAISONS.entries()) {
    await ok(hub, token, 'POST', '/api/staff/contacts', {
      building: b,
      name: person(200 + k),
      role,
      floors: [],
      company: '陆家嘴街道党群服务中心',
      phone: phone(200 + k),
      wechat: `liaison_${role.slice(0, 10)}`,
      hours: '工作日 8:30–17:30',
    });
  }
  const day = 86_400_000;
  await each(TALL.notices, 8, (i) =>
    ok(hub, token, 'POST', '/api/staff/notices', {
      building: b,
      title: `关于${han(14, i)}的通知`,
      body: noticeBody(i),
      category: 'affairs',
      priority: 'normal',
      validFrom: new Date(now.getTime() - day).toISOString(),
      validTo: new Date(now.getTime() + 30 * day).toISOString(),
    }),
  );
  const events = TALL.eventDays * TALL.eventsPerDay;
  await each(events, 8, (i) => {
    const start = new Date(now.getTime() + (Math.floor(i / 2) + 1) * day + (i % 2) * 4 * 3600_000);
    return ok(hub, token, 'POST', '/api/staff/events', {
      building: b,
      title: `${han(12, i)}讲座（第${i + 1}期）`,
      kind: 'lecture',
      place: `${(i % 127) + 1}层多功能厅`,
      description: noticeBody(i + 1000, 200),
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      capacity: 80,
    });
  });
  return b;
}
