/** The uploaded files a record's data names: their URLs `/api/v1/files/<id>` (what the photo field keeps). */
export function fileIdsIn(data: unknown): string[] {
  const text = JSON.stringify(data ?? null);
  return [
    ...new Set([...text.matchAll(/\/api\/v1\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g)].map((m) => m[1]!)),
  ];
}
