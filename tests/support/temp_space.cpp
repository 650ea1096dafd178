#include "support/temp_space.hpp"

#include <fstream>
#include <random>

#include "content/lint.hpp"

namespace lectern::test {

TempSpace::TempSpace(bool with_manifest) {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("lectern-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(root_);
    if (with_manifest) write("lectern.yaml", "title: Test space\nlanguages: [en]\n");
}

TempSpace::~TempSpace() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

void TempSpace::write(const std::string& relative_path, std::string_view bytes) const {
    const auto full = root_ / relative_path;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

Diagnostics TempSpace::lint() const {
    return content::lint_space(root_);
}

std::string procedure(const std::string& id, const std::string& body) {
    return "---\nid: " + id +
           "\ntype: procedure\ntitle: A procedure\nlang: en\nowner: anna\nupdated: 2026-10-01\n"
           "review_by: 2027-04-01\nsignoff: required\n---\n" +
           body;
}

std::string script(const std::string& id, const std::string& body) {
    return "---\nid: " + id +
           "\ntype: script\ntitle: A script\nlang: en\nowner: anna\nupdated: 2026-10-01\naudience: "
           "[agents]\n---\n" +
           body;
}

bool has_diagnostic(const Diagnostics& found, const std::string& code, const std::string& where) {
    for (const auto& d : found.items()) {
        if (d.code == code && d.where.to_string().rfind(where, 0) == 0) return true;
    }
    return false;
}

std::string dump(const Diagnostics& found) {
    std::string out;
    for (const auto& d : found.items()) out += d.to_string() + " [" + d.code + "]\n";
    return out;
}

}  // namespace lectern::test
