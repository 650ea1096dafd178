#pragma once
// A private temporary folder (for an export, a pushed tree being checked), removed with what it
// holds when the object goes.

#include <filesystem>
#include <random>
#include <string>
#include <string_view>

namespace lectern {

class ScratchDir {
  public:
    /// A new folder $TMPDIR/lectern-<purpose>-<random>.
    explicit ScratchDir(std::string_view purpose) {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("lectern-" + std::string(purpose) + "-" + std::to_string(rd()) + "-" +
                 std::to_string(rd()));
        std::filesystem::create_directories(path_);
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace lectern
