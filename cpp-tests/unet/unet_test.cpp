#include "unet/unet.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "support/close.h"
#include "support/conv_test_data.h"
#include "support/fixture.h"
#include "support/unet_reference.h"
#include "unet/unet_sizes.h"

namespace poolkit {
namespace {

using testing::all_close;
using testing::pick;
using testing::random_values;

TEST(UNetSizes, MatchTheSeedArticleAndThePaper) {
  const UNetSizes seed = unet_sizes(3, false, 572);
  ASSERT_TRUE(seed.valid);
  EXPECT_EQ(seed.encoder, (std::vector<int64_t>{568, 280, 136}));
  EXPECT_EQ(seed.bottom, 64);
  EXPECT_EQ(seed.up, (std::vector<int64_t>{488, 248, 128}));
  EXPECT_EQ(seed.output, 484);
  EXPECT_EQ(unet_sizes(4, false, 572).output, 388);  // the paper's four levels
  EXPECT_EQ(unet_sizes(3, true, 512).output, 512);
  // Three valid-padded levels: S % 8 == 4 and S >= 92, output S - 88 (68 runs out at dec3).
  for (int64_t s = 1; s <= 600; ++s) {
    const UNetSizes sizes = unet_sizes(3, false, s);
    EXPECT_EQ(sizes.valid, s % 8 == 4 && s >= 92) << s;
    if (sizes.valid) {
      EXPECT_EQ(sizes.output, s - 88) << s;
    }
    EXPECT_EQ(unet_sizes(3, true, s).valid, s % 8 == 0) << s;
  }
}

TEST(UNetSizes, ErrorsNameTheNearestValidSizes) {
  EXPECT_EQ(check_unet_input_size("UNet.forward", 3, false, 572, 484), "");
  EXPECT_EQ(check_unet_input_size("UNet.forward", 3, false, 570, 572),
            "UNet.forward: input height 570 does not fit this 3-level UNet (valid convolutions): "
            "the nearest valid sizes are 564 and 572. Valid sizes are S % 8 == 4 and S >= 92, "
            "giving S - 88 outputs");
  EXPECT_EQ(check_unet_input_size("UNet.forward", 3, false, 572, 68),
            "UNet.forward: input width 68 does not fit this 3-level UNet (valid convolutions): "
            "the smallest valid size is 92. Valid sizes are S % 8 == 4 and S >= 92, giving S - 88 "
            "outputs");
  EXPECT_EQ(check_unet_input_size("UNet.forward", 2, true, 30, 32),
            "UNet.forward: input height 30 does not fit this 2-level UNet ('same' convolutions): "
            "the nearest valid sizes are 28 and 32. Valid sizes are S % 4 == 0 and S >= 4, giving "
            "S outputs");
}

TEST(UNetSizes, SmallestValidInputIsTheFirstSizeTheRulesAccept) {
  for (const bool same : {false, true}) {
    for (int levels = 1; levels <= 7; ++levels) {
      int64_t first = 1;
      while (!unet_sizes(levels, same, first).valid) ++first;
      EXPECT_EQ(smallest_valid_unet_input(levels, same), first) << levels << " " << same;
    }
  }
  EXPECT_EQ(smallest_valid_unet_input(61, true), int64_t{1} << 61);
  EXPECT_EQ(smallest_valid_unet_input(61, false), std::nullopt);  // past int64
  EXPECT_EQ(smallest_valid_unet_input(64, true), std::nullopt);   // no 1 << 64
}

// Deep nets once made the message's search take 2^levels steps (28 levels: a minute).
TEST(UNetSizes, ErrorsForDeepNetsAreImmediate) {
  const std::string error = check_unet_input_size("UNet.forward", 13, true, 100, 100);
  EXPECT_NE(error.find("the smallest valid size is 8192"), std::string::npos) << error;
}

UNetSpec seed_spec(int levels, int64_t base, int64_t in, int64_t out, bool same) {
  UNetSpec spec;
  spec.in_channels = in;
  spec.out_channels = out;
  for (int i = 0; i < levels; ++i) {
    spec.encoder.push_back(base << i);
    spec.up.push_back(base << i);
    spec.decoder.push_back(base << i);
  }
  spec.bottom = base << levels;
  spec.same_padding = same;
  return spec;
}

TEST(UNetLayout, IsTheSeedModulesStateDict) {
  const nlohmann::json fixture = testing::load_fixture("unet");
  const nlohmann::json& full = fixture.at("cases").back();
  const std::vector<UNetTensor> layout = unet_layout(seed_spec(3, 64, 1, 2, false));
  ASSERT_EQ(layout.size(), full.at("layout").size());
  int64_t parameters = 0;
  for (size_t i = 0; i < layout.size(); ++i) {
    EXPECT_EQ(layout[i].key, full.at("layout")[i][0].get<std::string>());
    EXPECT_EQ(layout[i].shape, full.at("layout")[i][1].get<Shape>());
    parameters += element_count(layout[i].shape);
  }
  EXPECT_EQ(parameters, full.at("parameters").get<int64_t>());  // 7,696,258
}

struct Loaded {
  std::vector<std::vector<float>> values;
  std::vector<const float*> pointers;
};

std::vector<float> run(const UNet& net, const std::vector<float>& input, int64_t batch, int64_t h,
                       int64_t w, std::vector<std::string>* stages = nullptr) {
  std::vector<double> fractions;
  const UNetOutput output = net.forward("UNet.forward", input.data(), batch, h, w,
                                        [&](const char* stage, double fraction) {
                                          if (stages) stages->push_back(stage);
                                          fractions.push_back(fraction);
                                          return true;
                                        });
  float* out = output.data;
  EXPECT_NE(out, nullptr) << output.error;
  if (!out) return {};
  const UNetSizes hs = unet_sizes(net.spec().levels(), net.spec().same_padding, h);
  const UNetSizes ws = unet_sizes(net.spec().levels(), net.spec().same_padding, w);
  std::vector<float> result(out, out + batch * net.spec().out_channels * hs.output * ws.output);
  std::free(out);
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
  EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
  return result;
}

// Random widths (tails of the 5-row blocks), 1 to 3 levels, both paddings, batch 1 or 2.
TEST(UNetForward, MatchesTheReferenceComposition) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 8; ++trial) {
    const int levels = 1 + trial % 3;
    const bool same = trial % 4 == 3;
    UNetSpec spec;
    spec.in_channels = pick(rng, 1, 3);
    spec.out_channels = pick(rng, 1, 4);
    for (int i = 0; i < levels; ++i) {
      spec.encoder.push_back(pick(rng, 1, 7));
      spec.up.push_back(pick(rng, 1, 7));
      spec.decoder.push_back(pick(rng, 1, 7));
    }
    spec.bottom = pick(rng, 1, 9);
    spec.same_padding = same;
    Loaded weights;
    for (const UNetTensor& t : unet_layout(spec))
      weights.values.push_back(random_values(rng, element_count(t.shape)));
    for (const auto& v : weights.values) weights.pointers.push_back(v.data());
    std::string error;
    const std::unique_ptr<UNet> net = UNet::create(spec, weights.pointers.data(), &error);
    ASSERT_TRUE(net) << error;
    const int64_t batch = 1 + trial % 2;
    int64_t smallest = 1;
    while (!unet_sizes(levels, same, smallest).valid) ++smallest;
    const int64_t period = int64_t{1} << levels;
    const int64_t h = smallest + period * pick(rng, 0, 1), w = smallest + period * pick(rng, 1, 2);
    const std::vector<float> input = random_values(rng, batch * spec.in_channels * h * w);
    testing::UNetReference reference(spec, weights.pointers, batch);
    const testing::RefFeature expected = reference.forward({input, spec.in_channels, h, w});
    std::vector<std::string> stages;
    EXPECT_TRUE(all_close(run(*net, input, batch, h, w, &stages), expected.data, 1e-5))
        << "trial " << trial;
    EXPECT_EQ(stages.front(), "enc1");
    EXPECT_EQ(stages.back(), "out_conv");
    EXPECT_EQ(stages.size(), static_cast<size_t>(3 * levels + 2));
  }
}

std::unique_ptr<UNet> random_net(std::mt19937& rng, const UNetSpec& spec, Loaded& weights) {
  for (const UNetTensor& t : unet_layout(spec))
    weights.values.push_back(random_values(rng, element_count(t.shape)));
  for (const auto& v : weights.values) weights.pointers.push_back(v.data());
  std::string error;
  std::unique_ptr<UNet> net = UNet::create(spec, weights.pointers.data(), &error);
  EXPECT_TRUE(net) << error;
  return net;
}

// A callback returning false stops the pass at that stage; under ASan, a leak of the pass's
// activations or output fails the run.
TEST(UNetForward, StopsWhereTheProgressCallbackSays) {
  std::mt19937 rng(5);
  Loaded weights;
  const std::unique_ptr<UNet> net = random_net(rng, seed_spec(2, 2, 1, 2, false), weights);
  ASSERT_TRUE(net);
  const std::vector<float> input = random_values(rng, 44 * 44);
  for (const char* stop_at : {"enc1", "bottom", "dec1", "out_conv"}) {
    std::vector<std::string> stages;
    const UNetOutput out =
        net->forward("UNet.forward", input.data(), 1, 44, 44, [&](const char* stage, double) {
          stages.push_back(stage);
          return stages.back() != stop_at;
        });
    EXPECT_TRUE(out.cancelled) << stop_at;
    EXPECT_EQ(out.data, nullptr);
    EXPECT_EQ(stages.back(), stop_at);
  }
  EXPECT_EQ(run(*net, input, 1, 44, 44).size(), 2u * 4 * 4);  // still works afterwards
}

TEST(UNetForward, ActivationsBeyondWasmMemoryAreAnErrorNamingTheBytes) {
  std::mt19937 rng(6);
  Loaded weights;
  const std::unique_ptr<UNet> net = random_net(rng, seed_spec(1, 16, 1, 2, true), weights);
  ASSERT_TRUE(net);
  // Never read: the plan is refused before any activation is placed.
  const float input = 0;
  const UNetOutput out = net->forward("UNet.forward", &input, 1, 16384, 16384, nullptr);
  EXPECT_EQ(out.data, nullptr);
  EXPECT_FALSE(out.cancelled);
  EXPECT_NE(out.error.find("UNet.forward: the largest activation needs 17,179,869,184 bytes, "
                           "more than wasm memory can hold"),
            std::string::npos)
      << out.error;
}

// Every width 1: only the depth is absurd.
UNetSpec narrow_spec(int levels, bool same) {
  UNetSpec spec;
  spec.in_channels = spec.out_channels = spec.bottom = 1;
  spec.encoder = spec.up = spec.decoder = std::vector<int64_t>(static_cast<size_t>(levels), 1);
  spec.same_padding = same;
  return spec;
}

TEST(UNetSpec, DeepNetsAreRefusedWithTheRule) {
  // Valid convolutions: the smallest input is 12 * 2^levels - 4 a side; 11 levels (24,572) fit
  // 4 GiB of floats, 12 (49,148) do not.
  const std::string error = check_unet_spec(narrow_spec(28, false));
  EXPECT_NE(error.find("a 28-level UNet's smallest input is 3,221,225,468 x 3,221,225,468 pixels, "
                       "more than wasm memory can hold; at most 11 levels (valid convolutions) "
                       "can run"),
            std::string::npos)
      << error;
  EXPECT_EQ(check_unet_spec(narrow_spec(11, false)), "");
  EXPECT_NE(check_unet_spec(narrow_spec(12, false)), "");
  // 'same': 2^levels a side. 64 levels would overflow 1 << levels.
  EXPECT_EQ(check_unet_spec(narrow_spec(13, true)), "");
  EXPECT_NE(check_unet_spec(narrow_spec(16, true)), "");
  EXPECT_NE(check_unet_spec(narrow_spec(64, true)).find("over 2^63 a side"), std::string::npos);
}

TEST(UNetSpec, WidthsMustFitInt32AndTheirTensorsWasmMemory) {
  UNetSpec spec = seed_spec(1, 1, 1, 1, false);
  spec.bottom = int64_t{1} << 40;
  EXPECT_NE(check_unet_spec(spec).find("from 1 to 2,147,483,647, got 1099511627776"),
            std::string::npos);
  spec.bottom = 65536;  // bottom.2.weight: 65536^2 x 9 floats
  EXPECT_NE(check_unet_spec(spec).find("bottom.2.weight: the tensor needs 154,618,822,656 bytes"),
            std::string::npos)
      << check_unet_spec(spec);
}

// The small nets of scripts/fixtures/unet.py, read from their .safetensors files.
Loaded read_safetensors(const std::string& path, const std::vector<UNetTensor>& layout) {
  std::ifstream file(path, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(file)),
                                std::istreambuf_iterator<char>());
  uint64_t header_size = 0;
  std::memcpy(&header_size, bytes.data(), 8);
  const nlohmann::json header = nlohmann::json::parse(
      bytes.begin() + 8, bytes.begin() + 8 + static_cast<ptrdiff_t>(header_size));
  Loaded loaded;
  for (const UNetTensor& t : layout) {
    const nlohmann::json& entry = header.at(t.key);
    EXPECT_EQ(entry.at("shape").get<Shape>(), t.shape) << t.key;
    const size_t begin = entry.at("data_offsets")[0].get<size_t>() + 8 + header_size;
    std::vector<float> values(static_cast<size_t>(element_count(t.shape)));
    std::memcpy(values.data(), bytes.data() + begin, values.size() * 4);
    loaded.values.push_back(std::move(values));
  }
  for (const auto& v : loaded.values) loaded.pointers.push_back(v.data());
  return loaded;
}

TEST(UNetFixtures, SmallNetsMatchPyTorch) {
  const nlohmann::json fixture = testing::load_fixture("unet");
  int matched = 0;
  for (const auto& c : fixture.at("cases")) {
    if (!c.contains("weights")) continue;
    SCOPED_TRACE(c.at("name").get<std::string>());
    const testing::FixtureTensor input = testing::fixture_tensor(c.at("input"));
    const testing::FixtureTensor expected = testing::fixture_tensor(c.at("output"));
    const int levels = c.at("levels").get<int>();
    const std::string path =
        std::string(POOLKIT_FIXTURES_DIR) + "/" + c.at("weights").get<std::string>();
    std::ifstream probe(path, std::ios::binary);
    ASSERT_TRUE(probe.good()) << path;
    uint64_t header_size = 0;
    probe.read(reinterpret_cast<char*>(&header_size), 8);
    std::string text(header_size, ' ');
    probe.read(text.data(), static_cast<std::streamsize>(header_size));
    const nlohmann::json header = nlohmann::json::parse(text);
    // F16 and BF16 files test the JavaScript loader's conversion (js-tests/unet.test.js).
    if (header.at("enc1.0.weight").at("dtype") != "F32") continue;
    // SeedUNet(in, out, base, levels): base is enc1's width.
    const int64_t width = header.at("enc1.0.weight").at("shape")[0].get<int64_t>();
    const UNetSpec spec =
        seed_spec(levels, width, input.shape[1], expected.shape[1], c.at("padding") == "same");
    const Loaded weights = read_safetensors(path, unet_layout(spec));
    std::string error;
    const std::unique_ptr<UNet> net = UNet::create(spec, weights.pointers.data(), &error);
    ASSERT_TRUE(net) << error;
    EXPECT_TRUE(all_close(run(*net, input.floats, input.shape[0], input.shape[2], input.shape[3]),
                          expected.floats, 1e-4));
    ++matched;
  }
  EXPECT_EQ(matched, 4);
}

}  // namespace
}  // namespace poolkit
