#include "content/review.hpp"

namespace lectern::content {

bool is_stale(const Document& doc, std::string_view today) {
    // ISO dates of the same length compare as strings; the schema checks their form.
    if (doc.review_by.size() != 10 || today.size() != 10) return false;
    return std::string_view(doc.review_by) < today;
}

}  // namespace lectern::content
