// The files the steady-state benchmarks read, in build/bench/ (ignored by git): the seeded
// weights as .safetensors (written here, in JavaScript) and the cases as ONNX models for
// onnxruntime-web (exported by Debian's PyTorch, scripts/bench/export_models.py), the shipped
// trained model's included (trained_unet.onnx, for the segment benchmark), exported again when
// its .safetensors is newer.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.js';
import { seededWeights, writeSafetensors } from './inputs.js';
import { modelShape, TRAINED_MODEL } from './segment_cases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const MODEL_DIR = join(root, 'build/bench');

const hasTorch = () => spawnSync('/usr/bin/python3', ['-c', 'import torch']).status === 0;

/**
 * Writes what is missing; returns whether the ONNX models are there. Without PyTorch, the full
 * benchmark stops (it throws); a smoke run goes on without onnxruntime-web (false).
 */
export function ensureBenchFiles({ smoke }) {
  mkdirSync(MODEL_DIR, { recursive: true });
  for (const { weights } of CASES) {
    const path = join(MODEL_DIR, `${weights?.name}.safetensors`);
    if (weights && !existsSync(path)) writeSafetensors(path, seededWeights(weights.shapes));
  }
  const trained = join(root, TRAINED_MODEL);
  const trainedOnnx = join(MODEL_DIR, 'trained_unet.onnx');
  const current =
    existsSync(join(MODEL_DIR, 'unet.onnx')) &&
    existsSync(trainedOnnx) &&
    statSync(trainedOnnx).mtimeMs >= statSync(trained).mtimeMs;
  if (current) return true;
  if (!hasTorch()) {
    if (smoke) return false;
    throw new Error('the benchmark needs Debian\'s PyTorch to export ONNX models: apt-get install python3-torch');
  }
  console.log('exporting the benchmark models to ONNX with PyTorch (scripts/bench/export_models.py)...');
  const { padding } = modelShape(readFileSync(trained));
  execFileSync('/usr/bin/python3', ['scripts/bench/export_models.py', MODEL_DIR, trained, padding], { cwd: root, stdio: 'inherit' });
  return true;
}
