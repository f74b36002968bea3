import { actorOf } from '../../services/Principal.js';
import { FILE_TYPES, MAX_FILE_BYTES } from '../../services/FileService.js';
import { Download, type Route } from '../Route.js';
import type { Services } from './Services.js';

/** Photos and scans attached to records: upload the bytes, then put the returned URL in the record. */
export function fileRoutes(services: Services): Route[] {
  return [
    {
      method: 'post',
      path: '/files',
      access: { roles: ['admin', 'manager', 'staff'], scope: 'records:write' },
      summary: `Upload a photo or PDF (raw body, Content-Type ${FILE_TYPES.join(' | ')}, at most ${MAX_FILE_BYTES / 1_048_576} MiB; name in X-File-Name, URL-encoded)`,
      upload: { types: FILE_TYPES, maxBytes: MAX_FILE_BYTES },
      status: 201,
      handler: async ({ req, principal }) =>
        services.files.upload(req.body as Buffer, req.get('content-type') ?? '', decodeName(req.get('x-file-name')), actorOf(principal)),
    },
    {
      method: 'get',
      path: '/files/:id',
      access: { roles: ['admin', 'manager', 'staff'], scope: 'records:read' },
      summary: 'A file attached to a record',
      handler: async ({ req, res, principal }) => {
        const file = await services.files.get(String(req.params.id), principal);
        res.set({ 'Cache-Control': 'private, max-age=86400, immutable', 'Content-Security-Policy': "default-src 'none'; img-src 'self'" });
        return new Download(file.contentType, file.data);
      },
    },
  ];
}

function decodeName(header: string | undefined): string {
  if (!header) return '';
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
