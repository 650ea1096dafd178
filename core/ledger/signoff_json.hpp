#pragma once
// Sign-off statuses as JSON, the form `lectern signoffs --json` and `lectern report --format
// json` print (fields in docs/ledger.md).

#include <nlohmann/json_fwd.hpp>

#include "ledger/signoff_status.hpp"

namespace lectern::ledger {

/// {"agent","document_id","path","title","required","state","current_version",
///  "signed": {"version","version_date","signed_at","record_id","commit","device"} | null,
///  "changes_since": [{"commit","version","date","author","summary","minor"}]}
nlohmann::json to_json(const SignoffStatus& status);

}  // namespace lectern::ledger
