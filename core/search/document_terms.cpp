#include "search/document_terms.hpp"

#include <nlohmann/json.hpp>

#include "content/document_view.hpp"
#include "lesson/transcript.hpp"
#include "render/markdown.hpp"
#include "search/catalog.hpp"
#include "search/document_record.hpp"
#include "search/terms.hpp"
#include "search/words.hpp"

namespace lectern::search {

namespace {

// Positions between fields, so that a phrase never spans the end of one and the start of
// the next.
constexpr Xapian::termpos kFieldGap = 100;

// Xapian refuses terms over 245 bytes; a path that long still needs a unique key.
std::string bounded_term(std::string_view prefix, std::string_view value) {
    std::string term = std::string(prefix) + std::string(value);
    if (term.size() > 240) term.resize(240);
    return term;
}

// A lesson's steps: each chapter's time and caption, and the transcript paragraphs whose
// time marker falls in it (text before the first marker belongs to no step).
std::vector<StepRecord> lesson_steps(const content::Document& doc) {
    std::vector<StepRecord> steps;
    if (doc.type != content::DocumentType::Lesson || !doc.front_matter) return steps;
    auto it = doc.front_matter->find("chapters");
    if (it == doc.front_matter->end() || !it->is_array()) return steps;
    std::vector<double> starts;
    for (const auto& chapter : *it) {
        if (!chapter.is_object()) continue;
        StepRecord step;
        step.at = chapter.value("at", 0.0);
        step.caption = chapter.value("title", std::string());
        starts.push_back(step.at);
        steps.push_back(std::move(step));
    }
    if (steps.empty()) return steps;
    for (const auto& part : lesson::transcript_parts(doc.body)) {
        if (part.at < 0) continue;
        auto& text = steps[lesson::chapter_at(starts, part.at)].text;
        text += render::extract_text(part.text);
        text += ' ';
    }
    return steps;
}

}  // namespace

DocumentTerms::Forms& DocumentTerms::forms(std::string_view word) {
    if (auto it = cache_->find(word); it != cache_->end()) return it->second;
    Forms f;
    const std::string lower = lower_word(word);
    f.term = normalize_word(lower);
    // Stems come from the word as written: stemmers know their language's diacritics.
    if (stemmer_ && !is_number(lower)) f.stem = normalize_word((*stemmer_)(lower));
    // A word that is its own stem ("call") gets no stem term: queries look its stem up as a
    // word too (query_builder.cpp), which finds the same documents. About half the stems of
    // a generated space are such words, and each term costs Xapian a posting per document.
    if (f.stem == f.term) f.stem.clear();
    if (spelling_ && terms::is_spelling_word(f.term)) f.spelling = &spelling_->entry(f.term);
    return cache_->emplace(std::string(word), std::move(f)).first->second;
}

// Words get their positions one by one (phrases need them); the stems of the body's fields
// (Z) are summed per word and added once per document at its end: a word's stem term would
// otherwise be looked up in the document's term map at each of its occurrences.
void DocumentTerms::add_text(std::string_view text, const Field& field) {
    const bool body = field.prefix.empty();
    for_each_word(text, [&](const Word& w) {
        Forms& f = forms(w.text);
        const std::string* term = &f.term;
        if (!body) term = &term_.assign(field.prefix).append(f.term);
        if (field.positions) {
            doc_->add_posting(*term, ++pos_, field.wdf);
        } else {
            doc_->add_term(*term, field.wdf);
        }
        if (f.spelling && body) SpellingCounts::count(*f.spelling, document_);
        if (f.stem.empty()) return;
        if (body) {
            if (f.stem_document != document_) {
                f.stem_document = document_;
                f.stem_wdf = 0;
                stems_.push_back(&f);
            }
            f.stem_wdf += field.wdf;
        } else {
            doc_->add_term(term_.assign(field.stem_prefix).append(f.stem), field.wdf);
        }
    });
    pos_ += kFieldGap;
}

void DocumentTerms::add_stems() {
    // The prefix is written once and only the stem after it replaced. Assigning the constant
    // prefix to a string also sets off GCC 12's false -Wrestrict at -O3
    // (https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329); constructing from it does not.
    std::string term(terms::kStem);
    for (const Forms* f : stems_) {
        term.resize(terms::kStem.size());
        term += f->stem;
        doc_->add_term(term, f->stem_wdf);
    }
    stems_.clear();
}

Xapian::Document DocumentTerms::make(const content::Document& doc,
                                     const render::SearchableText& text, const std::string& stamp) {
    Xapian::Document xd;
    doc_ = &xd;
    ++document_;
    cache_ = &caches_[doc.lang];
    stemmer_ = stemmers_.find(doc.lang);
    pos_ = 0;

    add_text(doc.title, {terms::kTitle, terms::kTitleStem, 1, true});
    add_text(doc.title, {"", terms::kStem, weights_.title, true});
    add_text(doc.summary, {"", terms::kStem, weights_.summary, true});
    add_text(text.text, {"", terms::kStem, 1, true});
    for (const auto& heading : text.headings) {
        add_text(heading.text, {"", terms::kStem, weights_.heading, false});
    }
    // Lessons: chapter captions and objectives are what a learner searches a video by.
    if (doc.front_matter) {
        const auto& fm = *doc.front_matter;
        if (auto it = fm.find("chapters"); it != fm.end() && it->is_array()) {
            for (const auto& chapter : *it) {
                if (chapter.is_object() && chapter.contains("title") &&
                    chapter["title"].is_string()) {
                    add_text(chapter["title"].get_ref<const std::string&>(),
                             {"", terms::kStem, weights_.caption, true});
                }
            }
        }
        if (auto it = fm.find("objectives"); it != fm.end() && it->is_array()) {
            for (const auto& objective : *it) {
                if (objective.is_string()) {
                    add_text(objective.get_ref<const std::string&>(),
                             {"", terms::kStem, weights_.caption, true});
                }
            }
        }
    }
    for (const auto& tag : doc.tags) {
        xd.add_boolean_term(bounded_term(terms::kTag, normalize_word(tag)));
        add_text(tag, {"", terms::kStem, weights_.tag, false});
    }
    add_text(doc.id, {"", terms::kStem, weights_.id, false});
    add_text(content::to_string(doc.type), {"", terms::kStem, 1, false});
    add_text(doc.path, {"", terms::kStem, weights_.path, false});
    add_stems();

    xd.add_boolean_term(bounded_term(terms::kType, content::to_string(doc.type)));
    const std::string lang = lower_word(doc.lang);
    xd.add_boolean_term(bounded_term(terms::kLang, lang));
    if (const std::string primary = primary_language(lang); primary != lang) {
        xd.add_boolean_term(bounded_term(terms::kLang, primary));
    }
    xd.add_boolean_term(bounded_term(terms::kId, doc.id));
    xd.add_boolean_term(bounded_term(terms::kPath, doc.path));
    xd.add_value(terms::kSlotPath, doc.path);
    if (!stamp.empty()) xd.add_value(terms::kSlotStamp, stamp);
    xd.add_value(terms::kSlotCatalog, catalog_entry(doc));

    xd.add_value(
        terms::kSlotRecord,
        serialize(DocumentRecord{doc.id, doc.title, std::string(content::to_string(doc.type)),
                                 doc.lang, doc.path, doc.blob_id, text.text, lesson_steps(doc)}));
    doc_ = nullptr;
    return xd;
}

}  // namespace lectern::search
