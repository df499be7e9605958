// Original file: pandawa/notification/v1/notification.proto


export interface ReplyTemplate {
  'name'?: (string);
  'language'?: (string);
  'text'?: (string);
}

export interface ReplyTemplate__Output {
  'name': (string);
  'language': (string);
  'text': (string);
}
