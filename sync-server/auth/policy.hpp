#pragma once
// Who may do what in a space: one table, read by the server and by the permission-matrix test.

#include <array>
#include <optional>
#include <string_view>

namespace lectern::server {

enum class Role { Agent, Trainer, Supervisor, Auditor, Admin };

/// Everything the server guards, per space.
enum class Action {
    ReadContent,      ///< fetch content.git, download its LFS objects
    WriteContent,     ///< push to content.git, upload LFS objects
    ReadLedger,       ///< fetch ledger.git (every branch)
    PushOwnLedger,    ///< push to ledger.git, only inside refs/heads/agents/<own name>/
    RegisterOwnKey,   ///< register a device key of one's own (a member of any space may)
    ListMembersKeys,  ///< list the device keys of the space's members
    ReadOwnReceipts,  ///< one's own receipts and the space's log head
    ReadAllReceipts,  ///< every member's receipts
    GradeEssays,      ///< push quiz-grade records: grades of the essays in agents' attempts
};

inline constexpr std::array kAllRoles = {Role::Agent, Role::Trainer, Role::Supervisor,
                                         Role::Auditor, Role::Admin};
inline constexpr std::array kAllActions = {
    Action::ReadContent,     Action::WriteContent,    Action::ReadLedger,
    Action::PushOwnLedger,   Action::RegisterOwnKey,  Action::ListMembersKeys,
    Action::ReadOwnReceipts, Action::ReadAllReceipts, Action::GradeEssays};

/// One row of the policy: what a role may do.
struct RolePolicy {
    Role role;
    bool read_content;
    bool write_content;
    bool read_ledger;
    bool push_own_ledger;
    bool register_own_key;
    bool list_members_keys;
    bool read_own_receipts;
    bool read_all_receipts;
    bool grade_essays;
};

// clang-format off
/// The policy. Agents read content; trainers write it, read the ledger and its receipts for
/// their quiz reports and grade essays; supervisors and auditors read the ledger, its receipts
/// and the members' keys for reports and audits (supervisors grade essays too); every member
/// pushes their own records (only into refs/heads/agents/<own name>/), registers their own
/// device keys and reads their own receipts.
inline constexpr std::array<RolePolicy, 5> kPolicy = {{
    //  role          read     write    read    push own  register  list     read own  read all  grade
    //                content  content  ledger  ledger    own key   members' receipts receipts  essays
    //                                                              keys
    {Role::Agent,      true,   false,   false,  true,     true,     false,   true,     false,    false},
    {Role::Trainer,    true,   true,    true,   true,     true,     false,   true,     true,     true},
    {Role::Supervisor, true,   false,   true,   true,     true,     true,    true,     true,     true},
    {Role::Auditor,    true,   false,   true,   true,     true,     true,    true,     true,     false},
    {Role::Admin,      true,   true,    true,   true,     true,     true,    true,     true,     true},
}};
// clang-format on

/// True if the policy lets `role` do `action`.
bool allows(Role role, Action action);

std::string_view to_string(Role role);
std::string_view to_string(Action action);
/// The role named `text` ("agent", "trainer"…), or nothing.
std::optional<Role> parse_role(std::string_view text);

}  // namespace lectern::server
