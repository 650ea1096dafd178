#pragma once
// Word-level differences between two texts (two versions of a document), for the app's diff
// view and `lectern diff`. A person reading "what changed since I signed" wants words, not
// lines: a procedure's paragraph is one long line.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::content {

enum class DiffOp { Equal, Delete, Insert };

/// A run of text that is in both texts (Equal), only in the old one (Delete) or only in the
/// new one (Insert). Concatenating the Equal and Delete runs gives the old text back; the
/// Equal and Insert runs give the new text.
struct DiffRun {
    DiffOp op = DiffOp::Equal;
    std::string text;

    bool operator==(const DiffRun&) const = default;
};

struct WordDiffOptions {
    /// Above this many differing words (insertions plus deletions) the texts are treated as
    /// rewritten: the differing middle becomes one deletion and one insertion. It bounds the
    /// time on two unrelated 1 MiB files; a person could not read such a diff word by word anyway.
    std::size_t max_edits = 8000;
};

/// The differences between `before` and `after`, word by word. Words are runs of letters and
/// digits (any script), each punctuation mark and each run of spaces is a token of its own.
/// Runs never split a UTF-8 sequence. Adjacent runs have different ops; where both texts
/// changed, the Delete run comes before the Insert run. Spaces alone between two changes are
/// folded into the changes, so "a b c" → "x y z" reads as one replacement, not three.
std::vector<DiffRun> word_diff(std::string_view before, std::string_view after,
                               const WordDiffOptions& options = {});

/// Counts of words (letter-or-digit tokens) inserted and deleted.
struct WordDiffStats {
    std::size_t inserted_words = 0;
    std::size_t deleted_words = 0;
};
WordDiffStats word_diff_stats(const std::vector<DiffRun>& runs);

/// The diff as one text with git's --word-diff markers: `[-deleted-]{+inserted+}`.
std::string word_diff_marked_text(const std::vector<DiffRun>& runs);

}  // namespace lectern::content
