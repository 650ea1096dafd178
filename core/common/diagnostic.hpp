#pragma once
// Findings about content: every problem of a tree is collected, never thrown one at a time.

#include <string>
#include <vector>

#include "common/error.hpp"

namespace lectern {

enum class Severity { Error, Warning };

/// One finding of the loader or lint. `code` is a stable id ("duplicate-id") that tools and
/// translations key on; `message` is the English sentence shown after "file:line:column: ".
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;
    std::string message;
    SourceLocation where;

    /// "file:line:column: message", the form compilers use, so editors can jump to it.
    std::string to_string() const;
};

/// Collects diagnostics in the order they are found.
class Diagnostics {
  public:
    void error(std::string code, std::string message, SourceLocation where);
    void warning(std::string code, std::string message, SourceLocation where);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }

    const std::vector<Diagnostic>& items() const noexcept { return items_; }
    bool has_errors() const noexcept;
    std::size_t error_count() const noexcept;
    /// Sorts by file, line and column so output is stable whatever the load order.
    void sort();

  private:
    std::vector<Diagnostic> items_;
};

}  // namespace lectern
