import type { EventKind, NoticeCategory, Priority } from '#shared/enums';

// The station's one set of opening hours: its supervisor's contact card carries them (the
// kiosk's service screen and the posters read them there), and the notice says the same.
export const STATION_HOURS = '工作日 8:30-18:00，周六 9:00-12:00';

export interface DemoNotice {
  title: string;
  body: string;
  category: NoticeCategory;
  priority: Priority;
  // Days from today the notice runs: [from, to]; null for open-ended.
  days: [number, number] | null;
  groups?: string[];
}

export const DEMO_NOTICES: DemoNotice[] = [
  {
    title: '《优化营商环境条例》政策宣讲会',
    body: '本周四下午两点，区营商办专家在二楼多功能厅解读最新惠企政策，欢迎各企业负责人及财务人员参加。',
    category: 'policy',
    priority: 'high',
    days: [-2, 5],
  },
  {
    title: '个人所得税专项附加扣除答疑',
    body: '税务师事务所志愿者每周二中午在党群服务站提供一对一答疑，无需预约。',
    category: 'policy',
    priority: 'normal',
    days: [-10, 30],
  },
  {
    title: '楼宇电梯年度检修安排',
    body: '本月18日至20日晚22:00后，各梯组轮流停梯检修，每次不超过两小时，请提前安排加班出行。',
    category: 'affairs',
    priority: 'high',
    days: [-1, 12],
  },
  {
    title: '大堂消防通道禁止堆放物品',
    body: '为保障安全，请勿在消防通道及楼梯间堆放快递和杂物，物业将每日巡查清理。',
    category: 'safety',
    priority: 'urgent',
    days: [-3, 10],
  },
  {
    title: '地下车库访客车位调整',
    body: '自下周一起，B1层访客车位调整至C区，访客请在大堂登记后凭二维码出场，每日前两小时免费。',
    category: 'service',
    priority: 'normal',
    days: [-5, 20],
  },
  {
    title: '三楼员工餐厅新增晚餐供应',
    body: '应加班人员需求，员工餐厅每周一至周五17:30-19:30新增晚餐窗口，支持刷卡与扫码支付。',
    category: 'service',
    priority: 'normal',
    days: [-7, 25],
  },
  {
    title: '午间健步走打卡活动',
    body: '党群服务站联合工会发起“午间一万步”活动，楼内员工扫码报名，月底评选健步之星。',
    category: 'activity',
    priority: 'normal',
    days: [0, 28],
  },
  {
    title: '冬季用电安全提示',
    body: '办公区禁止使用电暖器、电热毯等大功率电器，下班前请关闭电源，发现隐患请拨打物业值班电话。',
    category: 'safety',
    priority: 'high',
    days: [-4, 40],
  },
  {
    title: '党群服务站开放时间',
    body: `服务站开放时间：${STATION_HOURS}。提供自助打印、政策咨询、会议室预约、母婴室等服务，欢迎随时来访。`,
    category: 'service',
    priority: 'normal',
    days: null,
  },
  {
    title: '楼宇议事会征集议题',
    body: '本月楼宇议事会将讨论停车、就餐和午休空间问题，欢迎通过服务台或扫码提交您的建议。',
    category: 'affairs',
    priority: 'normal',
    days: [-2, 14],
  },
  {
    title: '周五大堂快递集中投递点启用',
    body: '为缓解电梯高峰压力，快递统一投递至大堂智能柜，请留意取件短信。',
    category: 'affairs',
    priority: 'normal',
    days: [-6, 30],
    groups: ['lobby'],
  },
  {
    title: '青年员工联谊读书会招募',
    body: '每月最后一个周三晚，楼宇读书会在服务站举行，本期共读《乡土中国》，名额有限。',
    category: 'activity',
    priority: 'normal',
    days: [0, 21],
  },
];

export interface DemoEvent {
  title: string;
  kind: EventKind;
  place: string;
  description: string;
  // Day from today, start hour and minute in building time, length in minutes.
  day: number;
  at: [number, number];
  minutes: number;
  capacity: number;
  captainSeats: number;
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    title: '民法典与职场权益讲座',
    kind: 'lecture',
    place: '二楼多功能厅',
    description: '律师讲解劳动合同、加班与休假中的常见问题。',
    day: 2,
    at: [14, 0],
    minutes: 90,
    capacity: 80,
    captainSeats: 10,
  },
  {
    title: '青年创业沙龙：出海与合规',
    kind: 'salon',
    place: '党群服务站会议室',
    description: '跨境电商企业分享出海经验，现场交流。',
    day: 4,
    at: [18, 30],
    minutes: 120,
    capacity: 30,
    captainSeats: 5,
  },
  {
    title: '主题党课：新时代楼宇党建',
    kind: 'party-lesson',
    place: '二楼多功能厅',
    description: '街道党工委书记授课，欢迎楼内党员和入党积极分子参加。',
    day: 6,
    at: [15, 0],
    minutes: 60,
    capacity: 100,
    captainSeats: 20,
  },
  {
    title: '午间肩颈健康操',
    kind: 'health',
    place: '一楼大堂东侧',
    description: '康复理疗师带练，十五分钟舒缓久坐疲劳。',
    day: 1,
    at: [12, 15],
    minutes: 30,
    capacity: 40,
    captainSeats: 0,
  },
  {
    title: '楼宇健康跑 5 公里',
    kind: 'sport',
    place: '滨江步道起点',
    description: '周六早晨沿江慢跑，完赛可领纪念奖牌。',
    day: 9,
    at: [8, 0],
    minutes: 120,
    capacity: 150,
    captainSeats: 10,
  },
  {
    title: '读书会：《乡土中国》',
    kind: 'culture',
    place: '党群服务站阅览区',
    description: '共读费孝通先生经典，自带书籍或现场借阅。',
    day: 11,
    at: [19, 0],
    minutes: 90,
    capacity: 25,
    captainSeats: 3,
  },
  {
    title: '义诊：眼科与口腔检查',
    kind: 'health',
    place: '一楼服务站',
    description: '社区医院医生现场义诊，需携带身份证。',
    day: 13,
    at: [10, 0],
    minutes: 180,
    capacity: 60,
    captainSeats: 5,
  },
  {
    title: '社区敬老志愿服务',
    kind: 'volunteer',
    place: '街道养老服务中心',
    description: '陪伴老人、整理图书，服务时长计入志愿者系统。',
    day: 16,
    at: [9, 30],
    minutes: 180,
    capacity: 20,
    captainSeats: 2,
  },
  {
    title: '数据安全合规讲座',
    kind: 'lecture',
    place: '二楼多功能厅',
    description: '网信办专家解读个人信息保护要求。',
    day: 18,
    at: [14, 30],
    minutes: 90,
    capacity: 80,
    captainSeats: 10,
  },
  {
    title: '亲子手工：非遗剪纸',
    kind: 'culture',
    place: '党群服务站活动室',
    description: '周末带孩子体验传统剪纸，材料免费提供。',
    day: 20,
    at: [10, 0],
    minutes: 90,
    capacity: 20,
    captainSeats: 2,
  },
  {
    title: '羽毛球联谊赛',
    kind: 'sport',
    place: '园区体育馆',
    description: '以企业为单位组队，混合双打。',
    day: 23,
    at: [18, 30],
    minutes: 150,
    capacity: 48,
    captainSeats: 4,
  },
  {
    title: '职场心理健康沙龙',
    kind: 'salon',
    place: '党群服务站会议室',
    description: '心理咨询师带领减压练习与交流。',
    day: 26,
    at: [12, 10],
    minutes: 50,
    capacity: 25,
    captainSeats: 3,
  },
];
