#pragma once
// A corpus of realistic Lectern documents for benchmarks: Markdown with front matter in
// English, Polish, Norwegian, Estonian and Russian, from word lists and templates carried
// here (nothing downloaded), and the queries agents would type against it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lectern::bench {

struct CorpusOptions {
    std::size_t documents = 1000;
    std::uint64_t seed = 42;
};

/// Writes lectern.yaml, synonyms.txt and `documents` procedures and scripts into `root`
/// (which must be empty or missing). Same seed, same corpus.
void write_corpus(const std::filesystem::path& root, const CorpusOptions& options);

/// Rewrites one sentence of `count` documents of the corpus, chosen by `seed`; returns
/// their paths relative to the root.
std::vector<std::string> touch_documents(const std::filesystem::path& root, std::size_t count,
                                         std::uint64_t seed);

/// Queries as agents type them: every prefix of a word typed one letter at a time, one and
/// two words, typos, words of every language. Without a trailing space the last word is a
/// prefix, as in the app.
std::vector<std::string> make_queries(std::size_t count, std::uint64_t seed);

}  // namespace lectern::bench
