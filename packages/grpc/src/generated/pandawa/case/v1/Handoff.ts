// Original file: pandawa/case/v1/case.proto


export interface Handoff {
  'requestedAt'?: (string);
  'endedAt'?: (string);
  'endedBy'?: (string);
  'active'?: (boolean);
}

export interface Handoff__Output {
  'requestedAt': (string);
  'endedAt': (string);
  'endedBy': (string);
  'active': (boolean);
}
