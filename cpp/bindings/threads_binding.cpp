#include <emscripten/bind.h>

#include "core/parallel.h"

EMSCRIPTEN_BINDINGS(threads) {
  emscripten::function("startThreads", &poolkit::start_threads);
  emscripten::function("setNumThreads", &poolkit::set_num_threads);
  emscripten::function("numThreads", &poolkit::num_threads);
}
