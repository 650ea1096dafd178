// lectern xapi export --out FILE [--space S] [--home-page URL] [--agent U]

#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "content/space.hpp"
#include "ledger/signoff_status.hpp"
#include "signoff_space.hpp"
#include "sync/client_config.hpp"
#include "xapi/ledger_statements.hpp"

namespace lectern::cli {

namespace {

struct XapiOptions {
    std::string space;
    std::string out;
    std::string home_page;
    std::string agent;
    bool offline = false;
};

int run(const XapiOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    std::string home = opts.home_page;
    if (home.empty()) {
        if (auto config = sync::load_client_config()) home = config->server;
    }
    while (!home.empty() && home.back() == '/') home.pop_back();
    if (home.rfind("http://", 0) != 0 && home.rfind("https://", 0) != 0) {
        throw Error(ErrorKind::InvalidArgument,
                    "xAPI needs the server's address as the agents' home page: log in with "
                    "`lectern login`, or give --home-page https://lectern.example.com");
    }
    std::vector<ledger::StoredRecord> records =
        read_ledger_of(where, opts.offline, opts.agent).records;
    if (!opts.agent.empty())
        std::erase_if(records,
                      [&](const ledger::StoredRecord& r) { return r.record.agent != opts.agent; });
    Diagnostics problems;
    const content::Space space = content::Space::load(where.content, problems);
    const auto statements = xapi::statements(records, &space, {home});
    const std::string tmp = opts.out + ".tmp";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        file << statements.dump(2) << '\n';
        if (!file.flush()) throw Error(ErrorKind::Io, "could not write " + opts.out);
    }
    std::filesystem::rename(tmp, opts.out);
    std::cout << statements.size() << " xAPI statements written to " << opts.out << '\n';
    return kOk;
}

}  // namespace

void add_xapi_command(CLI::App& app, int& exit_code) {
    CLI::App* xapi = app.add_subcommand("xapi", "Export training records as xAPI statements.");
    xapi->require_subcommand(1);
    auto opts = std::make_shared<XapiOptions>();
    CLI::App* cmd = xapi->add_subcommand(
        "export",
        "Write one xAPI statement per record of the space's ledger (sign-offs: experienced; "
        "lesson completions: completed; quiz attempts: passed, failed or attempted) as a JSON "
        "array a learning record store takes in. Trainers, supervisors and auditors get every "
        "agent's "
        "records (fetched from the server now); an agent gets their own.");
    cmd->add_option("--out", opts->out, "The file to write")->required();
    cmd->add_option("--space", opts->space,
                    "The space: its folder or the name of a synced space; default as for other "
                    "commands");
    cmd->add_option("--home-page", opts->home_page,
                    "The agents' account home page and base of the activity ids; default: the "
                    "server you are logged in to");
    cmd->add_option("--agent", opts->agent, "Only this agent's records");
    cmd->add_flag("--offline", opts->offline,
                  "Do not contact the server: use the ledger fetched before");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
