#include "search/xapian_errors.hpp"

#include <string>

namespace lectern::search {

namespace {

// Xapian::Error has no virtual functions, so no dynamic_cast: its classes say their names.
bool is(const Xapian::Error& e, std::string_view type) {
    return type == e.get_type();
}

}  // namespace

bool means_rebuild(const Xapian::Error& e) {
    // A lock is someone else writing, not damage: never rebuild (and delete) under them.
    // A modified database only needs reopening; a closed one was closed by us.
    if (is(e, "DatabaseLockError") || is(e, "DatabaseModifiedError") ||
        is(e, "DatabaseClosedError") || is(e, "DatabaseCreateError")) {
        return false;
    }
    // Corrupt, another version, not a database, unreadable blocks.
    return is(e, "DatabaseError") || is(e, "DatabaseCorruptError") ||
           is(e, "DatabaseOpeningError") || is(e, "DatabaseVersionError") ||
           is(e, "DatabaseNotFoundError") || is(e, "SerialisationError");
}

Error xapian_error(const Xapian::Error& e, std::string_view doing) {
    if (is(e, "DatabaseLockError")) {
        return Error(ErrorKind::Io, "another Lectern process is updating the search index (" +
                                        std::string(doing) +
                                        "); wait until it finishes and try again");
    }
    std::string message = "search failed while " + std::string(doing) + ": " +
                          std::string(e.get_type()) + ": " + e.get_msg();
    if (means_rebuild(e)) message += "; rebuild the index with `lectern index --rebuild`";
    return Error(ErrorKind::Library, message);
}

}  // namespace lectern::search
