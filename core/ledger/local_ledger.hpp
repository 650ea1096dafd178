#pragma once
// This machine's clone of a space's ledger.git: a bare repository in which each of the agent's
// records is one commit adding records/<id>.json on refs/heads/agents/<user>/<device>. Records
// are appended here first (offline is fine) and pushed by the next sync; the branches other
// agents pushed arrive as refs/remotes/origin/agents/… when a supervisor fetches.

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/record.hpp"

namespace lectern::ledger {

/// $XDG_DATA_HOME/lectern/spaces/<space>/ledger: sync::space_paths(space).ledger. Throws
/// Error(InvalidArgument) for a space name that is not one or when no data folder is known.
std::filesystem::path local_ledger_dir(std::string_view space);

/// A record read back from the ledger, with where it is.
struct StoredRecord {
    Record record;
    std::string commit;  ///< the commit that added it
    std::string ref;     ///< the branch it was read from
};

class LocalLedger {
  public:
    /// Opens the ledger clone at `folder`, creating an empty bare repository (and its folders)
    /// when there is none. Throws Error(Library) when the folder holds something else.
    static LocalLedger open_or_create(const std::filesystem::path& folder);
    /// Opens an existing ledger clone, or nullopt when `folder` has none.
    static std::optional<LocalLedger> open(const std::filesystem::path& folder);

    LocalLedger(LocalLedger&&) noexcept;
    LocalLedger& operator=(LocalLedger&&) noexcept;
    ~LocalLedger();

    const std::filesystem::path& folder() const noexcept { return folder_; }

    /// Appends `record` (signed) as one commit on agent_branch(record.agent, record.device)
    /// and returns the commit id once the objects, the branch and their folders are flushed to
    /// disk: after a crash the record is either wholly there or not at all. Throws
    /// Error(InvalidArgument) when the record is not signed or its id is already on the branch,
    /// Error(Io) or Error(Library) when it cannot be stored (nothing is then changed).
    std::string append(const Record& record);

    /// The records on `ref` (a full ref name), oldest first. Empty when the ref does not exist.
    /// Throws Error(InvalidContent) naming the commit when a commit does not add exactly one
    /// well-formed record file.
    std::vector<StoredRecord> records_on(const std::string& ref) const;

    /// The ref names under `prefix` ("refs/heads/agents/", "refs/remotes/origin/agents/").
    std::vector<std::string> refs_under(std::string_view prefix) const;

    /// The commit `ref` points at, or empty when it does not exist.
    std::string tip(const std::string& ref) const;

    /// Points `ref` at `commit` (an existing commit), creating or moving it. Throws
    /// Error(Library).
    void set_ref(const std::string& ref, const std::string& commit);

    /// Moves the records `ids` off `branch`, where they wait after `accepted` (the last commit
    /// the server accepted; empty: none): each keeps a ref
    /// refs/set-aside/agents/<user>/<device>/<id> at the commit that added it (kept for good,
    /// never pushed), and the branch is rebuilt on `accepted` with the other waiting records
    /// appended again in order (the same record files in new commits). The branch moves once,
    /// after every object is on disk, so a crash leaves it as it was. Returns how many records
    /// were set aside. Throws Error(Io) when a record was appended meanwhile, Error(Library).
    std::size_t set_aside(const std::string& branch, const std::string& accepted,
                          const std::set<std::string>& ids);

    /// The records `user`'s devices set aside (their ref is the set-aside ref).
    std::vector<StoredRecord> records_set_aside(std::string_view user) const;

  private:
    void set_ref_locked(const std::string& ref, const std::string& commit);
    struct Impl;
    LocalLedger(std::filesystem::path folder, std::unique_ptr<Impl> impl);
    std::filesystem::path folder_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lectern::ledger
