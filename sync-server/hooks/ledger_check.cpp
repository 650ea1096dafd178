#include "hooks/ledger_check.hpp"

#include <ostream>
#include <set>

#include "auth/policy.hpp"
#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "content/front_matter.hpp"
#include "ledger/layout.hpp"
#include "ledger/record.hpp"
#include "quiz/attempt.hpp"
#include "quiz/grades.hpp"
#include "store/receipt_log.hpp"
#include "store/store.hpp"

namespace lectern::server {

namespace {

/// A reason to refuse a commit, said to the pusher.
struct Refused {
    std::string reason;
};

std::string short_id(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return std::string(hex).substr(0, 12);
}

std::string full_id(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

git_oid parse_oid(const std::string& hex) {
    git_oid oid;
    if (git_oid_fromstr(&oid, hex.c_str()) < 0) throw libgit2_error("reading a pushed object id");
    return oid;
}

git::CommitPtr lookup_commit(git_repository* repo, const git_oid& oid) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &oid) < 0) throw libgit2_error("reading a pushed commit");
    return git::CommitPtr(raw);
}

git::TreePtr tree_of(const git_commit* commit) {
    git_tree* raw = nullptr;
    if (git_commit_tree(&raw, commit) < 0) throw libgit2_error("reading a pushed tree");
    return git::TreePtr(raw);
}

bool tree_has_path(git_tree* tree, const std::string& path) {
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree, path.c_str()) != 0) return false;
    git::TreeEntryPtr entry(raw);
    return true;
}

/// What a kind of record may be about: sign-offs of procedures and scripts, quiz attempts and
/// grades of quizzes, lesson completions of lessons.
std::optional<std::string> path_misfits_kind(const ledger::Record& r) {
    auto starts = [&](std::string_view prefix) { return r.path.rfind(prefix, 0) == 0; };
    auto ends = [&](std::string_view suffix) {
        return r.path.size() >= suffix.size() &&
               r.path.compare(r.path.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (r.kind == ledger::kKindSignoff && (starts("procedures/") || starts("scripts/")) &&
        ends(".md"))
        return std::nullopt;
    if ((r.kind == ledger::kKindQuizAttempt || r.kind == ledger::kKindQuizGrade) &&
        starts("quizzes/"))
        return std::nullopt;
    if (r.kind == ledger::kKindLessonCompletion && starts("lessons/") && ends("/lesson.md"))
        return std::nullopt;
    return "a " + r.kind + " record cannot be about " + r.path;
}

/// The checks of one push, with what they look up opened once.
class LedgerPushCheck {
  public:
    LedgerPushCheck(const LedgerPush& push, git_repository* ledger)
        : push_(push),
          ledger_(ledger),
          store_(push.state.database()),
          receipts_(push.state.database()) {
        git_repository* raw = nullptr;
        const auto path = push.state.repo(push.space, RepoKind::Content);
        if (git_repository_open_bare(&raw, path.c_str()) < 0)
            throw libgit2_error("opening the space's content repository");
        content_.reset(raw);
        load_branch_tips();
    }

    /// True if the update may be stored; otherwise says why on `messages`.
    bool check(const RefUpdate& u, std::ostream& messages) {
        const auto device = own_ledger_device(u.ref, push_.user);
        if (!device) {
            messages << "lectern: push to " << u.ref << " refused: " << push_.user
                     << " may push only to refs/heads/agents/" << push_.user << "/<device>\n";
            return false;
        }
        if (u.new_id == kZeroId) {
            messages << "lectern: push to " << u.ref
                     << " refused: ledger branches are never deleted\n";
            return false;
        }
        std::vector<git::CommitPtr> commits;
        if (auto why = new_commits(u, commits)) {
            messages << "lectern: push to " << u.ref << " refused: " << *why << '\n';
            return false;
        }
        // Oldest first: the commit that adds a record is checked before one that repeats it.
        for (auto it = commits.rbegin(); it != commits.rend(); ++it) {
            try {
                check_commit(it->get(), *device);
            } catch (const Refused& r) {
                messages << "lectern: commit " << short_id(git_commit_id(it->get()))
                         << " refused: " << r.reason << '\n'
                         << "lectern: push to " << u.ref << " refused; nothing was stored\n";
                return false;
            }
        }
        return true;
    }

  private:
    void load_branch_tips() {
        git_reference_iterator* raw = nullptr;
        if (git_reference_iterator_glob_new(&raw, ledger_, "refs/heads/agents/*") < 0)
            throw libgit2_error("listing ledger branches");
        std::unique_ptr<git_reference_iterator, decltype(&git_reference_iterator_free)> it(
            raw, git_reference_iterator_free);
        git_reference* ref = nullptr;
        while (git_reference_next(&ref, it.get()) == 0) {
            git::ReferencePtr owned(ref);
            const git_oid* target = git_reference_target(owned.get());
            if (!target) continue;
            tips_.push_back(tree_of(lookup_commit(ledger_, *target).get()));
        }
    }

    /// The commits from u.new_id back to u.old_id (newest first), or why there are none to
    /// accept.
    std::optional<std::string> new_commits(const RefUpdate& u, std::vector<git::CommitPtr>& out) {
        const bool created = u.old_id == kZeroId;
        const git_oid old = created ? git_oid{} : parse_oid(u.old_id);
        git_oid at = parse_oid(u.new_id);
        while (created || !git_oid_equal(&at, &old)) {
            auto commit = lookup_commit(ledger_, at);
            const unsigned parents = git_commit_parentcount(commit.get());
            if (parents > 1) {
                return "commit " + short_id(&at) +
                       " is a merge; a ledger branch is a straight line of records";
            }
            const bool root = parents == 0;
            const git_oid parent = root ? git_oid{} : *git_commit_parent_id(commit.get(), 0);
            out.push_back(std::move(commit));
            if (root) {
                if (!created) return "not a fast-forward: records are never rewritten";
                return std::nullopt;
            }
            at = parent;
        }
        return std::nullopt;
    }

    void check_commit(git_commit* commit, const std::string& device) {
        const std::string file = the_added_file(commit);
        const std::string record_id = file.substr(8, file.size() - 8 - 5);  // records/<id>.json
        const ledger::Record r = read_record(commit, file);
        if (r.id != record_id)
            throw Refused{file + " holds record " + r.id + ": the file name must be its id"};
        if (r.agent != push_.user)
            throw Refused{"the record's agent is " + r.agent + ", but " + push_.user +
                          " pushed it"};
        if (r.device != device)
            throw Refused{"the record is from device " + r.device + ", not " + device +
                          " whose branch this is"};
        if (r.space != push_.space)
            throw Refused{"the record is for space " + r.space + ", not " + push_.space};
        if (auto misfit = path_misfits_kind(r)) throw Refused{*misfit};
        check_key(r);
        if (!ledger::verify_signature(r))
            throw Refused{"the signature does not match the record (forged or altered)"};
        check_new_id(r.id);
        check_content(r);
        if (r.kind == ledger::kKindQuizGrade) check_grade(r);
        seen_.insert(r.id);
    }

    /// A grade must come from someone the policy lets grade in this space, and name an
    /// attempt already in the space's ledger whose question it grades is an essay, on the
    /// same quiz version.
    void check_grade(const ledger::Record& r) {
        const auto user = store_.find_user(push_.user);
        const auto role = user ? store_.role_in(user->id, push_.space) : std::nullopt;
        if (!role || !allows(*role, Action::GradeEssays))
            throw Refused{push_.user + " may not grade quiz attempts in " + push_.space +
                          ": only its trainers, supervisors and admins grade essays"};
        quiz::Grade grade;
        try {
            grade = quiz::grade_from_details(r.details, ledger::record_file_path(r.id));
        } catch (const Error& e) {
            throw Refused{e.what()};
        }
        const auto attempt = find_record(grade.attempt_record);
        if (!attempt || attempt->kind != ledger::kKindQuizAttempt)
            throw Refused{"there is no quiz attempt " + grade.attempt_record + " in " +
                          push_.space + "'s ledger to grade"};
        if (attempt->agent != grade.attempt_agent || attempt->blob_id != r.blob_id ||
            attempt->document_id != r.document_id)
            throw Refused{"the grade does not match attempt " + attempt->id +
                          " (its agent, quiz or quiz version)"};
        try {
            const quiz::Attempt taken =
                quiz::attempt_from_details(attempt->details, attempt->document_id, attempt->blob_id,
                                           ledger::record_file_path(attempt->id));
            if (auto why = quiz::grade_refusal(taken, grade)) throw Refused{*why};
        } catch (const Error& e) {
            throw Refused{std::string("attempt ") + attempt->id + " cannot be read: " + e.what()};
        }
    }

    /// The record `id` on any ledger branch of the space, as stored before this push.
    std::optional<ledger::Record> find_record(const std::string& id) {
        const std::string path = ledger::record_file_path(id);
        for (const auto& tip : tips_) {
            git_tree_entry* raw = nullptr;
            if (git_tree_entry_bypath(&raw, tip.get(), path.c_str()) != 0) continue;
            git::TreeEntryPtr entry(raw);
            git_blob* raw_blob = nullptr;
            if (git_blob_lookup(&raw_blob, ledger_, git_tree_entry_id(entry.get())) < 0)
                throw libgit2_error("reading a stored record");
            git::BlobPtr blob(raw_blob);
            const std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                        static_cast<std::size_t>(git_blob_rawsize(blob.get())));
            try {
                return ledger::parse_record(text, path);
            } catch (const Error&) {
                return std::nullopt;  // stored records were checked when they came in
            }
        }
        return std::nullopt;
    }

    /// The path of the one file the commit adds; refuses anything else.
    std::string the_added_file(git_commit* commit) {
        git::TreePtr parent_tree;
        if (git_commit_parentcount(commit) == 1) {
            git_commit* raw = nullptr;
            if (git_commit_parent(&raw, commit, 0) < 0) throw libgit2_error("reading a parent");
            parent_tree = tree_of(git::CommitPtr(raw).get());
        }
        const auto tree = tree_of(commit);
        git_diff* raw_diff = nullptr;
        git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
        if (git_diff_tree_to_tree(&raw_diff, ledger_, parent_tree.get(), tree.get(), &opts) < 0)
            throw libgit2_error("comparing a pushed commit with its parent");
        git::DiffPtr diff(raw_diff);
        const std::size_t n = git_diff_num_deltas(diff.get());
        if (n != 1) {
            throw Refused{"it changes " + std::to_string(n) +
                          " files; each commit must add exactly one record"};
        }
        const git_diff_delta* d = git_diff_get_delta(diff.get(), 0);
        const std::string path = d->new_file.path;
        if (d->status != GIT_DELTA_ADDED)
            throw Refused{"it changes or removes " + path + "; records are only ever added"};
        if (d->new_file.mode != GIT_FILEMODE_BLOB) throw Refused{path + " must be a plain file"};
        const bool shaped = path.size() == 8 + 32 + 5 && path.rfind("records/", 0) == 0 &&
                            path.compare(path.size() - 5, 5, ".json") == 0;
        if (!shaped) throw Refused{"it adds " + path + "; records are records/<32 hex>.json"};
        added_blob_ = d->new_file.id;
        return path;
    }

    ledger::Record read_record(git_commit* commit, const std::string& file) {
        git_blob* raw = nullptr;
        if (git_blob_lookup(&raw, ledger_, &added_blob_) < 0)
            throw libgit2_error("reading a record");
        git::BlobPtr blob(raw);
        const std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                    static_cast<std::size_t>(git_blob_rawsize(blob.get())));
        try {
            return ledger::parse_record(text, file + "@" + short_id(git_commit_id(commit)));
        } catch (const Error& e) {
            throw Refused{e.what()};
        }
    }

    void check_key(const ledger::Record& r) {
        const auto key = store_.live_key(r.agent, r.device);
        if (!key) {
            throw Refused{r.agent + " has no live key registered for device " + r.device +
                          " (enroll the device, or it was revoked)"};
        }
        if (key->public_key != r.public_key) {
            throw Refused{"it is signed with a key that is not the live registered key of " +
                          r.agent + "'s device " + r.device + " (revoked or never registered)"};
        }
    }

    void check_new_id(const std::string& id) {
        const std::string path = ledger::record_file_path(id);
        bool seen = seen_.count(id) > 0 || receipts_.has_record(push_.space, id);
        for (const auto& tip : tips_) seen = seen || tree_has_path(tip.get(), path);
        if (seen) throw Refused{"record " + id + " is in the ledger already"};
    }

    void check_content(const ledger::Record& r) {
        const git_oid commit_id = parse_oid(r.content_commit);
        git_commit* raw = nullptr;
        if (git_commit_lookup(&raw, content_.get(), &commit_id) < 0) {
            throw Refused{"content commit " + r.content_commit + " does not exist in " +
                          push_.space + "'s content"};
        }
        git::CommitPtr commit(raw);
        const auto tree = tree_of(commit.get());
        git_tree_entry* raw_entry = nullptr;
        if (git_tree_entry_bypath(&raw_entry, tree.get(), r.path.c_str()) != 0) {
            throw Refused{r.path + " does not exist at content commit " +
                          r.content_commit.substr(0, 12)};
        }
        git::TreeEntryPtr entry(raw_entry);
        const std::string blob_id = full_id(git_tree_entry_id(entry.get()));
        if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB || blob_id != r.blob_id) {
            throw Refused{r.path + " at content commit " + r.content_commit.substr(0, 12) +
                          " is version " + blob_id.substr(0, 12) + ", not " + r.blob_id};
        }
        check_document_id(r, git_tree_entry_id(entry.get()));
    }

    void check_document_id(const ledger::Record& r, const git_oid* blob_id) {
        git_blob* raw = nullptr;
        if (git_blob_lookup(&raw, content_.get(), blob_id) < 0)
            throw libgit2_error("reading a content file");
        git::BlobPtr blob(raw);
        const std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                    static_cast<std::size_t>(git_blob_rawsize(blob.get())));
        Diagnostics ignored;
        const auto split = content::split_front_matter(text, r.path, ignored);
        std::optional<content::LocatedJson> yaml;
        if (split) yaml = content::parse_yaml(split->yaml, r.path, split->yaml_first_line, ignored);
        const bool matches = yaml && yaml->value.is_object() && yaml->value.contains("id") &&
                             yaml->value["id"] == r.document_id;
        if (!matches) throw Refused{r.path + " is not the document " + r.document_id};
    }

    const LedgerPush& push_;
    git_repository* ledger_;
    git::RepositoryPtr content_;
    Store store_;
    ReceiptLog receipts_;
    std::vector<git::TreePtr> tips_;
    std::set<std::string> seen_;
    git_oid added_blob_{};
};

}  // namespace

std::optional<std::string> own_ledger_device(const std::string& ref, const std::string& user) {
    if (user.empty()) return std::nullopt;
    const std::string own = "refs/heads/agents/" + user + "/";
    if (ref.rfind(own, 0) != 0) return std::nullopt;
    const std::string device = ref.substr(own.size());
    if (!is_valid_device_name(device)) return std::nullopt;
    return device;
}

bool check_ledger_push(const LedgerPush& push, git_repository* ledger,
                       const std::vector<RefUpdate>& updates, std::ostream& messages) {
    if (push.user.empty() || push.space.empty()) {
        messages << "lectern: ledger pushes must come through lectern-server\n";
        return false;
    }
    LedgerPushCheck check(push, ledger);
    // One refused update refuses the push: a partial push would leave the other records
    // without the context the agent sent them in.
    for (const auto& u : updates) {
        if (!check.check(u, messages)) return false;
    }
    return true;
}

}  // namespace lectern::server
