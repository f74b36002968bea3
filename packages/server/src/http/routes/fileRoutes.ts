import { DomainError } from '../../errors/DomainError.js';
import { actorOf } from '../../services/Principal.js';
import { FILE_TYPES, MAX_FILE_BYTES } from '../../services/FileService.js';
import { api } from '@aftersales/contract';
import { Download, type Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

/** Photos and scans attached to records: upload the bytes, then put the returned URL in the record. */
export function fileRoutes(services: Services): Route[] {
  return [
    route(api.pack.upload, {
      access: { roles: ['admin', 'manager', 'staff'], scope: 'records:write' },
      summary: `Upload a photo or PDF (raw body, Content-Type ${FILE_TYPES.join(' | ')}, at most ${MAX_FILE_BYTES / 1_048_576} MiB; name in X-File-Name, URL-encoded)`,
      upload: { types: FILE_TYPES, maxBytes: MAX_FILE_BYTES },
      handler: async ({ req, principal }) => {
        const bytes: unknown = req.body;
        // The router refused anything but the raw bytes of a declared type.
        if (!Buffer.isBuffer(bytes)) throw new DomainError('file.notBytes', {});
        return services.files.upload(bytes, req.get('content-type') ?? '', decodeName(req.get('x-file-name')), actorOf(principal));
      },
    }),
    route(api.pack.file, {
      access: { roles: ['admin', 'manager', 'staff'], scope: 'records:read' },
      summary: 'A file attached to a record',
      handler: async ({ params, res, principal }) => {
        const file = await services.files.get(params.id, principal);
        res.set({ 'Cache-Control': 'private, max-age=86400, immutable', 'Content-Security-Policy': "default-src 'none'; img-src 'self'" });
        return new Download(file.contentType, file.data);
      },
    }),
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
