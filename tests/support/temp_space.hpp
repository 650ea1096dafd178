#pragma once
// A content space written by a test into a fresh temporary folder, removed afterwards.

#include <filesystem>
#include <string>
#include <string_view>

#include "common/diagnostic.hpp"

namespace lectern::test {

class TempSpace {
  public:
    /// A folder with a valid lectern.yaml (unless `with_manifest` is false).
    explicit TempSpace(bool with_manifest = true);
    ~TempSpace();
    TempSpace(const TempSpace&) = delete;
    TempSpace& operator=(const TempSpace&) = delete;

    /// Writes a file (creating folders) relative to the root.
    void write(const std::string& relative_path, std::string_view bytes) const;
    const std::filesystem::path& root() const noexcept { return root_; }

    /// Runs the whole lint on the space.
    Diagnostics lint() const;

  private:
    std::filesystem::path root_;
};

/// A valid procedure with the given id and body, for tests that break one thing at a time.
std::string procedure(const std::string& id, const std::string& body = "Text.\n");
/// A valid call script with the given body.
std::string script(const std::string& id, const std::string& body);

/// True if some diagnostic has this code and its location starts with `where` ("file:line").
bool has_diagnostic(const Diagnostics& found, const std::string& code, const std::string& where);
/// All diagnostics, one per line, for failure messages.
std::string dump(const Diagnostics& found);

}  // namespace lectern::test
