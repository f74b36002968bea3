// Writes the published meta-schemas (schemas/meta/*.schema.json) from the engine's definitions.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metaSchemas } from '../packages/engine/src/meta/metaSchemas.js';

const dir = fileURLToPath(new URL('../schemas/meta/', import.meta.url));
for (const [kind, schema] of Object.entries(metaSchemas)) {
  writeFileSync(`${dir}${kind}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
  console.log(`schemas/meta/${kind}.schema.json`);
}
