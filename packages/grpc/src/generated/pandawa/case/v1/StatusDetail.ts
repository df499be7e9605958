// Original file: pandawa/case/v1/case.proto


export interface StatusDetail {
  'reason'?: (string);
  'missingItems'?: (string)[];
  'visitInstructions'?: (string);
}

export interface StatusDetail__Output {
  'reason': (string);
  'missingItems': (string)[];
  'visitInstructions': (string);
}
