// Original file: pandawa/case/v1/case.proto


export interface GetStatisticsRequest {
  'officeId'?: (string);
  'from'?: (string);
  'to'?: (string);
}

export interface GetStatisticsRequest__Output {
  'officeId': (string);
  'from': (string);
  'to': (string);
}
