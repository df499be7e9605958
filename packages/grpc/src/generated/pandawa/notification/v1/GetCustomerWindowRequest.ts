// Original file: pandawa/notification/v1/notification.proto

import type { CitizenIdentity as _pandawa_notification_v1_CitizenIdentity, CitizenIdentity__Output as _pandawa_notification_v1_CitizenIdentity__Output } from '../../../pandawa/notification/v1/CitizenIdentity.js';

export interface GetCustomerWindowRequest {
  'officeId'?: (string);
  'citizen'?: (_pandawa_notification_v1_CitizenIdentity | null);
  'trackingCode'?: (string);
}

export interface GetCustomerWindowRequest__Output {
  'officeId': (string);
  'citizen': (_pandawa_notification_v1_CitizenIdentity__Output | null);
  'trackingCode': (string);
}
