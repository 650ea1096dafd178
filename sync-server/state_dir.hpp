#pragma once
// Where the server keeps everything: one folder, one layout.
//
//   lectern.db                    users, tokens, memberships, device keys, receipts (SQLite, WAL)
//   server-key                    the server's Ed25519 secret key, signs receipts (mode 0600)
//   hooks/pre-receive             runs `lectern-server hook pre-receive` (rewritten at start-up)
//   hooks/post-receive            runs `lectern-server hook post-receive` (issues receipts)
//   spaces/<space>/content.git    bare repository of the space's content
//   spaces/<space>/ledger.git     bare repository of the space's sign-off records
//   spaces/<space>/lfs/objects/   Git LFS objects of content.git, by sha256
//   cache/upload-pack/            stored upload-pack answers (emptied at start-up)

#include <filesystem>
#include <string>
#include <string_view>

namespace lectern::server {

enum class RepoKind { Content, Ledger };

std::string_view to_string(RepoKind kind);

class StateDir {
  public:
    explicit StateDir(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const noexcept { return root_; }
    std::filesystem::path database() const { return root_ / "lectern.db"; }
    std::filesystem::path hooks() const { return root_ / "hooks"; }
    std::filesystem::path server_key() const { return root_ / "server-key"; }
    std::filesystem::path spaces() const { return root_ / "spaces"; }
    std::filesystem::path space(std::string_view name) const { return spaces() / name; }
    std::filesystem::path repo(std::string_view space, RepoKind kind) const;
    std::filesystem::path upload_pack_cache() const { return root_ / "cache" / "upload-pack"; }
    std::filesystem::path lfs_objects(std::string_view space) const {
        return this->space(space) / "lfs" / "objects";
    }

    /// Creates the folder (mode 0700) if needed. Throws Error(Io).
    void create() const;
    /// Creates the space's bare repositories (HEAD on main) with the server's git settings.
    /// Throws Error(InvalidArgument) if the space folder exists already.
    void create_space(std::string_view name) const;
    /// Writes hooks/pre-receive and hooks/post-receive so that they run `executable hook …`.
    void install_hooks(const std::filesystem::path& executable) const;

  private:
    std::filesystem::path root_;
};

/// The absolute path of the running program (/proc/self/exe).
std::filesystem::path current_executable();

}  // namespace lectern::server
