// Original file: pandawa/case/v1/case.proto


export interface GetCaseRequest {
  'officeId'?: (string);
  'id'?: (string);
  'trackingCode'?: (string);
  'key'?: "id"|"trackingCode";
}

export interface GetCaseRequest__Output {
  'officeId': (string);
  'id'?: (string);
  'trackingCode'?: (string);
  'key'?: "id"|"trackingCode";
}
