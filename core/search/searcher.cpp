#include "search/searcher.hpp"

#include <xapian.h>

#include <optional>

#include "search/document_record.hpp"
#include "search/index_state.hpp"
#include "search/query_builder.hpp"
#include "search/snippet.hpp"
#include "search/stemmers.hpp"
#include "search/synonyms.hpp"
#include "search/terms.hpp"
#include "search/xapian_errors.hpp"

namespace lectern::search {

namespace fs = std::filesystem;

struct Searcher::Impl {
    fs::path dir;
    Xapian::Database db;
    IndexState state;
    SynonymTable synonyms;
    Stemmers stemmers;
    std::optional<Xapian::Enquire> enquire;  // made on the opened database

    void load_state() {
        state = read_state(db);
        synonyms = SynonymTable(state.synonyms);
        enquire.emplace(db);
    }

    // The first step of a lesson whose caption, else whose transcript, has a matched word.
    void locate_step(const DocumentRecord& record, const MatchedWords& matched, SearchHit& hit) {
        const Xapian::Stem* stemmer = stemmers.find(record.lang);
        for (int pass = 0; pass < 2 && hit.step < 0; ++pass) {
            for (std::size_t i = 0; i < record.steps.size(); ++i) {
                const auto& step = record.steps[i];
                if (mentions(pass == 0 ? step.caption : step.text, matched, stemmer)) {
                    hit.step = static_cast<int>(i);
                    hit.step_at = step.at;
                    hit.step_title = step.caption;
                    break;
                }
            }
        }
    }

    // Lets Xapian::Error through: the callers translate it, or rebuild.
    SearchResults run(const SearchRequest& request) {
        QueryContext context{db,       stemmers,         state.languages,
                             synonyms, request.spelling, request.synonyms};
        QueryPlan plan = build_query(request, context);
        SearchResults results;
        results.corrections = std::move(plan.corrections);
        results.corrected_query = std::move(plan.corrected_query);
        results.notes = std::move(plan.notes);
        if (plan.query.empty() || request.limit == 0) return results;

        enquire->set_query(plan.query);
        const Xapian::MSet mset = enquire->get_mset(static_cast<Xapian::doccount>(request.offset),
                                                    static_cast<Xapian::doccount>(request.limit));
        results.estimated_total = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto record = deserialize_record(it.get_document().get_value(terms::kSlotRecord));
            // Values carry no checksum of Xapian's: a record that does not read is damage,
            // which SpaceIndex answers by rebuilding the index and saying so.
            if (!record)
                throw Xapian::DatabaseCorruptError("the stored record of document " +
                                                   std::to_string(*it) + " does not read");
            SearchHit hit;
            hit.id = std::move(record->id);
            hit.title = std::move(record->title);
            hit.type = std::move(record->type);
            hit.path = std::move(record->path);
            hit.lang = std::move(record->lang);
            hit.version = std::move(record->version);
            hit.score = it.get_weight();
            hit.percent = it.get_percent();
            hit.snippet = make_snippet(record->text, plan.matched, stemmers.find(hit.lang),
                                       request.snippet_length, request.highlight);
            locate_step(*record, plan.matched, hit);
            results.hits.push_back(std::move(hit));
        }
        return results;
    }
};

Searcher::Searcher(const fs::path& index_dir) : impl_(std::make_unique<Impl>()) {
    impl_->dir = index_dir;
    std::error_code ec;
    if (!fs::exists(index_dir / "iamglass", ec)) {
        throw Error(ErrorKind::NotFound, "there is no search index at " + index_dir.string() +
                                             " yet: run `lectern index` to make one");
    }
    try {
        impl_->db = Xapian::Database(index_dir.string());
        impl_->load_state();
    } catch (const Xapian::Error& e) {
        throw xapian_error(e, "opening the index at " + index_dir.string());
    }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) {
    try {
        try {
            return impl_->run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer moved on while we read: catch up once and run the query again.
            impl_->db.reopen();
            impl_->load_state();
            return impl_->run(request);
        }
    } catch (const Xapian::Error& e) {
        throw xapian_error(e, "searching the index at " + impl_->dir.string());
    }
}

SearchResults Searcher::search_or_throw_xapian(const SearchRequest& request) {
    return impl_->run(request);
}

bool Searcher::reopen() {
    try {
        // Opened anew rather than Database::reopen(): a rebuild swaps in a new database
        // folder, which the open file handles would never see.
        Xapian::Database fresh(impl_->dir.string());
        if (fresh.get_uuid() == impl_->db.get_uuid() &&
            fresh.get_revision() == impl_->db.get_revision())
            return false;
        impl_->db = fresh;
        impl_->load_state();
        return true;
    } catch (const Xapian::Error& e) {
        throw xapian_error(e, "reopening the index at " + impl_->dir.string());
    }
}

std::string Searcher::commit() const {
    return impl_->state.commit;
}

std::size_t Searcher::document_count() const {
    try {
        return impl_->db.get_doccount();
    } catch (const Xapian::Error& e) {
        throw xapian_error(e, "reading the index at " + impl_->dir.string());
    }
}

}  // namespace lectern::search
