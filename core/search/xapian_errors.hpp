#pragma once
// Xapian's exceptions turned into lectern::Error at the edge of core/search (internal).

#include <string_view>

#include <xapian.h>

#include "common/error.hpp"

namespace lectern::search {

/// True for errors that mean the database on disk cannot be used as it is (damaged,
/// another format, not a database at all): the cure is a rebuild.
bool means_rebuild(const Xapian::Error& e);

/// An Error saying what we were doing and what Xapian said.
Error xapian_error(const Xapian::Error& e, std::string_view doing);

}  // namespace lectern::search
