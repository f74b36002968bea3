// Writes the published meta-schemas (schemas/meta/*.schema.json) from the engine's definitions.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { metaSchemas } from '@aftersales/engine';

const dir = fileURLToPath(new URL('../schemas/meta/', import.meta.url));
for (const [kind, schema] of Object.entries(metaSchemas)) {
  const path = `${dir}${kind}.schema.json`;
  const options = await resolveConfig(path);
  writeFileSync(path, await format(JSON.stringify(schema), { ...options, filepath: path }));
  console.log(`schemas/meta/${kind}.schema.json`);
}
