#pragma once
// Choosing what to sign: the document must be a procedure that asks for a sign-off, and the
// file must be exactly the version committed in the space's content (what the server has),
// so the record's blob id names the text the agent was shown.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/signing.hpp"

namespace lectern::content {
class Space;
class ContentRepository;
struct Document;
}  // namespace lectern::content

namespace lectern::ledger {

/// The server's name of the space whose content is the git working tree at `content_root`:
/// from the sync layout (…/spaces/<space>/content), else from the `origin` remote's URL
/// (<server>/<space>/content.git). nullopt when neither names one.
std::optional<std::string> space_name_of(const std::filesystem::path& content_root);

/// The document `id_or_path` ready to be signed. Throws Error(NotFound) when there is no such
/// document, Error(InvalidArgument) when it is not a procedure asking for a sign-off or its file
/// differs from the version committed at HEAD (a local edit: sync first).
DocumentToSign document_to_sign(const content::Space& space,
                                const content::ContentRepository& repository,
                                std::string_view space_name, std::string_view id_or_path);

/// `doc` as committed at HEAD, ready to be signed (a sign-off, a quiz attempt, a lesson
/// completion): nullopt when nothing is committed yet, or the file at HEAD is missing or differs
/// from the loaded `doc` (a local edit, not committed yet), so that a record always names the
/// published text the agent was shown.
std::optional<DocumentToSign> published_version(const content::ContentRepository& repository,
                                                std::string_view space_name,
                                                const content::Document& doc);

}  // namespace lectern::ledger
