// Original file: pandawa/case/v1/case.proto


export interface ListCitizenCasesRequest {
  'officeId'?: (string);
  'phone'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
  'bsuid'?: (string);
}

export interface ListCitizenCasesRequest__Output {
  'officeId': (string);
  'phone': (string);
  'pageSize': (number);
  'pageToken': (string);
  'bsuid': (string);
}
