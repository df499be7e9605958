// Original file: pandawa/notification/v1/notification.proto


export interface CitizenIdentity {
  'bsuid'?: (string);
  'phone'?: (string);
}

export interface CitizenIdentity__Output {
  'bsuid': (string);
  'phone': (string);
}
