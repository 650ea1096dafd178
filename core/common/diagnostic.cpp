#include "common/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace lectern {

std::string Diagnostic::to_string() const {
    std::string prefix = where.to_string();
    std::string level = severity == Severity::Warning ? "warning: " : "";
    return prefix.empty() ? level + message : prefix + ": " + level + message;
}

void Diagnostics::error(std::string code, std::string message, SourceLocation where) {
    items_.push_back({Severity::Error, std::move(code), std::move(message), std::move(where)});
}

void Diagnostics::warning(std::string code, std::string message, SourceLocation where) {
    items_.push_back({Severity::Warning, std::move(code), std::move(message), std::move(where)});
}

bool Diagnostics::has_errors() const noexcept {
    return error_count() > 0;
}

std::size_t Diagnostics::error_count() const noexcept {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::Error; }));
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
    });
}

}  // namespace lectern
