import { pairedCatalogue } from './index.ts';

// Why the hub refused a request, Chinese first. A message names its parameters in braces;
// the hub's error helpers (hub/src/errors.ts) take them typed from the Chinese text, so a
// key and its parameters cannot drift apart. "thing.*" name what was not found.
const WORDS = {
  notFound: ['找不到该{what}', 'No such {what}'],
  noRoute: ['没有这个接口', 'There is no such address in the API'],
  'thing.alert': ['紧急通知', 'alert'],
  'thing.bank': ['电梯厅', 'elevator bank'],
  'thing.building': ['楼宇', 'building'],
  'thing.contact': ['联系人', 'contact'],
  'thing.device': ['屏幕', 'screen'],
  'thing.event': ['活动', 'event'],
  'thing.feedback': ['反馈', 'feedback'],
  'thing.floor': ['楼层', 'floor'],
  'thing.image': ['图片', 'image'],
  'thing.job': ['后台任务', 'job'],
  'thing.notice': ['通知', 'notice'],
  'thing.pairing': ['配对请求', 'pairing request'],
  'thing.place': ['地点', 'place'],
  'thing.playlist': ['播放列表', 'playlist'],
  'thing.qr': ['二维码', 'QR code'],
  'thing.rule': ['排期规则', 'schedule rule'],
  'thing.staff': ['工作人员账号', 'staff account'],
  'thing.ticket': ['编号', 'ticket'],

  // Shapes of input, for zod's issues and the hub's own checks alike.
  required: ['必填', 'Required'],
  tooShort: ['至少 {n} 个字符', 'At least {n} characters'],
  tooLong: ['最多 {n} 个字符', 'At most {n} characters'],
  tooSmall: ['不能小于 {n}', 'At least {n}'],
  tooBig: ['不能大于 {n}', 'At most {n}'],
  tooFew: ['至少选 {n} 项', 'Choose at least {n}'],
  tooMany: ['最多 {n} 项', 'At most {n} items'],
  badFormat: ['格式不正确', 'Not in the right format'],
  badValue: ['请选择有效的值', 'Choose a valid value'],
  badDate: ['请填写有效的日期', 'A valid date'],
  badDateTime: ['请填写有效的日期和时间', 'A valid date and time'],
  notWhole: ['请填写整数', 'A whole number'],
  unknownField: ['不接受的内容：{keys}', 'not accepted: {keys}'],
  phoneFormat: ['请填写 7 到 20 位的电话号码', 'a phone number of 7 to 20 digits'],
  idFormat: [
    '只能用小写字母、数字和短横线，最多 32 个字符',
    'lower-case letters, digits and dashes, at most 32',
  ],
  groupFormat: [
    '只能用小写字母、数字、下划线和短横线，最多 32 个字符',
    'lower-case letters, digits, _ and -, at most 32',
  ],
  sixDigits: ['请填写 6 位数字', 'six digits'],
  timeOfDay: ['请按“时:分”填写，如 08:30', 'a time of day, HH:MM'],
  timeZone: ['请填写有效的时区，如 Asia/Shanghai', 'an IANA time zone such as Asia/Shanghai'],
  wechatFormat: [
    '微信号为 6 到 20 位字母、数字、- 或 _，以字母开头',
    'a WeChat id: 6 to 20 letters, digits, - or _',
  ],
  slideIdsDiffer: ['幻灯片编号不能重复', 'slide ids must differ'],
  passwordsDiffer: ['两次输入的新密码不一致', 'The two new passwords differ'],
  afterStart: ['须晚于开始时间', 'must be after start'],
  afterRegistrationOpens: ['须晚于报名开始时间', 'must be after registration opens'],
  afterValidFrom: ['须晚于生效时间', 'must be after validFrom'],
  notBeforeFrom: ['不能早于开始日期', 'must not be before from'],
  notBeforeDateFrom: ['不能早于开始日期', 'must not be before dateFrom'],
  captainSeatsOverCapacity: ['楼长预留名额不能超过总名额', 'cannot exceed capacity'],
  rangeAtMost31: ['一次最多 31 天', 'a range covers at most 31 days'],
  reportAtMostYear: ['报表最多覆盖一年', 'a report covers at most a year'],
  slideNeedsNotice: ['通知页须选择一条通知', 'a notice slide names its notice'],
  slideNeedsImage: ['图片页须选择一张图片', 'an image slide needs its image'],

  // The HTTP layer itself.
  bodyTooLarge: ['提交的内容太大', 'the body is too large'],
  sendJson: ['请以 JSON 格式提交', 'send the body as application/json'],
  badBody: ['提交的内容无法读取', 'the body cannot be read'],
  badUrl: ['链接格式不正确或过长', 'the URL is malformed or a path segment is too long'],
  slowDown: ['请求太频繁，请稍后再试', 'too many requests; slow down'],
  internal: ['服务器出错了（请求编号 {id}）', 'internal error (request {id})'],

  // Staff sign-in and accounts.
  logInFirst: ['请先登录', 'log in first'],
  roleSystem: ['系统', 'system'],
  districtOnly: ['只有全街道账号可以执行此操作', 'only a district-wide account can do this'],
  ownBuildingsOnly: [
    '楼宇管理员只能为本楼宇创建账号',
    "a building's admin can only create accounts for its own buildings",
  ],
  unknownBuilding: ['没有楼宇“{id}”', 'no building "{id}"'],
  buildingHasStaff: [
    '以下工作人员账号只属于这栋楼宇：{names}',
    'staff accounts are scoped to this building: {names}',
  ],
  roleCannot: ['“{role}”角色不能执行此操作', 'the {role} role cannot do this'],
  wrongLogin: ['用户名或密码错误', 'wrong username or password'],
  wrongCurrentPassword: ['当前密码不正确', 'the current password is wrong'],
  usernameTaken: ['该用户名已被使用', 'username taken'],
  notYourself: [
    '不能修改自己的角色或停用自己',
    'you cannot change your own role or disable yourself',
  ],

  // Screens.
  pairingBusy: [
    '请求配对码的屏幕太多，请稍后再试',
    'too many screens asked for a code; try again later',
  ],
  pairingCodesThrottled: [
    '配对码错误次数太多，请十分钟后再试',
    'too many wrong codes; try again in ten minutes',
  ],
  pairingCodeUnknown: [
    '没有屏幕显示这个配对码，或配对码已过期',
    'no screen shows this code, or it expired',
  ],
  pairingCollected: ['这块屏幕已取得凭证，请重新配对', 'this screen has its token; pair it again'],
  pairingExpired: ['配对码已过期，请重新获取', 'the pairing code expired; ask for a new one'],
  deviceRevoked: ['这块屏幕已被停用，请重新配对', 'this device is revoked; pair it again'],
  noSuchBank: ['本楼没有这个电梯厅', 'no such elevator bank in this building'],
  noSuchDevice: ['本楼没有这块屏幕', 'no such device in this building'],
  bankNameTaken: ['这一层已有同名的电梯厅', 'this floor has a bank with this name'],
  buildingIdTaken: ['已有使用此编号的楼宇', 'a building with this id exists'],
  noSuchBuilding: ['没有这栋楼宇', 'no such building'],
  noSuchPlace: ['本楼没有这个地点', 'no such place in this building'],

  // Content and scheduling.
  noSuchNotice: ['本楼没有这条通知', 'no such notice in this building'],
  noSuchPlaylist: ['本楼没有这个播放列表', 'no such playlist in this building'],
  playlistInUse: [
    '排期规则 {rules} 仍在播放此列表',
    'schedule rules {rules} still play this playlist',
  ],
  imageInUse: ['仍被使用：{users}', 'still shown by {users}'],
  imageBytes: [
    '请上传 PNG、JPEG、WebP 或 GIF 图片',
    'send the image bytes with their content type (image/png, image/jpeg, image/webp or image/gif)',
  ],
  imageTooLarge: ['图片最大 5 MB', 'images are at most 5 MB'],
  imageNotImage: ['不是 PNG、JPEG、WebP 或 GIF 图片', 'not a PNG, JPEG, WebP or GIF image'],
  imageTooWide: ['图片每边最多 12000 像素', 'images are at most 12,000 pixels on a side'],
  jobRunning: ['“{name}”正在运行', '{name} is running already'],

  // Events and registrations.
  capacityTaken: ['已有 {n} 人确认报名', '{n} people are already confirmed'],
  phoneRegistered: [
    '这个电话号码已报名本活动',
    'this phone number is already registered for this event',
  ],
  captainCodeUsed: [
    '这个楼长码已在本活动占有名额',
    'this captain code already holds a place at this event',
  ],
  notCaptainCode: ['这不是本楼的楼长码', 'this is not a captain code of this building'],
  registrationClosed: ['本活动报名已截止', 'registration for this event is closed'],
  registrationOpensAt: ['报名将于 {at} 开始', 'registration opens at {at}'],
  registrationOpensAtCaptains: [
    '报名将于 {at} 开始，在此之前仅限持楼长码报名',
    'registration opens at {at}; until then only with a captain code',
  ],
  eventStartedNoCancel: [
    '活动已经开始，不能再取消报名',
    'the event has started; the registration can no longer be cancelled',
  ],
  onlyConfirmedReconfirm: [
    '只有已确认的名额才能再次确认，这个名额{status}',
    'only a confirmed seat can be reconfirmed; this one is {status}',
  ],
  eventStarted: ['活动已经开始', 'the event has started'],
  eventOver: ['活动已经结束', 'the event is over'],
  reconfirmOpensAt: ['{at} 起才能确认参加', 'reconfirmation opens at {at}'],
  ticketOtherEvent: ['这张票属于另一场活动：{title}', 'this ticket is for another event: {title}'],
  registrationCancelled: ['这个报名已取消', 'this registration was cancelled'],
  ticketWaitlisted: [
    '这张票在候补名单上，尚未确认',
    'this ticket is on the waiting list, not confirmed',
  ],
  walkInHasTicket: [
    '这个电话号码已有本活动的票，请直接签到',
    'this phone number already has a ticket for this event: check it in',
  ],
  roomFull: ['现场已满', 'the room is full'],

  // Feedback.
  submissionsThrottled: ['提交太频繁，请稍后再试', 'too many submissions; try again later'],
  wrongLinksThrottled: [
    '此网络发出的错误链接太多，请稍后再试',
    'too many wrong links from this address; try again later',
  ],
  onlyRequester: ['只有反馈人本人可以这样做', 'only the person who reported it can do this'],
  noTicketNumber: ['没有这个编号的反馈', 'no ticket with this number'],
  ticketNotOpen: ['这条反馈已不在处理中', 'this ticket is no longer open'],
  alreadyFollowing: [
    '这个电话号码已在关注这条反馈',
    'this phone number already follows this ticket',
  ],
  alreadyRated: ['这条反馈已经评价过了', 'this ticket has been rated already'],
  rateWhenResolved: ['反馈解决后才能评价', 'a ticket can be rated once it is resolved'],
  reopenOnlyResolved: ['只有已解决的反馈才能重新打开', 'only a resolved ticket can be reopened'],
  reopenWindow: [
    '反馈解决后 {days} 天内才能重新打开',
    'a ticket can be reopened within {days} days of being resolved',
  ],
  noSuchTicket: ['本楼没有这个编号的反馈', 'no such ticket in this building'],
  notOwnDuplicate: ['反馈不能与自己合并', 'a ticket cannot duplicate itself'],
  mergedInto: ['那条反馈已合并到 {ticket}', 'that ticket is merged into {ticket}'],
  ticketIs: ['这条反馈{status}', 'the ticket is {status}'],
  ticketAlready: ['这条反馈已经是“{status}”', 'the ticket is already {status}'],
  nameAssignee: ['请填写责任方', 'name the responsible party'],
  stepNotAllowed: ['不能从“{from}”改为“{to}”', 'cannot go from {from} to {to}'],
  stepNeedsReply: ['改为“{to}”前须先答复反馈人', '{to} needs a reply to the requester first'],
  declineNeedsReason: ['不予受理须写明理由', 'declining needs a reason'],
  nameSurvivor: ['请填写合并到的反馈编号', 'name the surviving ticket'],

  // Citizens' photos (privacy: pilot 12.5, hardening 18.2-18.4).
  'thing.photo': ['照片', 'photo'],
  photoUnreadable: [
    '照片无法读取：文件已损坏或不是图片',
    'the photo cannot be read: the file is damaged or not an image',
  ],
  photoNotFound: ['照片已失效，请重新选择照片', 'the photo has expired; choose it again'],
  photoTaken: ['这张照片已附在另一条反馈上', 'this photo is attached to another ticket'],
  photosThrottled: [
    '今天上传的照片太多，请明天再试',
    'too many photos uploaded today; try again tomorrow',
  ],

  // Security: phone spellings, "me too" per supporter, login throttling, cross-site writes.
  phoneInvalid: ['这不是有效的电话号码', 'this is not a valid phone number'],
  alreadySupported: ['你已经支持过这条反馈', 'you already support this ticket'],
  loginWait: [
    '登录失败次数太多，请 {seconds} 秒后再试',
    'too many failed logins; try again in {seconds} seconds',
  ],
  metricsClosed: [
    '只有获准的地址或持有指标令牌的请求可读取运行指标',
    'metrics are for the addresses in METRICS_ALLOW or the holder of METRICS_TOKEN',
  ],
  foreignOrigin: ['请求来自其他网站，已拒绝', 'refused: the request came from another site'],

  // Snapshot budgets: a write that would make a topic too large for the screens.
  budgetNotices: [
    '屏幕上的通知将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）：请缩短这条通知，或结束一条较早的通知',
    'the notices on the screens would take {size} KB, over their {budget} KB ({over} KB too many): shorten this notice or end an older one',
  ],
  budgetEvents: [
    '屏幕上的活动将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）：请缩短标题或地点，或删除一场活动',
    'the events on the screens would take {size} KB, over their {budget} KB ({over} KB too many): shorten the title or place, or remove an event',
  ],
  budgetEventTexts: [
    '活动介绍将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）：请缩短这段介绍',
    'the event descriptions would take {size} KB, over their {budget} KB ({over} KB too many): shorten this description',
  ],
  budgetContacts: [
    '联系人名录将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）：请缩短公司或时间说明，或删除不再任职的联系人',
    'the contact directory would take {size} KB, over its {budget} KB ({over} KB too many): shorten the company or hours, or remove contacts who left',
  ],
  budgetPlaylists: [
    '播放列表将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）：请删除一些幻灯片或规则',
    'the playlists would take {size} KB, over their {budget} KB ({over} KB too many): remove some slides or rules',
  ],
  budgetBoard: [
    '公示数据将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）',
    'the public board would take {size} KB, over its {budget} KB ({over} KB too many)',
  ],
  budgetAlert: [
    '紧急通知将达到 {size} KB，超过上限 {budget} KB（多出 {over} KB）：请缩短正文',
    'the alert would take {size} KB, over its {budget} KB ({over} KB too many): shorten its text',
  ],

  // Notice approval (pilot-a).
  noticeNotDraft: [
    '这条通知{review}，不能再提交审核',
    'this notice is {review}; it cannot be submitted',
  ],
  noticeNotPending: [
    '这条通知{review}，不在待审核状态',
    'this notice is {review}, not awaiting approval',
  ],

  // Closing the loop honestly (pilot-a).
  resolveNeedsReply: [
    '标记“已解决”时须答复反馈人如何解决的',
    'resolving needs a reply telling the requester how it was resolved',
  ],
  closeNeedsRatingOrReason: [
    '反馈人仍可重新打开：请等待其评价，或在内部备注中写明现在关闭的理由',
    'the requester may still reopen it: wait for their rating, or write why it closes now in the note',
  ],

  // Captain seats (pilot-a).
  captainCodeNeeded: [
    '请填写楼长码；没有楼长码请取消勾选“我是楼长”',
    'enter your captain code, or untick "I am a floor captain"',
  ],
  releaseBeforeNow: [
    '预留名额释放时间已过，名额会立即向所有人开放；请选择之后的时间',
    'this release time has passed, so the held seats would open to everyone at once; pick a later time',
  ],
} as const;

export type ErrorKey = keyof typeof WORDS;
export type ThingKey = Extract<ErrorKey, `thing.${string}`> extends `thing.${infer T}` ? T : never;

// The names a message takes in braces, read off its Chinese text.
type Names<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Names<R> : never;
export type ErrorParamNames<K extends ErrorKey> = Names<(typeof WORDS)[K][0]>;

export const apiErrors = pairedCatalogue<ErrorKey>(WORDS);

export const isErrorKey = (s: string): s is ErrorKey => Object.hasOwn(WORDS, s);
