// Writes .safetensors files for the tests: well-formed ones from tensors, and damaged ones from
// a header and data given as they are.

/** The bytes of a file with this header (an object, or JSON text as given) and data. */
export function rawSafetensors(header, data = new Uint8Array(0), headerLength) {
  const text = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const bytes = new Uint8Array(8 + text.length + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, headerLength ?? text.length, true);
  bytes.set(text, 8);
  bytes.set(data, 8 + text.length);
  return bytes;
}

/** A file holding `tensors` ([{key, shape, data: Float32Array | Uint8Array, dtype = 'F32'}]). */
export function encodeSafetensors(tensors, metadata) {
  const header = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  const blobs = tensors.map(({ key, shape, data, dtype = 'F32' }) => {
    const blob = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    header[key] = { dtype, shape, data_offsets: [offset, offset + blob.length] };
    offset += blob.length;
    return blob;
  });
  const data = new Uint8Array(offset);
  let at = 0;
  for (const blob of blobs) {
    data.set(blob, at);
    at += blob.length;
  }
  return rawSafetensors(header, data);
}

/** The header and the tensors of a well-formed file, to rebuild it with changes. */
export function decodeSafetensors(bytes) {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  const data = bytes.subarray(8 + length);
  delete header.__metadata__;
  return Object.entries(header)
    .sort(([, a], [, b]) => a.data_offsets[0] - b.data_offsets[0])
    .map(([key, { dtype, shape, data_offsets: [begin, end] }]) => ({ key, shape, dtype, data: data.slice(begin, end) }));
}
