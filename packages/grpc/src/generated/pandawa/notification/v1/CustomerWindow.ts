// Original file: pandawa/notification/v1/notification.proto

import type { ReplyTemplate as _pandawa_notification_v1_ReplyTemplate, ReplyTemplate__Output as _pandawa_notification_v1_ReplyTemplate__Output } from '../../../pandawa/notification/v1/ReplyTemplate.js';

export interface CustomerWindow {
  'open'?: (boolean);
  'closesAt'?: (string);
  'lastInboundAt'?: (string);
  'replyTemplate'?: (_pandawa_notification_v1_ReplyTemplate | null);
}

export interface CustomerWindow__Output {
  'open': (boolean);
  'closesAt': (string);
  'lastInboundAt': (string);
  'replyTemplate': (_pandawa_notification_v1_ReplyTemplate__Output | null);
}
