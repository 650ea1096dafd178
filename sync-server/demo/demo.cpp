#include "demo/demo.hpp"

#include <stdlib.h>

#include <iostream>
#include <vector>

#include "auth/secrets.hpp"
#include "common/error.hpp"
#include "demo/import_folder.hpp"
#include "http/server.hpp"
#include "http/server_context.hpp"

namespace lectern::server {

namespace {

constexpr const char* kSpace = "demo";

std::filesystem::path sample_content(const DemoOptions& options) {
    if (!options.content.empty()) return options.content;
    for (const std::filesystem::path& candidate :
         {std::filesystem::path(LECTERN_DATA_DIR) / "content",
          std::filesystem::path(LECTERN_SOURCE_CONTENT)}) {
        if (std::filesystem::exists(candidate / "lectern.yaml")) return candidate;
    }
    throw Error(ErrorKind::NotFound,
                "the sample content was not found; give it with --demo-content DIR");
}

std::filesystem::path fresh_state_dir(const std::filesystem::path& configured) {
    std::error_code ec;
    if (!std::filesystem::exists(configured, ec) || std::filesystem::is_empty(configured, ec))
        return configured;
    std::string pattern = (std::filesystem::temp_directory_path() / "lectern-demo-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw Error(ErrorKind::Io, "cannot create a temporary state folder");
    return pattern;
}

struct DemoUser {
    std::string name;
    Role role;
    std::string password;
};

}  // namespace

void run_demo(ServerConfig config, const DemoOptions& options) {
    config.listen_host = "127.0.0.1";  // the demo never listens beyond this machine
    config.state_dir = fresh_state_dir(config.state_dir);
    const auto content = sample_content(options);

    StateDir state(config.state_dir);
    state.create();
    state.install_hooks(current_executable());
    ServerContext ctx(config);
    ctx.store.add_space(kSpace);
    state.create_space(kSpace);
    import_folder(state.repo(kSpace, RepoKind::Content), content, "Sample content");

    std::vector<DemoUser> users;
    for (Role role : kAllRoles) {
        DemoUser u{"demo-" + std::string(to_string(role)), role, generate_password()};
        ctx.store.add_user(u.name, u.password);
        ctx.store.set_member(u.name, kSpace, role);
        users.push_back(std::move(u));
    }

    serve(ctx, [&](const std::string& url) {
        std::cout << "Lectern demo server at " << url << "\n"
                  << "state folder: " << config.state_dir.string() << "\n\n"
                  << "repositories of the space '" << kSpace << "':\n"
                  << "  content: " << url << "/" << kSpace << "/content.git\n"
                  << "  ledger:  " << url << "/" << kSpace << "/ledger.git\n\n"
                  << "users (password):\n";
        for (const auto& u : users) std::cout << "  " << u.name << "  " << u.password << '\n';
        std::cout << "\na token for git (user and password of one of them):\n"
                  << "  curl -H 'Content-Type: application/json' -d "
                     "'{\"user\":\"demo-agent\",\"password\":\"...\"}' "
                  << url << "/api/v1/tokens\n"
                  << "then: git clone " << url << "/" << kSpace
                  << "/content.git   (user demo-agent, the token as password)\n"
                  << "stop with Ctrl-C\n"
                  << std::flush;
    });
}

}  // namespace lectern::server
