#include "ledger_world.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "auth/policy.hpp"
#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_document.hpp"
#include "ledger_fixture.hpp"
#include "state_dir.hpp"
#include "store/store.hpp"
#include "sync/http_client.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_sync.hpp"

namespace lectern::test {

namespace fs = std::filesystem;

namespace {

// A supervisor's bare clone of the server's ledger, made now with stock git.
fs::path supervisor_ledger(const LedgerWorld& w) {
    const fs::path dir = TestServer::get().fresh_dir("audit");
    const auto r = git_as(
        w.supervisor,
        "clone -q --bare " + TestServer::get().repo_url(w.space.name, "ledger") + " ledger.git",
        dir);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return dir / "ledger.git";
}

}  // namespace

Account add_member(const TestSpace& space, const std::string& role_name, server::Role role) {
    server::StateDir state(TestServer::get().state_dir());
    server::Store store(state.database());
    const std::string user = space.name + "-" + role_name;
    store.add_user(user, "password-of-" + user);
    store.set_member(user, space.name, role);
    return Account{user, store.create_token(user, "test", server::unix_now() + 3600).secret};
}

void add_to_space(const Account& who, const TestSpace& space, server::Role role) {
    server::StateDir state(TestServer::get().state_dir());
    server::Store store(state.database());
    store.set_member(who.user, space.name, role);
}

LedgerWorld make_ledger_world(const std::string& hint) {
    LedgerWorld w;
    w.space = create_space(hint);
    w.supervisor = add_member(w.space, "supervisor", server::Role::Supervisor);
    w.second_agent = add_member(w.space, "agent2", server::Role::Agent);
    const fs::path wc = trainer_clone(w.space);
    write_small_space(wc);
    commit_and_push(w.space, wc, "First version");
    w.home = fresh_client_home();
    become(w, w.space.agent);
    sync_content(w);
    return w;
}

void become(LedgerWorld& w, const Account& who, const std::string& device) {
    w.config = {TestServer::get().url(), who.user, who.token, device};
    sync::save_client_config(w.config);
    const auto paths = sync::space_paths(w.space.name);
    w.content = paths.content;
    w.ledger = paths.ledger;
}

void sync_content(const LedgerWorld& w) {
    sync::SyncOptions o;
    o.space = w.space.name;
    o.server = w.config.server;
    o.credentials = {w.config.user, w.config.token};
    o.update_index = false;
    o.prefetch_lfs = false;
    const auto r = sync::sync_space(o);
    ASSERT_TRUE(r.ok()) << r.failure->message;
}

ledger::StoredKey enroll_in_process(const LedgerWorld& w) {
    const ledger::SigningKey key = ledger::SigningKey::generate();
    const ledger::StoredKey stored = ledger::seal_key(
        key, w.config.user, w.config.device, passphrase(kPassphrase), ledger::KdfCost::minimum());
    ledger::save_key(ledger::key_file(ledger::keys_dir(), w.config.user, w.config.device), stored);
    return stored;
}

std::string sign_in_process(const LedgerWorld& w, const std::string& document) {
    Diagnostics problems;
    const auto space = content::Space::load(w.content, problems);
    const auto repo = content::ContentRepository::open(w.content);
    EXPECT_TRUE(repo);
    ledger::SigningRequest request;
    request.document = ledger::document_to_sign(space, *repo, w.space.name, document);
    request.key =
        *ledger::load_key(ledger::key_file(ledger::keys_dir(), w.config.user, w.config.device));
    request.ledger = w.ledger;
    ledger::SigningSession session(std::move(request));
    session.show_text();
    session.enter_passphrase(passphrase(kPassphrase));
    EXPECT_TRUE(session.unlock_key());
    session.build_record();
    const std::string id = session.sign().id;
    session.append();
    return id;
}

ledger::LedgerSyncOptions sync_options(const LedgerWorld& w) {
    return ledger::ledger_sync_options(w.config, w.space.name);
}

std::map<std::string, int> server_records(const LedgerWorld& w) {
    const fs::path bare = supervisor_ledger(w);
    // Every commit on every branch, with the files it adds.
    const auto r = TestServer::sh("git --git-dir=" + quote(bare.string()) +
                                  " log --all --diff-filter=A --name-only --format=format:commit");
    std::map<std::string, int> out;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("records/", 0) != 0) continue;
        ++out[line.substr(8, line.size() - 8 - 5)];
    }
    return out;
}

int server_copies(const LedgerWorld& w, const std::string& record_id) {
    const auto all = server_records(w);
    const auto it = all.find(record_id);
    return it == all.end() ? 0 : it->second;
}

int server_receipts(const LedgerWorld& w, const std::string& record_id) {
    sync::http::Request request;
    request.url =
        TestServer::get().url() + "/api/v1/spaces/" + w.space.name + "/receipts?limit=10000";
    request.basic = sync::Credentials{w.supervisor.user, w.supervisor.token};
    const auto response = sync::http::send(request);
    int n = 0;
    try {
        const auto body = nlohmann::json::parse(response.body);
        for (const auto& receipt : body.at("receipts"))
            if (receipt.at("record_id") == record_id) ++n;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "receipts: " << e.what() << ": " << response.body;
    }
    return n;
}

}  // namespace lectern::test
