#include "ledger/audit_export.hpp"

#include <git2.h>

#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "ledger/record.hpp"
#include "sync/http_client.hpp"

namespace lectern::ledger {

namespace {

using nlohmann::json;

std::string hex_of(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

/// GET `path` of the REST API as JSON through sync's HTTP client. Refusals become errors with
/// the server's message.
json get_json(const AuditExportOptions& o, const std::string& path) {
    sync::http::Request request;
    request.url = o.server + path;
    if (!o.credentials.user.empty()) request.basic = o.credentials;
    const sync::http::Response response = sync::http::send(request, o.progress);
    if (response.cancelled)
        throw Error(ErrorKind::Io, "the export was cancelled; nothing was written");
    if (response.status == 0) {
        throw Error(ErrorKind::Io, "cannot reach " + request.url + ": " + response.error +
                                       " (is the server address right and the server up?)");
    }
    if (response.status != 200) {
        std::string hint;
        if (response.status == 401) hint = " (run `lectern login` again, or check the token)";
        if (response.status == 403)
            hint = " (an export needs a supervisor's, auditor's or admin's role)";
        throw Error(response.status == 404 ? ErrorKind::NotFound : ErrorKind::InvalidArgument,
                    request.url + " answered " + std::to_string(response.status) + ": " +
                        sync::http::server_message(response.body) + hint);
    }
    json parsed = json::parse(response.body, nullptr, false);
    if (parsed.is_discarded())
        throw Error(ErrorKind::InvalidContent, request.url + " sent no JSON");
    return parsed;
}

git::RepositoryPtr fetched(const AuditExportOptions& o, const std::string& name,
                           const std::string& refspec) {
    ensure_libgit2();
    const auto path = o.work_dir / (name + ".git");
    git_repository* raw = nullptr;
    if (git_repository_init(&raw, path.c_str(), 1) < 0)
        throw libgit2_error("creating " + path.string());
    git::RepositoryPtr repo(raw);
    sync::FetchOptions fo;
    fo.url = o.server + "/" + o.space + "/" + name + ".git";
    fo.credentials = o.credentials;
    fo.refspecs = {refspec};
    fo.progress = o.progress;
    const auto result = sync::fetch(path, fo);
    if (result.failure) throw Error(ErrorKind::InvalidArgument, result.failure->message);
    return repo;
}

std::string raw_object(git_odb* odb, const git_oid* id, std::string& type) {
    git_odb_object* raw = nullptr;
    if (git_odb_read(&raw, odb, id) < 0) throw libgit2_error("reading object " + hex_of(id));
    std::unique_ptr<git_odb_object, decltype(&git_odb_object_free)> object(raw,
                                                                           git_odb_object_free);
    type = git_object_type2string(git_odb_object_type(object.get()));
    return std::string(static_cast<const char*>(git_odb_object_data(object.get())),
                       git_odb_object_size(object.get()));
}

/// Adds the object `id` of `odb` to the bundle.
void take(AuditBundle& b, git_odb* odb, const git_oid* id) {
    const std::string key = hex_of(id);
    if (b.objects.count(key)) return;
    GitObject o;
    o.data = raw_object(odb, id, o.type);
    b.objects.emplace(key, std::move(o));
}

/// The receipts with seq <= head.size (paging through the API), and the links of the others.
void take_receipts(const AuditExportOptions& o, AuditBundle& b) {
    std::int64_t after = 0;
    for (;;) {
        std::string path =
            "/api/v1/spaces/" + o.space + "/receipts?limit=10000&after=" + std::to_string(after);
        if (o.agent) path += "&agent=" + *o.agent;
        const json page = get_json(o, path);
        bool beyond = false;
        for (const auto& j : page.at("receipts")) {
            Receipt r = receipt_from_json(j);
            after = std::max(after, r.seq);
            if (r.seq > b.log_head.size)
                beyond = true;
            else
                b.receipts.push_back(std::move(r));
        }
        for (const auto& l : page.at("links")) {
            const auto seq = l.at("seq").get<std::int64_t>();
            after = std::max(after, seq);
            if (seq > b.log_head.size)
                beyond = true;
            else
                b.links.push_back({seq, l.at("body_hash").get<std::string>()});
        }
        if (!page.at("more").get<bool>() || beyond) break;
    }
}

}  // namespace

AuditExport export_audit_bundle(const AuditExportOptions& o) {
    AuditExport out;
    AuditBundle& b = out.bundle;
    b.space = o.space;
    b.agent = o.agent;
    b.server_key = get_json(o, "/api/v1/server-key").at("public_key").get<std::string>();

    // The ledger first, then the head: every record fetched whose push finished has its
    // receipt under that head; one still being received is left out below.
    const std::string branches =
        o.agent ? "refs/heads/agents/" + *o.agent + "/*" : std::string("refs/heads/agents/*");
    const auto ledger = fetched(o, "ledger", "+" + branches + ":" + branches);
    b.log_head = log_head_from_json(get_json(o, "/api/v1/spaces/" + o.space + "/log-head"));
    take_receipts(o, b);
    std::map<std::string, const Receipt*> receipt_of_commit;
    for (const auto& r : b.receipts) receipt_of_commit[r.commit] = &r;

    git_odb* raw_odb = nullptr;
    if (git_repository_odb(&raw_odb, ledger.get()) < 0) throw libgit2_error("opening the ledger");
    git::OdbPtr odb(raw_odb);
    std::set<std::string> agents;
    std::set<std::string> blob_ids;
    git_reference_iterator* raw_it = nullptr;
    if (git_reference_iterator_glob_new(&raw_it, ledger.get(), "refs/heads/agents/*") < 0)
        throw libgit2_error("listing ledger branches");
    std::unique_ptr<git_reference_iterator, decltype(&git_reference_iterator_free)> it(
        raw_it, git_reference_iterator_free);
    git_reference* raw_ref = nullptr;
    while (git_reference_next(&raw_ref, it.get()) == 0) {
        git::ReferencePtr ref(raw_ref);
        const std::string name = git_reference_name(ref.get());
        const git_oid* target = git_reference_target(ref.get());
        if (!target) continue;
        // Back from the tip to the newest commit with a receipt under the head.
        git_commit* raw_commit = nullptr;
        if (git_commit_lookup(&raw_commit, ledger.get(), target) < 0)
            throw libgit2_error("reading " + name);
        git::CommitPtr commit(raw_commit);
        while (!receipt_of_commit.count(hex_of(git_commit_id(commit.get())))) {
            ++out.left_out;
            if (git_commit_parentcount(commit.get()) == 0) {
                commit.reset();
                break;
            }
            git_commit* parent = nullptr;
            if (git_commit_parent(&parent, commit.get(), 0) < 0)
                throw libgit2_error("reading " + name);
            commit.reset(parent);
        }
        if (!commit) continue;
        b.branches[name] = hex_of(git_commit_id(commit.get()));
        agents.insert(name.substr(18, name.find('/', 18) - 18));
        for (git::CommitPtr c = std::move(commit); c;) {
            take(b, odb.get(), git_commit_id(c.get()));
            git_tree* raw_tree = nullptr;
            if (git_commit_tree(&raw_tree, c.get()) < 0) throw libgit2_error("reading a tree");
            git::TreePtr tree(raw_tree);
            take(b, odb.get(), git_tree_id(tree.get()));
            const git_tree_entry* records = git_tree_entry_byname(tree.get(), "records");
            if (records) {
                take(b, odb.get(), git_tree_entry_id(records));
                git_tree* raw_records = nullptr;
                if (git_tree_lookup(&raw_records, ledger.get(), git_tree_entry_id(records)) < 0)
                    throw libgit2_error("reading a tree");
                git::TreePtr records_tree(raw_records);
                for (std::size_t i = 0; i < git_tree_entrycount(records_tree.get()); ++i) {
                    const git_oid* blob =
                        git_tree_entry_id(git_tree_entry_byindex(records_tree.get(), i));
                    if (b.objects.count(hex_of(blob))) continue;
                    take(b, odb.get(), blob);
                    const auto& text = b.objects.at(hex_of(blob)).data;
                    blob_ids.insert(parse_record(text, "records/" + hex_of(blob)).blob_id);
                }
            }
            if (git_commit_parentcount(c.get()) == 0) break;
            git_commit* parent = nullptr;
            if (git_commit_parent(&parent, c.get(), 0) < 0) throw libgit2_error("reading a commit");
            c.reset(parent);
        }
    }
    for (const auto& r : b.receipts) agents.insert(r.agent);
    for (const auto& agent : agents) {
        const json keys = get_json(o, "/api/v1/keys?user=" + agent);
        for (const auto& k : keys.at("keys")) b.keys.push_back(key_statement_from_json(k));
    }

    const auto content = fetched(o, "content", "+refs/heads/*:refs/heads/*");
    git_odb* raw_content_odb = nullptr;
    if (git_repository_odb(&raw_content_odb, content.get()) < 0)
        throw libgit2_error("opening the content");
    git::OdbPtr content_odb(raw_content_odb);
    for (const auto& id : blob_ids) {
        git_oid oid;
        if (git_oid_fromstr(&oid, id.c_str()) < 0) throw libgit2_error("reading a blob id");
        std::string type;
        b.content_blobs[id] = raw_object(content_odb.get(), &oid, type);
    }
    return out;
}

}  // namespace lectern::ledger
