// Original file: pandawa/case/v1/case.proto


export interface ListCitizenCasesRequest {
  'officeId'?: (string);
  'waId'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListCitizenCasesRequest__Output {
  'officeId': (string);
  'waId': (string);
  'pageSize': (number);
  'pageToken': (string);
}
