// Original file: pandawa/case/v1/case.proto


export interface Citizen {
  'waId'?: (string);
  'profileName'?: (string);
  'nik'?: (string);
  'kkNumber'?: (string);
  'name'?: (string);
}

export interface Citizen__Output {
  'waId': (string);
  'profileName': (string);
  'nik': (string);
  'kkNumber': (string);
  'name': (string);
}
