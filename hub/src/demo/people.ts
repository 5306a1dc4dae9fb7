// Names and companies for the demo tower: realistic, and stable from run to run.
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
];
const GIVEN = [
  '建国',
  '丽华',
  '志强',
  '秀英',
  '海涛',
  '晓燕',
  '明',
  '静',
  '伟',
  '芳',
  '磊',
  '婷',
  '文博',
  '思雨',
  '浩然',
  '雪梅',
  '国栋',
  '佳怡',
  '子豪',
  '慧敏',
  '立新',
  '春燕',
  '宏伟',
  '晨曦',
];

// Distinct for every i below 576 (24 × 24): the given name shifts with each round of
// surnames, so a liaison never shares a captain's name (one name, one person, one phone).
export function demoName(i: number): string {
  const round = Math.floor(i / SURNAMES.length);
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + 3 + round) % GIVEN.length]}`;
}

export function demoPhone(i: number): string {
  return `139${String(10_000_000 + ((i * 7_654_321) % 89_999_999)).padStart(8, '0')}`;
}

const COMPANIES = [
  '华信科技有限公司',
  '东方律师事务所',
  '中联会计师事务所',
  '星辰网络科技',
  '蓝海跨境电商',
  '启明教育咨询',
  '恒泰保险经纪',
  '云帆数据服务',
  '锦程人力资源',
  '北辰建筑设计院',
  '和光医药研发',
  '新桥金融信息',
  '青禾文化传媒',
  '远景新能源',
  '博雅翻译中心',
  '安信物业服务',
  '智谷人工智能实验室',
  '同舟供应链管理',
  '鼎盛投资管理',
  '品创广告',
  '明德知识产权代理',
  '瑞康健康管理',
  '万象城市规划',
  '天工智能制造',
  '汇通支付科技',
  '嘉木设计工作室',
  '正道税务师事务所',
  '晴空航旅服务',
  '乐活餐饮管理',
  '致远物流科技',
];

export function companiesOfFloor(floor: number): string[] {
  if (floor === 1) return ['党群服务站', '大堂咖啡', '便利店'];
  const a = COMPANIES[(floor * 3) % COMPANIES.length] ?? '';
  const b = COMPANIES[(floor * 3 + 1) % COMPANIES.length] ?? '';
  return floor % 3 === 0 ? [a] : [a, b];
}
