// Issue 11's property-based test, on the single-threaded build that pages without
// cross-origin isolation get.
import * as poolkit from 'poolkit';
import { describeBoundary } from './helpers/boundary_properties.js';

describeBoundary('the JS/wasm boundary, single-threaded build', poolkit, { readyOptions: { threads: 1 }, build: 'single', numRuns: 20000 });
