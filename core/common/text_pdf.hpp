#pragma once
// A minimal PDF of plain text pages (PDF 1.4, the standard Courier font, no images), enough for
// a report an auditor prints or files. Written here rather than with a library: the format of
// a text-only PDF is a few objects and a cross-reference table.

#include <string>
#include <vector>

namespace lectern {

struct TextPdfOptions {
    std::string title;  ///< the document's Title in its information dictionary
    std::size_t lines_per_page = 58;
    double font_size = 8;  ///< points; A4 landscape holds 150 columns at 8 pt
};

/// The bytes of a PDF showing `lines` in order, top to bottom, page after page, each page
/// with a "page N of M" footer. Characters outside Latin-1 print as '?' (the standard fonts
/// have no others); lines longer than a page is wide are cut with a '…'-like '>'.
std::string text_pdf(const std::vector<std::string>& lines, const TextPdfOptions& options = {});

}  // namespace lectern
