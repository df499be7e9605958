// Original file: pandawa/case/v1/case.proto


export interface DeliveryFailure {
  'code'?: (number);
  'title'?: (string);
}

export interface DeliveryFailure__Output {
  'code': (number);
  'title': (string);
}
