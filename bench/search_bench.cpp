// The search benchmark: Lectern against a bare Xapian query, SQLite FTS5 and ripgrep on the
// same generated corpus, in one run. Not a test: run bench/run-search-bench.sh.
//
//   lectern_search_bench --docs N --work DIR [--queries 1000] [--rg-queries 100] [--rows FILE]
//                        [--parts all|index|reindex] [--rounds 5] [--index-rounds 3]
//                        [--query-only 1] [--slowest N]
// --parts index times only indexing and re-indexing (no queries); --parts reindex only the
// re-indexing, on the index of an earlier run: for iterating on them. --rounds is the number of
// re-index rounds, --index-rounds of full rebuilds by each engine (medians reported).

#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "content/document_view.hpp"
#include "content/space.hpp"
#include "corpus_generator.hpp"
#include "search/index_writer.hpp"
#include "search/query_builder.hpp"
#include "search/searcher.hpp"
#include "search/terms.hpp"
#include "search/words.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lectern;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Latency {
    double p50 = 0, p99 = 0, mean = 0;
    std::size_t n = 0;
};

Latency summarize(std::vector<double> v) {
    Latency l;
    if (v.empty()) return l;
    std::sort(v.begin(), v.end());
    l.n = v.size();
    l.p50 = v[v.size() / 2];
    l.p99 = v[static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(v.size()))) - 1];
    l.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    return l;
}

// Runs every query once to warm caches, then again timing each; `slowest` lists the worst.
Latency time_queries(const std::vector<std::string>& queries,
                     const std::function<std::size_t(const std::string&)>& run,
                     std::size_t slowest = 0) {
    std::size_t sink = 0;
    for (const auto& q : queries) sink += run(q);
    std::vector<double> ms;
    for (const auto& q : queries) {
        const auto start = Clock::now();
        sink += run(q);
        ms.push_back(ms_since(start));
    }
    if (sink == 0) std::cerr << "(no query found anything)\n";
    std::vector<std::size_t> order(ms.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ms[a] > ms[b]; });
    for (std::size_t i = 0; i < std::min(slowest, order.size()); ++i) {
        std::cerr << "  slow: " << ms[order[i]] << " ms '" << queries[order[i]] << "'\n";
    }
    return summarize(std::move(ms));
}

// Lectern's query latency as the app sees it: the whole search, snippets of the 10 results read.
Latency time_lectern(const std::vector<std::string>& queries, const fs::path& index,
                     std::size_t slowest) {
    search::Searcher lectern(index);
    search::SearchRequest request;
    return time_queries(
        queries,
        [&](const std::string& q) {
            request.query = q;
            const auto r = lectern.search(request);
            std::size_t bytes = 1;
            for (const auto& h : r.hits) bytes += h.snippet.size();
            return bytes;
        },
        slowest);
}

void sh(const std::string& cmd) {
    if (std::system(cmd.c_str()) != 0) {
        std::cerr << "failed: " << cmd << '\n';
        std::exit(2);
    }
}

std::string git(const fs::path& dir, const std::string& args) {
    return "git -C '" + dir.string() +
           "' -c user.name=Bench -c user.email=bench@example.org -c commit.gpgsign=false " + args +
           " >/dev/null";
}

// The words of a query, normalized, and whether the last one is a prefix.
std::vector<std::string> query_words(const std::string& q, bool& last_is_prefix) {
    std::vector<std::string> words;
    search::for_each_word(
        q, [&](const search::Word& w) { words.push_back(search::normalize_word(w.text)); });
    last_is_prefix = !q.empty() && q.back() != ' ';
    return words;
}

class Fts5 {
  public:
    explicit Fts5(const fs::path& file) {
        fs::remove(file);
        check(sqlite3_open(file.c_str(), &db_));
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        exec(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
            "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');");
        exec("INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(0.0, 10.0, 1.0)');");
    }
    ~Fts5() {
        sqlite3_finalize(search_);
        sqlite3_close(db_);
    }

    void insert_all(const content::Space& space) {
        exec("BEGIN");
        sqlite3_stmt* ins = nullptr;
        check(sqlite3_prepare_v2(db_, "INSERT INTO docs(id, title, body) VALUES(?, ?, ?)", -1, &ins,
                                 nullptr));
        for (const auto& d : space.documents()) {
            const std::string text = content::document_text(d);
            sqlite3_bind_text(ins, 1, d.id.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 2, d.title.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 3, text.c_str(), static_cast<int>(text.size()),
                              SQLITE_TRANSIENT);
            if (sqlite3_step(ins) != SQLITE_DONE) check(SQLITE_ERROR);
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
        exec("COMMIT");
        check(sqlite3_prepare_v2(
            db_,
            "SELECT id, title, snippet(docs, 2, '**', '**', '…', 24) FROM docs WHERE docs "
            "MATCH ? ORDER BY rank LIMIT 10",
            -1, &search_, nullptr));
    }

    // Same meaning as Lectern's default: any of the words, the last one a prefix, best first.
    std::size_t search(const std::string& q) {
        bool prefix = false;
        const auto words = query_words(q, prefix);
        if (words.empty()) return 0;
        std::string match;
        for (std::size_t i = 0; i < words.size(); ++i) {
            match += (i ? " OR \"" : "\"") + words[i] + "\"";
            if (prefix && i + 1 == words.size()) match += "*";
        }
        sqlite3_bind_text(search_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        std::size_t bytes = 0;
        while (sqlite3_step(search_) == SQLITE_ROW) {
            bytes += static_cast<std::size_t>(sqlite3_column_bytes(search_, 2)) + 1;
        }
        sqlite3_reset(search_);
        return bytes;
    }

  private:
    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::cerr << "sqlite: " << (err ? err : "?") << '\n';
            std::exit(2);
        }
    }
    void check(int rc) {
        if (rc != SQLITE_OK) {
            std::cerr << "sqlite: " << sqlite3_errmsg(db_) << '\n';
            std::exit(2);
        }
    }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* search_ = nullptr;
};

// Xapian with nothing of ours: its QueryParser, an English stemmer, the same expansion bound
// for the partial word, the top 10 and their stored records (as stored: compressed). No snippets,
// filters, spelling or synonyms: the floor our layers are measured against.
class BareXapian {
  public:
    explicit BareXapian(const fs::path& index) : db_(index.string()), enquire_(db_) {
        qp_.set_database(db_);
        qp_.set_stemmer(Xapian::Stem("en"));
        qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp_.set_default_op(Xapian::Query::OP_OR);
    }
    std::size_t search(const std::string& q) {
        bool prefix = false;
        const auto words = query_words(q, prefix);
        const std::size_t chars = words.empty() ? 0 : words.back().size();
        qp_.set_max_expansion(search::max_prefix_expansion(chars),
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_PARTIAL);
        enquire_.set_query(qp_.parse_query(
            q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PARTIAL));
        const Xapian::MSet mset = enquire_.get_mset(0, 10);
        std::size_t bytes = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            bytes += it.get_document().get_value(search::terms::kSlotRecord).size();
        return bytes + 1;
    }

  private:
    Xapian::Database db_;
    Xapian::Enquire enquire_;
    Xapian::QueryParser qp_;
};

std::size_t ripgrep(const fs::path& root, const std::string& q) {
    bool prefix = false;
    std::string cmd = "rg -l -i -F --no-messages";
    for (const auto& w : query_words(q, prefix)) cmd += " -e '" + w + "'";
    cmd += " '" + root.string() + "' > /dev/null";
    const int rc = std::system(cmd.c_str());
    return rc == 0 ? 1 : 0;
}

std::string fmt(double v, int precision = 2) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(precision) << v;
    return s.str();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t docs = 1000, query_count = 1000, rg_count = 100, slowest = 0;
    bool query_only = false;    // reuse the index of an earlier run: for tuning queries
    bool index_only = false;    // indexing and re-indexing only, no queries
    bool reindex_only = false;  // re-indexing only, on the index of an earlier run
    int rounds = 5;             // re-index rounds
    int index_rounds = 3;       // full rebuilds, each engine
    fs::path work = "bench-work", rows_file;
    if (argc % 2 == 0) {  // an option without its value, or --help
        std::cerr << "usage: " << argv[0]
                  << " --docs N --work DIR [--queries 1000] [--rg-queries 100] [--rows FILE]\n"
                     "       [--parts all|index|reindex] [--rounds 5] [--index-rounds 3] "
                     "[--query-only 1] [--slowest N]\n"
                     "Runs the search benchmark; bench/run-search-bench.sh runs it for the "
                     "table in docs/benchmarks.md.\n";
        return argc == 2 && std::string(argv[1]) == "--help" ? 0 : 2;
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--docs")
            docs = std::stoul(v);
        else if (a == "--work")
            work = v;
        else if (a == "--queries")
            query_count = std::stoul(v);
        else if (a == "--rg-queries")
            rg_count = std::stoul(v);
        else if (a == "--rows")
            rows_file = v;
        else if (a == "--slowest")
            slowest = std::stoul(v);
        else if (a == "--query-only")
            query_only = v == "1";
        else if (a == "--parts" && (v == "all" || v == "index" || v == "reindex")) {
            index_only = v != "all";
            reindex_only = v == "reindex";
        } else if (a == "--rounds")
            rounds = std::max(1, std::stoi(v));
        else if (a == "--index-rounds")
            index_rounds = std::max(1, std::stoi(v));
        else {
            std::cerr << "unknown option " << a << '\n';
            return 2;
        }
    }
    const fs::path root = work / ("corpus-" + std::to_string(docs));
    const fs::path index = work / ("index-" + std::to_string(docs));
    std::cerr << "== " << docs << " documents in " << root << '\n';

    // The corpus, committed: generated once per size and seed, reused by later runs.
    if (!fs::exists(root / "lectern.yaml")) {
        fs::remove_all(root);
        auto start = Clock::now();
        bench::write_corpus(root, {docs, 42});
        sh(git(root, "init -q") + " && " + git(root, "add -A") + " && " +
           git(root, "commit -q -m corpus"));
        std::cerr << "corpus written and committed in " << fmt(ms_since(start) / 1000) << " s\n";
    }

    if (query_only) {
        const auto queries = bench::make_queries(query_count, 7);
        const Latency ours = time_lectern(queries, index, slowest);
        BareXapian bare(index);
        const Latency floor = time_queries(
            queries, [&](const std::string& q) { return bare.search(q); }, slowest);
        std::cerr << "lectern p50 " << fmt(ours.p50, 3) << " p99 " << fmt(ours.p99, 3)
                  << "; bare p50 " << fmt(floor.p50, 3) << " p99 " << fmt(floor.p99, 3) << '\n';
        return 0;
    }

    auto start = Clock::now();
    double parse_ms = 0, lectern_full_ms = 0, lectern_index_ms = 0, fts_ms = 0;
    const auto per_s = [&](double ms) { return static_cast<double>(docs) / (ms / 1000.0); };
    std::optional<Fts5> fts;
    if (!reindex_only) {
        // Full indexing, `index_rounds` times, medians reported: reading and parsing the files
        // (shared by every engine), then Lectern's whole rebuild (parse + index) and FTS5's
        // insert of the same documents' text into a new file. The files are read once before
        // the first timed parse, so that the parse subtracted from Lectern's update finds them
        // in the page cache, as the update's own reading does.
        {
            Diagnostics warm;
            content::Space::load(root, warm);
        }
        std::vector<double> parses, fulls, parts, inserts;
        for (int round = 0; round < index_rounds; ++round) {
            start = Clock::now();
            Diagnostics problems;
            const content::Space space = content::Space::load(root, problems);
            parses.push_back(ms_since(start));
            if (space.documents().size() != docs) {
                std::cerr << "loaded " << space.documents().size() << " of " << docs
                          << " documents\n";
                for (std::size_t i = 0; i < std::min<std::size_t>(5, problems.items().size());
                     ++i) {
                    std::cerr << problems.items()[i].to_string() << '\n';
                }
                return 2;
            }
            search::UpdateOptions rebuild;
            rebuild.rebuild = true;
            start = Clock::now();
            search::update_index({root, index}, rebuild);
            fulls.push_back(ms_since(start));
            parts.push_back(fulls.back() - parses.back());
            fts.reset();
            start = Clock::now();
            fts.emplace(work / ("fts5-" + std::to_string(docs) + ".sqlite"));
            fts->insert_all(space);
            inserts.push_back(ms_since(start));
            std::cerr << "round " << round + 1 << ": parse " << fmt(parses.back())
                      << " ms; lectern full " << fmt(fulls.back()) << " ms, index part "
                      << fmt(per_s(parts.back()), 0) << " docs/s; fts5 " << fmt(inserts.back())
                      << " ms (" << fmt(per_s(inserts.back()), 0) << " docs/s)\n";
        }
        parse_ms = median(parses);
        lectern_full_ms = median(fulls);
        lectern_index_ms = median(parts);
        fts_ms = median(inserts);
        std::cerr << "medians: parse " << fmt(parse_ms) << " ms; lectern full "
                  << fmt(lectern_full_ms) << " ms (" << fmt(per_s(lectern_full_ms), 0)
                  << " docs/s), index part " << fmt(per_s(lectern_index_ms), 0) << " docs/s; fts5 "
                  << fmt(fts_ms) << " ms (" << fmt(per_s(fts_ms), 0) << " docs/s)\n";
    }

    // Queries.
    Latency ours, floor, sqlite, rg;
    if (!index_only) {
        const auto queries = bench::make_queries(query_count, 7);
        ours = time_lectern(queries, index, slowest);
        BareXapian bare(index);
        floor = time_queries(queries, [&](const std::string& q) { return bare.search(q); });
        sqlite = time_queries(queries, [&](const std::string& q) { return fts->search(q); });
        std::vector<std::string> rg_queries;
        for (std::size_t i = 0; i < queries.size() && rg_queries.size() < rg_count;
             i += queries.size() / rg_count + 1) {
            rg_queries.push_back(queries[i]);
        }
        rg = time_queries(rg_queries, [&](const std::string& q) { return ripgrep(root, q) + 1; });
        for (const auto& [name, l] : {std::pair{"lectern", ours},
                                      {"bare xapian", floor},
                                      {"fts5", sqlite},
                                      {"ripgrep", rg}}) {
            std::cerr << name << ": p50 " << fmt(l.p50, 3) << " ms, p99 " << fmt(l.p99, 3)
                      << " ms over " << l.n << " queries\n";
        }
    }

    // Re-indexing after 10 documents change: committed (the agent's clone after a sync) and
    // edited in the work tree (a trainer), `rounds` rounds each.
    std::vector<double> synced, edited;
    for (int round = 0; round < rounds; ++round) {
        bench::touch_documents(root, 10, 100 + round);
        sh(git(root, "commit -q -a -m round"));
        search::UpdateOptions after_sync;
        after_sync.include_uncommitted = false;
        start = Clock::now();
        const auto r = search::update_index({root, index}, after_sync);
        synced.push_back(ms_since(start));
        if (r.changed.size() != 10)
            std::cerr << "expected 10 changed, got " << r.changed.size() << '\n';
    }
    for (int round = 0; round < rounds; ++round) {
        bench::touch_documents(root, 10, 200 + round);
        start = Clock::now();
        search::update_index({root, index});
        edited.push_back(ms_since(start));
        sh(git(root, "commit -q -a -m edit"));
    }
    search::update_index({root, index});
    std::cerr << "re-index 10 docs: after sync " << fmt(median(synced))
              << " ms, with work-tree scan " << fmt(median(edited)) << " ms\n";

    std::ostringstream rows;
    if (!index_only)
        rows << "| " << docs << " | " << fmt(ours.p50, 3) << " | " << fmt(ours.p99, 3) << " | "
             << fmt(floor.p50, 3) << " | " << fmt(floor.p99, 3) << " | " << fmt(sqlite.p50, 3)
             << " | " << fmt(sqlite.p99, 3) << " | " << fmt(rg.p50, 1) << " | " << fmt(rg.p99, 1)
             << " | " << fmt(ours.p99 / sqlite.p99) << "× | " << fmt(ours.p99 / floor.p99) << "× | "
             << fmt(rg.p50 / ours.p50, 0) << "× |\n";
    if (!reindex_only)
        rows << "INDEX| " << docs << " | " << fmt(per_s(lectern_full_ms), 0) << " | "
             << fmt(per_s(lectern_index_ms), 0) << " | " << fmt(per_s(fts_ms), 0) << " | "
             << fmt(per_s(lectern_index_ms) / per_s(fts_ms)) << "× | " << fmt(median(synced), 1)
             << " | " << fmt(median(edited), 1) << " |\n";
    std::cout << rows.str();
    if (!rows_file.empty()) std::ofstream(rows_file, std::ios::app) << rows.str();
    return 0;
}
