import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { AppError, fromGrpcError, toGrpcStatus, toHttpError } from '../src/index.js';

describe('AppError mapping', () => {
  it('maps a domain error to a real gRPC status and back, keeping code and reason', () => {
    const error = new AppError('FAILED_PRECONDITION', 'case is closed', { reason: 'CASE_CLOSED' });
    const sent = toGrpcStatus(error);
    expect(sent.code).toBe(status.FAILED_PRECONDITION);
    const back = fromGrpcError({ code: sent.code, details: sent.details, metadata: sent.metadata });
    expect(back).toBeInstanceOf(AppError);
    expect(back.code).toBe('FAILED_PRECONDITION');
    expect(back.reason).toBe('CASE_CLOSED');
    expect(back.message).toBe('case is closed');
  });

  it('hides the message of an unknown error behind INTERNAL', () => {
    const sent = toGrpcStatus(new Error('NIK 1471010101010001 exploded'));
    expect(sent.code).toBe(status.INTERNAL);
    expect(sent.details).toBe('internal error');
  });

  it('maps a bare gRPC status from another server by its code', () => {
    const back = fromGrpcError({
      code: status.DEADLINE_EXCEEDED,
      details: 'Deadline exceeded',
      metadata: new Metadata(),
    });
    expect(back.code).toBe('DEADLINE_EXCEEDED');
    expect(back.transient).toBe(true);
  });

  it('renders the HTTP body with the request id', () => {
    const { status: httpStatus, body } = toHttpError(
      new AppError('NOT_FOUND', 'case not found'),
      'req-1',
    );
    expect(httpStatus).toBe(404);
    expect(body).toEqual({
      error: { code: 'NOT_FOUND', message: 'case not found' },
      requestId: 'req-1',
    });
    expect(toHttpError(new TypeError('boom'), 'req-2')).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'internal error' }, requestId: 'req-2' },
    });
  });

  it('carries what the caller may do instead as error.offer', () => {
    const offer = { sendAs: 'template', template: { name: 't', language: 'id', text: 'x' } };
    const { status: httpStatus, body } = toHttpError(
      new AppError('FAILED_PRECONDITION', 'window closed', { reason: 'WINDOW_CLOSED', offer }),
      'req-3',
    );
    expect(httpStatus).toBe(409);
    expect(body.error).toEqual({
      code: 'FAILED_PRECONDITION',
      message: 'window closed',
      reason: 'WINDOW_CLOSED',
      offer,
    });
  });
});
