// Issue 11's property-based test, on the build ready() picks in Node: the threaded one.
import * as poolkit from 'poolkit';
import { describeBoundary } from './helpers/boundary_properties.js';

describeBoundary('the JS/wasm boundary, threaded build', poolkit, { readyOptions: undefined, build: 'threads', numRuns: 20000 });
