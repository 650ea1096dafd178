#include "auth/policy.hpp"

namespace lectern::server {

bool allows(Role role, Action action) {
    for (const RolePolicy& row : kPolicy) {
        if (row.role != role) continue;
        switch (action) {
            case Action::ReadContent:
                return row.read_content;
            case Action::WriteContent:
                return row.write_content;
            case Action::ReadLedger:
                return row.read_ledger;
            case Action::PushOwnLedger:
                return row.push_own_ledger;
            case Action::RegisterOwnKey:
                return row.register_own_key;
            case Action::ListMembersKeys:
                return row.list_members_keys;
            case Action::ReadOwnReceipts:
                return row.read_own_receipts;
            case Action::ReadAllReceipts:
                return row.read_all_receipts;
            case Action::GradeEssays:
                return row.grade_essays;
        }
    }
    return false;
}

std::string_view to_string(Role role) {
    switch (role) {
        case Role::Agent:
            return "agent";
        case Role::Trainer:
            return "trainer";
        case Role::Supervisor:
            return "supervisor";
        case Role::Auditor:
            return "auditor";
        case Role::Admin:
            return "admin";
    }
    return "agent";
}

std::string_view to_string(Action action) {
    switch (action) {
        case Action::ReadContent:
            return "read content";
        case Action::WriteContent:
            return "write content";
        case Action::ReadLedger:
            return "read the ledger";
        case Action::PushOwnLedger:
            return "push to the ledger";
        case Action::RegisterOwnKey:
            return "register a device key";
        case Action::ListMembersKeys:
            return "list members' device keys";
        case Action::ReadOwnReceipts:
            return "read their own receipts";
        case Action::ReadAllReceipts:
            return "read every member's receipts";
        case Action::GradeEssays:
            return "grade essays in quiz attempts";
    }
    return "";
}

std::optional<Role> parse_role(std::string_view text) {
    for (Role r : kAllRoles) {
        if (text == to_string(r)) return r;
    }
    return std::nullopt;
}

}  // namespace lectern::server
