// Original file: pandawa/case/v1/case.proto

export const MessageAuthor = {
  MESSAGE_AUTHOR_UNSPECIFIED: 'MESSAGE_AUTHOR_UNSPECIFIED',
  AUTHOR_CITIZEN: 'AUTHOR_CITIZEN',
  AUTHOR_OFFICER: 'AUTHOR_OFFICER',
  AUTHOR_SYSTEM: 'AUTHOR_SYSTEM',
} as const;

export type MessageAuthor =
  | 'MESSAGE_AUTHOR_UNSPECIFIED'
  | 0
  | 'AUTHOR_CITIZEN'
  | 1
  | 'AUTHOR_OFFICER'
  | 2
  | 'AUTHOR_SYSTEM'
  | 3

export type MessageAuthor__Output = typeof MessageAuthor[keyof typeof MessageAuthor]
