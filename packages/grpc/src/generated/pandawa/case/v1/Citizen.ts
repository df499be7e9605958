// Original file: pandawa/case/v1/case.proto


export interface Citizen {
  'phone'?: (string);
  'profileName'?: (string);
  'nik'?: (string);
  'kkNumber'?: (string);
  'name'?: (string);
  'bsuid'?: (string);
  'parentBsuid'?: (string);
  'username'?: (string);
}

export interface Citizen__Output {
  'phone': (string);
  'profileName': (string);
  'nik': (string);
  'kkNumber': (string);
  'name': (string);
  'bsuid': (string);
  'parentBsuid': (string);
  'username': (string);
}
