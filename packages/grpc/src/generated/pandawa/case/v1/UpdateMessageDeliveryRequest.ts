// Original file: pandawa/case/v1/case.proto

import type { DeliveryStatus as _pandawa_case_v1_DeliveryStatus, DeliveryStatus__Output as _pandawa_case_v1_DeliveryStatus__Output } from '../../../pandawa/case/v1/DeliveryStatus.js';
import type { DeliveryFailure as _pandawa_case_v1_DeliveryFailure, DeliveryFailure__Output as _pandawa_case_v1_DeliveryFailure__Output } from '../../../pandawa/case/v1/DeliveryFailure.js';

export interface UpdateMessageDeliveryRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'messageId'?: (string);
  'deliveryStatus'?: (_pandawa_case_v1_DeliveryStatus);
  'failure'?: (_pandawa_case_v1_DeliveryFailure | null);
}

export interface UpdateMessageDeliveryRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'messageId': (string);
  'deliveryStatus': (_pandawa_case_v1_DeliveryStatus__Output);
  'failure': (_pandawa_case_v1_DeliveryFailure__Output | null);
}
