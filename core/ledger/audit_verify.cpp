#include "ledger/audit_verify.hpp"

#include <git2.h>
#include <git2/sys/mempack.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "content/version.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/hashing.hpp"
#include "ledger/record.hpp"
#include "ledger/utc_time.hpp"

namespace lectern::ledger {

namespace {

std::string hex_of(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

/// A failure found while checking one part; the part's check stops, the others go on.
struct Failed {
    std::string what;
};

/// Thrown after the first failure when the caller asked for no more.
struct Stop {};

/// The ledger objects of the bundle in an in-memory repository, so libgit2 parses them.
class ObjectStore {
  public:
    explicit ObjectStore(const AuditBundle& b, std::vector<std::string>& failures) {
        ensure_libgit2();
        git_odb* raw_odb = nullptr;
        if (git_odb_new(&raw_odb) < 0) throw libgit2_error("making an object store");
        odb_.reset(raw_odb);
        git_odb_backend* backend = nullptr;
        if (git_mempack_new(&backend) < 0 || git_odb_add_backend(odb_.get(), backend, 1) < 0)
            throw libgit2_error("making an object store");
        git_repository* raw_repo = nullptr;
        if (git_repository_wrap_odb(&raw_repo, odb_.get()) < 0)
            throw libgit2_error("making an object store");
        repo_.reset(raw_repo);
        for (const auto& [id, o] : b.objects) {
            const git_object_t type = git_object_string2type(o.type.c_str());
            if (type != GIT_OBJECT_COMMIT && type != GIT_OBJECT_TREE && type != GIT_OBJECT_BLOB) {
                failures.push_back("object " + id + " has the unknown type '" + o.type + "'");
                continue;
            }
            git_oid oid;
            if (git_odb_write(&oid, odb_.get(), o.data.data(), o.data.size(), type) < 0)
                throw libgit2_error("storing a ledger object");
            if (hex_of(&oid) != id) {
                failures.push_back("object " + id + " does not hash to its id (it is " +
                                   hex_of(&oid) + "): altered");
            }
        }
    }

    git_repository* repo() const { return repo_.get(); }

    git::CommitPtr commit(const std::string& id) const {
        git_oid oid;
        git_commit* raw = nullptr;
        if (!is_lower_hex(id, 40) || git_oid_fromstr(&oid, id.c_str()) < 0 ||
            git_commit_lookup(&raw, repo_.get(), &oid) < 0)
            throw Failed{"commit " + id + " is not in the bundle"};
        return git::CommitPtr(raw);
    }

    git::TreePtr tree_of(const git_commit* c) const {
        git_tree* raw = nullptr;
        if (git_commit_tree(&raw, c) < 0)
            throw Failed{"the tree of commit " + hex_of(git_commit_id(c)) +
                         " is not in the bundle"};
        return git::TreePtr(raw);
    }

    git::TreePtr subtree(const git_tree* tree, const git_tree_entry* e) const {
        git_tree* raw = nullptr;
        if (git_tree_entry_type(e) != GIT_OBJECT_TREE ||
            git_tree_lookup(&raw, repo_.get(), git_tree_entry_id(e)) < 0)
            throw Failed{"a tree under " + hex_of(git_tree_id(tree)) + " is not in the bundle"};
        return git::TreePtr(raw);
    }

    std::string blob(const git_oid* id) const {
        git_blob* raw = nullptr;
        if (git_blob_lookup(&raw, repo_.get(), id) < 0)
            throw Failed{"blob " + hex_of(id) + " is not in the bundle"};
        git::BlobPtr b(raw);
        return std::string(static_cast<const char*>(git_blob_rawcontent(b.get())),
                           static_cast<std::size_t>(git_blob_rawsize(b.get())));
    }

  private:
    git::OdbPtr odb_;
    git::RepositoryPtr repo_;
};

/// The records/ tree of a commit, which must be the root's only entry.
git::TreePtr records_tree(const ObjectStore& store, const git_commit* c) {
    const auto root = store.tree_of(c);
    const git_tree_entry* only = git_tree_entry_byindex(root.get(), 0);
    if (git_tree_entrycount(root.get()) != 1 || std::string(git_tree_entry_name(only)) != "records")
        throw Failed{"commit " + hex_of(git_commit_id(c)) + " holds more than records/"};
    return store.subtree(root.get(), only);
}

/// The one entry `child` has that `parent` (may be null) has not; everything else equal.
const git_tree_entry* the_added_entry(const git_tree* parent, const git_tree* child,
                                      const std::string& commit) {
    const std::size_t before = parent ? git_tree_entrycount(parent) : 0;
    const std::size_t after = git_tree_entrycount(child);
    if (after != before + 1) throw Failed{"commit " + commit + " does not add exactly one record"};
    const git_tree_entry* added = nullptr;
    std::size_t i = 0;
    for (std::size_t j = 0; j < after; ++j) {
        const git_tree_entry* e = git_tree_entry_byindex(child, j);
        const git_tree_entry* p = i < before ? git_tree_entry_byindex(parent, i) : nullptr;
        if (p && git_tree_entry_cmp(e, p) == 0 &&
            git_oid_equal(git_tree_entry_id(e), git_tree_entry_id(p)) &&
            git_tree_entry_filemode(e) == git_tree_entry_filemode(p)) {
            ++i;
            continue;
        }
        if (added) throw Failed{"commit " + commit + " changes an earlier record"};
        added = e;
    }
    if (!added || i != before) throw Failed{"commit " + commit + " changes an earlier record"};
    const std::string name = git_tree_entry_name(added);
    const bool shaped = name.size() == 37 && is_lower_hex(name.substr(0, 32), 32) &&
                        name.compare(32, 5, ".json") == 0 &&
                        git_tree_entry_filemode(added) == GIT_FILEMODE_BLOB;
    if (!shaped) throw Failed{"commit " + commit + " adds " + name + ", not records/<id>.json"};
    return added;
}

class Verifier {
  public:
    Verifier(const AuditBundle& b, AuditSummary& out, bool first_only)
        : b_(b), out_(out), first_only_(first_only) {}

    void run(const std::optional<LogHead>& kept) {
        // Hashes first, signatures after: the cheap checks find most damage.
        check_content_blobs();
        ObjectStore store(b_, out_.failures);
        if (first_only_ && !out_.failures.empty()) throw Stop{};
        check_head_and_chain(kept);
        check_keys();
        for (const auto& r : b_.receipts) receipt_by_commit_[r.commit].push_back(&r);
        std::set<std::string> agents;
        for (const auto& [ref, tip] : b_.branches) {
            ++out_.branches;
            try {
                check_branch(store, ref, tip, agents);
            } catch (const Failed& f) {
                fail(ref + ": " + f.what);
            } catch (const Error& e) {
                fail(ref + ": " + e.what());
            }
        }
        out_.agents = agents.size();
        for (const auto& r : b_.receipts) {
            if (!used_receipts_.count(&r)) {
                fail("receipt " + std::to_string(r.seq) + " names record " + r.record_id +
                     " (commit " + r.commit + ") of " + r.agent +
                     ", which no branch of the bundle holds: deleted or moved");
            }
        }
    }

  private:
    void fail(std::string what) {
        out_.failures.push_back(std::move(what));
        if (first_only_) throw Stop{};
    }

    void check_head_and_chain(const std::optional<LogHead>& kept) {
        const auto& h = b_.log_head;
        out_.log_size = h.size;
        if (!PublicKey::from_base64(b_.server_key)) fail("the server key is not an Ed25519 key");
        if (h.space != b_.space) fail("the log head is for space " + h.space);
        if (!log_head_is_signed_by(h, b_.server_key))
            fail("the log head's signature is not the server's");
        // Every seq from 1 to the head's size, once, in order: receipts and links merged.
        std::map<std::int64_t, std::string> body_hashes;
        std::int64_t last = 0;
        for (const auto& r : b_.receipts) {
            if (r.seq <= last) fail("receipt " + std::to_string(r.seq) + " is out of order");
            last = r.seq;
            if (r.space != b_.space)
                fail("receipt " + std::to_string(r.seq) + " is for space " + r.space);
            if (b_.agent && r.agent != *b_.agent)
                fail("receipt " + std::to_string(r.seq) + " is of " + r.agent +
                     ", not of the exported agent " + *b_.agent);
            if (!receipt_is_sealed_by(r, b_.server_key))
                fail("receipt " + std::to_string(r.seq) + " is not sealed by the server's key");
            if (!body_hashes.emplace(r.seq, receipt_body_hash(r)).second)
                fail("receipt " + std::to_string(r.seq) + " appears twice");
            if (std::find(r.flags.begin(), r.flags.end(), std::string(kClockFlag)) != r.flags.end())
                out_.notes.push_back("receipt " + std::to_string(r.seq) + " (record " +
                                     r.record_id + " of " + r.agent + "): signed at " +
                                     r.signed_at + ", received at " + r.server_time);
        }
        if (!b_.agent && !b_.links.empty()) fail("a bundle of every agent holds hidden receipts");
        last = 0;
        for (const auto& l : b_.links) {
            if (l.seq <= last) fail("link " + std::to_string(l.seq) + " is out of order");
            last = l.seq;
            if (!is_lower_hex(l.body_hash, 64))
                fail("link " + std::to_string(l.seq) + " has no hash");
            if (!body_hashes.emplace(l.seq, l.body_hash).second)
                fail("seq " + std::to_string(l.seq) + " appears twice");
        }
        std::vector<std::string> chain;  // chain[n-1]: hash after receipt n
        std::string prev = kEmptyLogHash;
        std::int64_t expected = 1;
        for (const auto& [seq, body] : body_hashes) {
            if (seq != expected) {
                fail("the receipt log has no entry " + std::to_string(expected));
                return;
            }
            prev = chain_hash(prev, body);
            chain.push_back(prev);
            ++expected;
        }
        for (const auto& r : b_.receipts) {
            if (r.seq >= 1 && r.seq <= static_cast<std::int64_t>(chain.size()) &&
                (r.hash != chain[r.seq - 1] ||
                 r.prev_hash != (r.seq == 1 ? kEmptyLogHash : chain[r.seq - 2])))
                fail("receipt " + std::to_string(r.seq) + " is not where the chain puts it");
        }
        if (static_cast<std::int64_t>(chain.size()) != h.size || prev != h.hash)
            fail("the receipts do not add up to the signed log head (size " +
                 std::to_string(h.size) + ")");
        if (!kept) return;
        out_.kept_head_checked = true;
        if (!log_head_is_signed_by(*kept, b_.server_key))
            fail(
                "the kept log head is not signed by this bundle's server key (a different "
                "server, or its key changed)");
        if (kept->space != b_.space) fail("the kept log head is for space " + kept->space);
        if (kept->size > static_cast<std::int64_t>(chain.size())) {
            fail("the log is shorter (" + std::to_string(chain.size()) + ") than the kept head (" +
                 std::to_string(kept->size) + "): the server dropped receipts");
        } else if ((kept->size == 0 ? kEmptyLogHash : chain[kept->size - 1]) != kept->hash) {
            fail("the log does not extend the kept head at size " + std::to_string(kept->size) +
                 ": the server rewrote its history since");
        }
    }

    void check_keys() {
        for (const auto& k : b_.keys) {
            if (!key_statement_is_signed_by(k, b_.server_key))
                fail("the key of " + k.user + "'s device " + k.device +
                     " is not signed by the server");
            if (!PublicKey::from_base64(k.public_key))
                fail("the key of " + k.user + "'s device " + k.device + " is malformed");
        }
    }

    void check_content_blobs() {
        for (const auto& [id, bytes] : b_.content_blobs) {
            git_oid oid;
            if (git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) < 0 ||
                hex_of(&oid) != id)
                fail("content blob " + id + " does not hash to its id: altered");
        }
    }

    const KeyStatement* key_of(const Record& r) const {
        for (const auto& k : b_.keys) {
            if (k.user == r.agent && k.device == r.device && k.public_key == r.public_key)
                return &k;
        }
        return nullptr;
    }

    void check_branch(const ObjectStore& store, const std::string& ref, const std::string& tip,
                      std::set<std::string>& agents) {
        constexpr std::string_view prefix = "refs/heads/agents/";
        const auto slash = ref.find('/', prefix.size());
        if (ref.rfind(prefix, 0) != 0 || slash == std::string::npos ||
            ref.find('/', slash + 1) != std::string::npos)
            throw Failed{"not an agent branch"};
        const std::string user = ref.substr(prefix.size(), slash - prefix.size());
        const std::string device = ref.substr(slash + 1);
        if (b_.agent && user != *b_.agent)
            throw Failed{"a branch of another agent than " + *b_.agent};
        agents.insert(user);
        // Newest first, back to the root.
        std::vector<git::CommitPtr> commits;
        commits.push_back(store.commit(tip));
        while (git_commit_parentcount(commits.back().get()) > 0) {
            if (git_commit_parentcount(commits.back().get()) > 1)
                throw Failed{"commit " + hex_of(git_commit_id(commits.back().get())) +
                             " is a merge"};
            commits.push_back(store.commit(hex_of(git_commit_parent_id(commits.back().get(), 0))));
        }
        std::int64_t last_seq = 0;
        git::TreePtr parent_records;
        for (auto it = commits.rbegin(); it != commits.rend(); ++it) {
            const git_commit* c = it->get();
            const std::string id = hex_of(git_commit_id(c));
            auto records = records_tree(store, c);
            const git_tree_entry* added = the_added_entry(parent_records.get(), records.get(), id);
            const std::string name = git_tree_entry_name(added);
            const Record r =
                parse_record(store.blob(git_tree_entry_id(added)), "records/" + name + "@" + id);
            if (r.id + ".json" != name) throw Failed{"records/" + name + " holds record " + r.id};
            if (r.agent != user || r.device != device)
                throw Failed{"record " + r.id + " is of " + r.agent + "'s device " + r.device +
                             ": moved from another branch"};
            if (r.space != b_.space) throw Failed{"record " + r.id + " is for space " + r.space};
            if (!verify_signature(r))
                throw Failed{"record " + r.id + ": the signature does not match"};
            const KeyStatement* key = key_of(r);
            if (!key)
                throw Failed{"record " + r.id +
                             " is signed by a key the server never registered to " + user + "'s " +
                             device};
            if (!b_.content_blobs.count(r.blob_id) ||
                content::git_blob_id(b_.content_blobs.at(r.blob_id)) != r.blob_id)
                throw Failed{"record " + r.id + ": the bundle lacks the document version " +
                             r.blob_id};
            if (!ids_.insert(r.id).second) throw Failed{"record " + r.id + " appears twice"};
            const Receipt& receipt = the_receipt(r, id);
            if (!key->revoked_at.empty() && receipt.server_time >= key->revoked_at)
                throw Failed{"record " + r.id + " was received after its key was revoked"};
            if (receipt.signed_at != r.signed_at)
                throw Failed{"record " + r.id + " says signed at " + r.signed_at +
                             ", its receipt " + receipt.signed_at};
            if (receipt.seq <= last_seq)
                throw Failed{"record " + r.id +
                             " comes before an earlier record in the receipt log: reordered"};
            last_seq = receipt.seq;
            ++out_.records;
            parent_records = std::move(records);
        }
    }

    const Receipt& the_receipt(const Record& r, const std::string& commit) {
        const auto it = receipt_by_commit_.find(commit);
        if (it == receipt_by_commit_.end())
            throw Failed{"record " + r.id + " (commit " + commit + ") has no receipt"};
        if (it->second.size() != 1) throw Failed{"commit " + commit + " has several receipts"};
        const Receipt& receipt = *it->second.front();
        if (receipt.record_id != r.id || receipt.agent != r.agent)
            throw Failed{"the receipt of commit " + commit + " is for record " + receipt.record_id +
                         " of " + receipt.agent};
        used_receipts_.insert(&receipt);
        return receipt;
    }

    const AuditBundle& b_;
    AuditSummary& out_;
    bool first_only_;
    std::map<std::string, std::vector<const Receipt*>> receipt_by_commit_;
    std::set<const Receipt*> used_receipts_;
    std::set<std::string> ids_;
};

}  // namespace

AuditSummary verify_bundle(const AuditBundle& bundle, const std::optional<LogHead>& kept_head,
                           bool first_failure_only) {
    AuditSummary out;
    try {
        Verifier(bundle, out, first_failure_only).run(kept_head);
    } catch (const Stop&) {
    } catch (const Error& e) {
        out.failures.push_back(e.what());
    }
    return out;
}

}  // namespace lectern::ledger
