// Original file: pandawa/document/v1/document.proto


export interface IngestFromWhatsAppRequest {
  'officeId'?: (string);
  'mediaId'?: (string);
  'caseId'?: (string);
  'sessionRef'?: (string);
  'kind'?: (string);
  'citizenRef'?: (string);
}

export interface IngestFromWhatsAppRequest__Output {
  'officeId': (string);
  'mediaId': (string);
  'caseId': (string);
  'sessionRef': (string);
  'kind': (string);
  'citizenRef': (string);
}
