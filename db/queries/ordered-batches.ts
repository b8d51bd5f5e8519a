/**
 * Exports read their order once, as ids, then the rows batch by batch by id. OFFSET would sort and skip everything
 * before each batch again, and would repeat or miss rows whose sort key changed during the export.
 */
export async function* orderedBatches<K, R extends { id: K }>(ids: K[], batch: number, read: (ids: K[]) => Promise<R[]>) {
  for (let start = 0; start < ids.length; start += batch) {
    const slice = ids.slice(start, start + batch);
    const rows = new Map((await read(slice)).map((r) => [r.id, r]));
    // A row deleted since the order was read is left out.
    yield slice.flatMap((id) => rows.get(id) ?? []);
  }
}
