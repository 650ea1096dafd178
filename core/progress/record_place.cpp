#include "progress/record_place.hpp"

#include "common/error.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signoff_document.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::progress {

std::optional<RecordPlace> record_place(const std::filesystem::path& content_root) {
    if (sync::is_sample_copy(content_root)) {
        return RecordPlace{std::string(sync::kSampleSpace), sync::sample_root() / "ledger", true};
    }
    const auto name = ledger::space_name_of(content_root);
    if (!name) return std::nullopt;
    try {
        return RecordPlace{*name, ledger::local_ledger_dir(*name), false};
    } catch (const Error&) {
        return std::nullopt;  // no data folder known (no XDG_DATA_HOME nor HOME)
    }
}

}  // namespace lectern::progress
