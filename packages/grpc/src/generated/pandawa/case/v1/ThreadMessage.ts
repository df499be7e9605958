// Original file: pandawa/case/v1/case.proto

import type { MessageAuthor as _pandawa_case_v1_MessageAuthor, MessageAuthor__Output as _pandawa_case_v1_MessageAuthor__Output } from '../../../pandawa/case/v1/MessageAuthor.js';
import type { DeliveryStatus as _pandawa_case_v1_DeliveryStatus, DeliveryStatus__Output as _pandawa_case_v1_DeliveryStatus__Output } from '../../../pandawa/case/v1/DeliveryStatus.js';
import type { DeliveryFailure as _pandawa_case_v1_DeliveryFailure, DeliveryFailure__Output as _pandawa_case_v1_DeliveryFailure__Output } from '../../../pandawa/case/v1/DeliveryFailure.js';

export interface ThreadMessage {
  'id'?: (string);
  'author'?: (_pandawa_case_v1_MessageAuthor);
  'actorId'?: (string);
  'text'?: (string);
  'createdAt'?: (string);
  'deliveryStatus'?: (_pandawa_case_v1_DeliveryStatus);
  'documentIds'?: (string)[];
  'waMessageId'?: (string);
  'deliveryFailure'?: (_pandawa_case_v1_DeliveryFailure | null);
}

export interface ThreadMessage__Output {
  'id': (string);
  'author': (_pandawa_case_v1_MessageAuthor__Output);
  'actorId': (string);
  'text': (string);
  'createdAt': (string);
  'deliveryStatus': (_pandawa_case_v1_DeliveryStatus__Output);
  'documentIds': (string)[];
  'waMessageId': (string);
  'deliveryFailure': (_pandawa_case_v1_DeliveryFailure__Output | null);
}
