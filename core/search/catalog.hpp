#pragma once
// What the index keeps of every document to list it without reading its file: the library of
// a front end that must be usable before the space's files are read. No Xapian types here.

#include <optional>
#include <string>
#include <vector>

#include "content/document.hpp"
#include "search/index_writer.hpp"

namespace lectern::search {

/// The documents of the space as last indexed, in index order, without their bodies: every
/// front-matter field of content::Document is filled in and `blob_id` is the version indexed,
/// but `body` is empty and `front_matter` holds every field only for quizzes and lessons (what
/// quiz gating and lesson progress read) and is an empty object for the others. A front end
/// reads a document's file when it opens it (content::Space::read_document).
/// Returns nullopt when `config`'s index is missing, of another format, incomplete or made for
/// another space folder: then update_index() first. Throws Error(Library) when it cannot be
/// read.
std::optional<std::vector<content::Document>> read_catalog(const IndexConfig& config);

/// The catalog entry of `doc` as the index stores it (internal: the index writer's).
std::string catalog_entry(const content::Document& doc);

}  // namespace lectern::search
