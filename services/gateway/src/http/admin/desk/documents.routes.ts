import { DOCUMENT_LIMITS } from '@pandawa/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { openCaseDocument, readCasePreview } from '../../../application/desk/case-documents.js';
import { route } from '../api-route.js';
import { accessReason } from './access-reason.js';
import type { DeskDeps } from './desk.routes.js';

/** What document-storage stores (it decides from the bytes): the download's content types. */
const STORED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);
const documentParams = z.object({ caseId: id, documentId: id }).strict();

/** Why the officer opens it: kept in document-storage's access log (access-reason.ts). */
const readQuery = z.object({ reason: accessReason(DOCUMENT_LIMITS.accessReason) }).strict();

type Params = z.output<typeof documentParams>;

/** The headers of every document answer: never cached, never sniffed, named as a file. */
function fileHeaders(res: Response, type: string, disposition: string, filename: string) {
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `${disposition}; filename="${filename}"`);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('pragma', 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  // Nothing in a served file runs: a PDF opened from here gets no script, no frame, no fetch.
  res.setHeader('content-security-policy', "default-src 'none'; sandbox");
}

/** Resolves when `res` can take more, or the officer went away. */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** A case's documents, streamed from document-storage; each view audited there with its reason. */
export function documentRoutes(deps: DeskDeps) {
  return [
    route({
      method: 'get',
      path: '/cases/:caseId/documents/:documentId/preview',
      operationId: 'previewCaseDocument',
      summary:
        'The small JPEG preview of an image of a case of your office (the view is recorded in the access log with your reason)',
      tag: 'documents',
      access: 'officer',
      params: documentParams,
      query: readQuery,
      response: null,
      produces: ['image/jpeg'],
      errors: [404, 409],
      handler: async ({ params, query, officer, res }) => {
        const ids = params as Params;
        const preview = await readCasePreview(
          deps.clients,
          officer,
          ids,
          (query as { reason: string }).reason,
        );
        fileHeaders(res, 'image/jpeg', 'inline', `preview-${ids.documentId}.jpg`);
        res.setHeader('content-length', String(preview.data.length));
        res.status(200).end(preview.data);
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/cases/:caseId/documents/:documentId/download',
      operationId: 'downloadCaseDocument',
      summary:
        'A document of a case of your office as stored (re-encoded, metadata stripped), streamed; the read is recorded in the access log with your reason',
      tag: 'documents',
      access: 'officer',
      params: documentParams,
      query: readQuery,
      response: null,
      produces: STORED_TYPES,
      errors: [404, 409],
      handler: async ({ params, query, officer, res }) => {
        const ids = params as Params;
        const opened = await openCaseDocument(
          deps.clients,
          officer,
          ids,
          (query as { reason: string }).reason,
        );
        const { document } = opened;
        const type = (STORED_TYPES as readonly string[]).includes(document.mimeType)
          ? document.mimeType
          : 'application/octet-stream';
        const name = `${document.kind.toLowerCase() || 'dokumen'}-${document.id}.${EXTENSION[type] ?? 'bin'}`;
        fileHeaders(res, type, 'attachment', name.replace(/[^A-Za-z0-9._-]/g, '_'));
        res.setHeader('content-length', document.sizeBytes);
        res.status(200);
        res.on('close', () => {
          if (!res.writableFinished) opened.cancel();
        });
        try {
          for await (const chunk of opened.chunks) {
            if (res.destroyed) break;
            if (!res.write(chunk)) await drained(res);
          }
          res.end();
        } catch (error) {
          // Nothing sent yet: still an answer with a status (the error handler writes JSON).
          if (!res.headersSent) {
            for (const h of ['content-disposition', 'content-length', 'content-security-policy'])
              res.removeHeader(h);
            throw error;
          }
          // The status line is gone: the only honest signal left is a cut connection.
          deps.logger.warn(
            { err: error, documentId: ids.documentId },
            'document stream failed mid-way',
          );
          res.destroy();
        }
        return undefined;
      },
    }),
  ];
}
