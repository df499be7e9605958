// Original file: pandawa/case/v1/case.proto


export interface RevealedCitizenIdentity {
  'caseId'?: (string);
  'nik'?: (string);
  'kkNumber'?: (string);
  'revealedAt'?: (string);
}

export interface RevealedCitizenIdentity__Output {
  'caseId': (string);
  'nik': (string);
  'kkNumber': (string);
  'revealedAt': (string);
}
