#include "common/text_pdf.hpp"

#include <cstdio>

#include "common/text.hpp"

namespace lectern {

namespace {

constexpr double kPageWidth = 842;  // A4 landscape, points
constexpr double kPageHeight = 595;
constexpr double kMargin = 36;

// A PDF literal string in WinAnsiEncoding (Latin-1 for our purposes), escaped.
std::string pdf_string(std::string_view utf8, std::size_t max_columns) {
    std::string out = "(";
    std::size_t columns = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = decode_utf8(utf8, i);
        if (columns == max_columns) {
            out += '>';
            break;
        }
        ++columns;
        if (cp == '(' || cp == ')' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += ' ';
        } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp > 0xff) {
            out += '?';
        } else {
            out += static_cast<char>(static_cast<unsigned char>(cp));
        }
    }
    return out + ")";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

}  // namespace

std::string text_pdf(const std::vector<std::string>& lines, const TextPdfOptions& options) {
    const std::size_t per_page = options.lines_per_page ? options.lines_per_page : 58;
    const std::size_t pages = lines.empty() ? 1 : (lines.size() + per_page - 1) / per_page;
    const double leading = options.font_size * 1.25;
    // Courier's glyphs are 0.6 em wide.
    const auto columns =
        static_cast<std::size_t>((kPageWidth - 2 * kMargin) / (options.font_size * 0.6));

    std::vector<std::string> objects;  // object i+1
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("");  // the page tree, filled in once the pages have numbers
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding "
        "/WinAnsiEncoding >>");
    objects.push_back("<< /Title " + pdf_string(options.title, 200) + " /Producer (Lectern) >>");
    std::string kids;
    for (std::size_t p = 0; p < pages; ++p) {
        std::string content = "BT /F1 " + number(options.font_size) + " Tf " + number(leading) +
                              " TL " + number(kMargin) + " " +
                              number(kPageHeight - kMargin - options.font_size) + " Td\n";
        for (std::size_t i = p * per_page; i < std::min(lines.size(), (p + 1) * per_page); ++i)
            content += pdf_string(lines[i], columns) + " Tj T*\n";
        content +=
            "ET\nBT /F1 " + number(options.font_size) + " Tf " + number(kMargin) + " " +
            number(kMargin / 2) + " Td " +
            pdf_string("page " + std::to_string(p + 1) + " of " + std::to_string(pages), columns) +
            " Tj ET\n";
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "endstream");
        const std::size_t content_number = objects.size();
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(kPageWidth) +
                          " " + number(kPageHeight) +
                          "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(content_number) + " 0 R >>");
        kids += std::to_string(objects.size()) + " 0 R ";
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";

    // The binary comment line tells transfer tools the file is not plain text.
    std::string pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace lectern
