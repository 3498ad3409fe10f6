#include "support/fixture.h"

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace poolkit::testing {
namespace {

std::vector<uint8_t> base64_decode(const std::string& text) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::vector<uint8_t> bytes;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    const size_t v = alphabet.find(c);
    if (v == std::string::npos) throw std::runtime_error("bad base64 in fixture");
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<uint8_t>((buffer >> bits) & 0xFF));
    }
  }
  return bytes;
}

}  // namespace

nlohmann::json load_fixture(const std::string& op) {
  const std::string path = std::string(POOLKIT_FIXTURES_DIR) + "/" + op + ".json";
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot open fixture " + path);
  return nlohmann::json::parse(file);
}

FixtureTensor fixture_tensor(const nlohmann::json& tensor) {
  FixtureTensor t;
  t.shape = tensor.at("shape").get<Shape>();
  const std::vector<uint8_t> bytes = base64_decode(tensor.at("data").get<std::string>());
  const size_t count = bytes.size() / 4;
  if (static_cast<int64_t>(count) != element_count(t.shape))
    throw std::runtime_error("fixture data does not match its shape");
  if (tensor.at("dtype") == "float32") {
    t.floats.resize(count);
    if (count) std::memcpy(t.floats.data(), bytes.data(), bytes.size());
  } else {
    t.ints.resize(count);
    if (count) std::memcpy(t.ints.data(), bytes.data(), bytes.size());
  }
  return t;
}

Shape fixture_tuple(const nlohmann::json& value, size_t dims) {
  if (value.is_number()) return Shape(dims, value.get<int64_t>());
  Shape s = value.get<Shape>();
  if (s.size() == 1) s.resize(dims, s[0]);
  return s;
}

WindowArgs fixture_window_args(const nlohmann::json& args, size_t dims) {
  const Shape kernel = fixture_tuple(args.at("kernel_size"), dims);
  const Shape stride =
      args.at("stride").is_null() ? kernel : fixture_tuple(args.at("stride"), dims);
  return {kernel, stride, fixture_tuple(args.at("padding"), dims),
          fixture_tuple(args.at("dilation"), dims), args.at("ceil_mode").get<bool>()};
}

}  // namespace poolkit::testing
