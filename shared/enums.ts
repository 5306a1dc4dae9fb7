// Every closed vocabulary of the product, declared once. Schemas, the store's CHECK
// constraints and the i18n catalogues are all keyed by these lists.

export const STAFF_ROLES = ['admin', 'editor', 'handler', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const NOTICE_CATEGORIES = ['policy', 'affairs', 'service', 'safety', 'activity'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const EVENT_KINDS = [
  'lecture',
  'salon',
  'party-lesson',
  'health',
  'culture',
  'sport',
  'volunteer',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const FEEDBACK_CATEGORIES = [
  'parking',
  'dining',
  'elevator',
  'environment',
  'facilities',
  'policy',
  'activity',
  'wish',
  'other',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_STATUSES = [
  'received',
  'discussing',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'duplicate',
  'declined',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const CONTACT_ROLES = [
  'captain',
  'deputy_captain',
  'party_supervisor',
  'economic_liaison',
  'market_supervisor',
  'police_liaison',
  'fire_adviser',
  'property_manager',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const DEVICE_KINDS = ['kiosk', 'signage'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const ALERT_LEVELS = ['info', 'warning', 'emergency'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
