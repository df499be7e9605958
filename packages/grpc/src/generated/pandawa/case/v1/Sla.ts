// Original file: pandawa/case/v1/case.proto


export interface Sla {
  'firstResponseDueAt'?: (string);
  'resolutionDueAt'?: (string);
  'firstResponseAt'?: (string);
  'resolvedAt'?: (string);
  'firstResponseBreached'?: (boolean);
  'resolutionBreached'?: (boolean);
  'resolutionPausedAt'?: (string);
}

export interface Sla__Output {
  'firstResponseDueAt': (string);
  'resolutionDueAt': (string);
  'firstResponseAt': (string);
  'resolvedAt': (string);
  'firstResponseBreached': (boolean);
  'resolutionBreached': (boolean);
  'resolutionPausedAt': (string);
}
