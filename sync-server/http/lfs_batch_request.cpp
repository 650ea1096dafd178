#include "http/lfs_batch_request.hpp"

#include <nlohmann/json.hpp>

namespace lectern::server {

namespace {

using json = nlohmann::json;

// Depth 1 is the request object, depth 2 the "objects" array, depth 3 one of its entries.
// Anything else (other members, nested values inside an entry) is counted and skipped.
class BatchReader : public nlohmann::json_sax<json> {
  public:
    explicit BatchReader(LfsBatchRequest& out) : out_(out) {}

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t v) override {
        if (in_entry_value("size") && v >= 0)
            out_.objects.back().size = static_cast<std::uint64_t>(v);
        return scalar();
    }
    bool number_unsigned(number_unsigned_t v) override {
        if (in_entry_value("size")) out_.objects.back().size = v;
        return scalar();
    }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool string(string_t& v) override {
        if (depth_ == 1 && key_ == "operation") out_.operation = std::move(v);
        if (in_entry_value("oid")) out_.objects.back().oid = std::move(v);
        return scalar();
    }

    bool start_object(std::size_t) override {
        if (depth_ == 0) {
            top_is_object_ = true;
        } else if (in_objects_array()) {
            out_.objects.emplace_back();
            entry_is_object_ = true;
        }
        ++depth_;
        key_.clear();
        return true;
    }
    bool end_object() override {
        --depth_;
        if (depth_ == 2 && objects_depth_ == 2) entry_is_object_ = false;
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_ == 1 && key_ == "objects" && !seen_objects_) {
            objects_depth_ = 2;
            seen_objects_ = true;
        } else if (in_objects_array()) {
            out_.objects.emplace_back();  // an array where an object was expected
        }
        ++depth_;
        return true;
    }
    bool end_array() override {
        --depth_;
        if (depth_ == 1 && objects_depth_ == 2) objects_depth_ = 0;
        return true;
    }
    bool key(string_t& k) override {
        key_ = std::move(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

    bool valid() const { return top_is_object_ && seen_objects_; }

  private:
    bool in_objects_array() const { return objects_depth_ == 2 && depth_ == 2; }
    bool in_entry_value(const char* name) const {
        return depth_ == 3 && objects_depth_ == 2 && entry_is_object_ && key_ == name;
    }
    bool scalar() {
        if (in_objects_array()) out_.objects.emplace_back();  // a number or string as an entry
        return true;
    }

    LfsBatchRequest& out_;
    int depth_ = 0;
    int objects_depth_ = 0;
    bool top_is_object_ = false;
    bool seen_objects_ = false;
    bool entry_is_object_ = false;
    std::string key_;
};

}  // namespace

std::optional<LfsBatchRequest> parse_lfs_batch_request(std::string_view body) {
    LfsBatchRequest out;
    BatchReader reader(out);
    if (!json::sax_parse(body, &reader) || !reader.valid()) return std::nullopt;
    return out;
}

}  // namespace lectern::server
