#include "state_dir.hpp"

#include <sys/stat.h>

#include <fstream>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"

namespace lectern::server {

namespace {

/// Settings stored in each repository, so that they hold whoever serves it. The server also
/// passes them to every git it runs.
void configure_repo(git_repository* repo, const std::filesystem::path& hooks) {
    git_config* raw = nullptr;
    if (git_repository_config(&raw, repo) < 0) throw libgit2_error("opening a repository's config");
    git::ConfigPtr config(raw);
    auto set_bool = [&](const char* key, bool value) {
        if (git_config_set_bool(config.get(), key, value) < 0)
            throw libgit2_error("writing config");
    };
    auto set_string = [&](const char* key, const std::string& value) {
        if (git_config_set_string(config.get(), key, value.c_str()) < 0)
            throw libgit2_error("writing config");
    };
    set_bool("http.getanyfile", false);
    set_bool("receive.fsckObjects", true);
    set_bool("receive.denyNonFastForwards", true);
    set_bool("receive.denyDeletes", true);  // content history and sign-offs are never dropped
    set_string("core.hooksPath", hooks.string());
}

}  // namespace

std::string_view to_string(RepoKind kind) {
    return kind == RepoKind::Content ? "content" : "ledger";
}

std::filesystem::path StateDir::repo(std::string_view space_name, RepoKind kind) const {
    return space(space_name) / (std::string(to_string(kind)) + ".git");
}

void StateDir::create() const {
    std::error_code ec;
    std::filesystem::create_directories(spaces(), ec);
    if (ec) throw Error(ErrorKind::Io, "cannot create " + spaces().string() + ": " + ec.message());
    std::filesystem::create_directories(hooks(), ec);
    if (ec) throw Error(ErrorKind::Io, "cannot create " + hooks().string() + ": " + ec.message());
    ::chmod(root_.c_str(), 0700);
}

void StateDir::create_space(std::string_view name) const {
    if (std::filesystem::exists(space(name))) {
        throw Error(ErrorKind::InvalidArgument,
                    "the space folder exists already: " + space(name).string());
    }
    ensure_libgit2();
    for (RepoKind kind : {RepoKind::Content, RepoKind::Ledger}) {
        git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
        opts.flags =
            GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
        opts.initial_head = "main";
        git_repository* raw = nullptr;
        if (git_repository_init_ext(&raw, repo(name, kind).c_str(), &opts) < 0) {
            throw libgit2_error("creating " + repo(name, kind).string());
        }
        git::RepositoryPtr repo_handle(raw);
        configure_repo(repo_handle.get(), hooks());
    }
    std::error_code ec;
    std::filesystem::create_directories(lfs_objects(name), ec);
    if (ec)
        throw Error(ErrorKind::Io,
                    "cannot create " + lfs_objects(name).string() + ": " + ec.message());
}

void StateDir::install_hooks(const std::filesystem::path& executable) const {
    for (const char* name : {"pre-receive", "post-receive"}) {
        const auto hook = hooks() / name;
        const auto tmp = hooks() / (std::string(name) + ".tmp");
        {
            std::ofstream out(tmp, std::ios::trunc);
            // Single quotes: the path is used as is, whatever it contains (except a quote).
            out << "#!/bin/sh\n# Written by lectern-server at start-up; edits are lost.\nexec '"
                << executable.string() << "' hook " << name << "\n";
            if (!out) throw Error(ErrorKind::Io, "cannot write " + tmp.string());
        }
        std::filesystem::permissions(tmp, std::filesystem::perms::owner_all);
        std::filesystem::rename(tmp, hook);
    }
}

std::filesystem::path current_executable() {
    return std::filesystem::read_symlink("/proc/self/exe");
}

}  // namespace lectern::server
