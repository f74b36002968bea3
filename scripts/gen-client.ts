// Writes docs/api/openapi.json and the integrators' client types docs/api/openapi.d.ts (see scripts/openapiClient.ts).
import { writeFileSync } from 'node:fs';
import { DOCUMENT_PATH, TYPES_PATH, generateClientFiles } from './openapiClient.js';

const { document, types } = await generateClientFiles();
writeFileSync(DOCUMENT_PATH, document);
writeFileSync(TYPES_PATH, types);
console.log('docs/api/openapi.json\ndocs/api/openapi.d.ts');
