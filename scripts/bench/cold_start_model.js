// The cold-start benchmark's ONNX model, written in JavaScript so that onnxruntime-web runs with
// or without PyTorch, in Node and in a page: one MaxPool node (kernel 2, stride 2) from
// x: float32[1, 1, 4, 4] to y: float32[1, 1, 2, 2], opset 13. A few protobuf fields of onnx.proto
// (ModelProto, GraphProto, NodeProto, AttributeProto, ValueInfoProto) are all it takes.

const encoder = new TextEncoder();

function varint(value) {
  const bytes = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return bytes;
}

// A field is its key (number << 3 | wire type) then a varint (type 0) or a length and bytes (type 2).
const intField = (number, value) => [...varint(number << 3), ...varint(value)];
const bytesField = (number, bytes) => [...varint((number << 3) | 2), ...varint(bytes.length), ...bytes];
const stringField = (number, text) => bytesField(number, encoder.encode(text));

const FLOAT = 1; // TensorProto.DataType
const INTS = 7; // AttributeProto.AttributeType

function tensorValueInfo(name, shape) {
  const dims = shape.flatMap((d) => bytesField(1, intField(1, d))); // Dimension.dim_value
  const tensorType = [...intField(1, FLOAT), ...bytesField(2, dims)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

const intsAttribute = (name, values) => [...stringField(1, name), ...intField(20, INTS), ...values.flatMap((v) => intField(8, v))];

/** The model's bytes: `ort.InferenceSession.create(maxPoolModel())` takes them as they are. */
export function maxPoolModel() {
  const node = [
    ...stringField(1, 'x'),
    ...stringField(2, 'y'),
    ...stringField(4, 'MaxPool'),
    ...bytesField(5, intsAttribute('kernel_shape', [2, 2])),
    ...bytesField(5, intsAttribute('strides', [2, 2])),
  ];
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'max_pool2d_k2'),
    ...bytesField(11, tensorValueInfo('x', [1, 1, 4, 4])),
    ...bytesField(12, tensorValueInfo('y', [1, 1, 2, 2])),
  ];
  const opset = [...stringField(1, ''), ...intField(2, 13)];
  return new Uint8Array([
    ...intField(1, 7), // ir_version 7 goes with opset 13
    ...stringField(2, 'poolkit cold-start benchmark'),
    ...bytesField(7, graph),
    ...bytesField(8, opset),
  ]);
}
