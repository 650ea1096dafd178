#include "document_page.hpp"

#include <wx/intl.h>

#include "content/document_view.hpp"
#include "content/review.hpp"
#include "html_theme.hpp"
#include "labels.hpp"
#include "render/markdown.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

std::string text(const wxString& s) {
    return escape_html(from_wx(s));
}

std::string field(const wxString& name, const std::string& value) {
    return text(name) + " <b>" + escape_html(value) + "</b>";
}

std::string header_html(const content::Document& doc, std::string_view today) {
    std::string meta = text(type_label(doc.type));
    const std::string separator = " &nbsp;&middot;&nbsp; ";
    // TRANSLATORS: followed by the short id of the document's version, like "3f2a9c1".
    meta += separator + field(_("Version"), short_version(doc.blob_id));
    if (!doc.owner.empty()) meta += separator + field(_("Owner"), doc.owner);
    if (!doc.review_by.empty()) {
        meta += separator + field(_("Review by"), from_wx(local_date(doc.review_by)));
        if (content::is_stale(doc, today)) {
            meta += separator + "<font color=\"" + kWarningColour + "\"><b>" +
                    // TRANSLATORS: badge of a procedure whose review date has passed.
                    text(_("Stale: review overdue")) + "</b></font>";
        }
    }
    if (!doc.updated.empty())
        meta += separator + field(_("Updated"), from_wx(local_date(doc.updated)));
    std::string html = "<h1><font color=\"" + std::string(kHeadingColour) + "\">" +
                       escape_html(doc.title) + "</font></h1>";
    html += "<table width=\"100%\" cellpadding=\"6\" bgcolor=\"" + std::string(kPanelColour) +
            "\"><tr><td><font size=\"2\" color=\"" + kMutedColour + "\">" + meta +
            "</font></td></tr></table>";
    if (!doc.summary.empty()) html += "<p><i>" + escape_html(doc.summary) + "</i></p>";
    return html;
}

// Rows of the keyboard help: the key, then what it does.
template <std::size_t N>
std::string key_rows(const std::pair<const char*, wxString> (&keys)[N]) {
    std::string rows;
    for (const auto& [key, what] : keys) {
        rows += "<tr><td><b>" + escape_html(key) + "</b></td><td>" + text(what) + "</td></tr>";
    }
    return rows;
}

}  // namespace

std::vector<std::string> heading_anchors(const content::Document& doc) {
    std::vector<std::string> anchors;
    if (doc.type == content::DocumentType::Quiz) return anchors;
    for (const auto& h : render::outline(doc.body).headings) anchors.push_back(h.anchor);
    return anchors;
}

std::string document_body_html(const content::Space& space, const content::Document& doc) {
    return themed_body(content::document_html(space, doc), heading_anchors(doc));
}

std::string document_page_html(const content::Space& space, const content::Document& doc,
                               std::string_view today) {
    return page(header_html(doc, today) + document_body_html(space, doc));
}

std::string welcome_page_html(const content::Space& space) {
    std::string html = "<h1><font color=\"" + std::string(kHeadingColour) + "\">" +
                       escape_html(space.manifest().title) + "</font></h1>";
    html += "<p>" + text(_("Choose a document in the library, or search for one.")) + "</p>";
    html += "<table cellpadding=\"4\">";
    const std::pair<const char*, wxString> keys[] = {
        {"Ctrl+K, /", _("Search")},
        {"Ctrl+L", _("Library")},
        {"Ctrl+P", _("My path")},
        {"Ctrl+G", _("The documents this one links to")},
        {"Ctrl+H", _("The history of this document: versions and what changed")},
        {"1 - 9", _("The customer's answer, in a call script")},
        {"0", _("The whole script, in a call script")},
        {"Ctrl+Enter", _("Sign the procedure on screen, once read to the end")},
        {"F5", _("Sync now")},
        {"Alt+Left, Backspace", _("Back")},
        {"Esc", _("Cancel the sync under way; else back, or leave the search")},
    };
    html += key_rows(keys);
    html += "</table>";
    // TRANSLATORS: heading of the keys of the lesson window in the keyboard help.
    html += "<h3>" + text(_("In a lesson")) + "</h3><table cellpadding=\"4\">";
    const std::pair<const char*, wxString> lesson_keys[] = {
        {"← → ↑ ↓, Home, End", _("The previous or next step, the first or last")},
        {"1 - 9", _("Step 1 to 9")},
        {"Space", _("Play or pause the video from the step shown")},
        {"Enter", _("Once the lesson is completed: the passphrase that records it (signed)")},
        {"R", _("Trainers, in a space folder of their own: draw the regions to redact on the "
                "step shown")},
        {"Esc", _("Close the lesson")},
    };
    html += key_rows(lesson_keys);
    html += "</table>";
    // TRANSLATORS: heading of the keys of the redaction editor in the keyboard help.
    html += "<h3>" + text(_("In the redaction editor")) + "</h3><table cellpadding=\"4\">";
    const std::pair<const char*, wxString> redact_keys[] = {
        {"N", _("A new region in the middle of the picture (or drag with the mouse)")},
        {"← → ↑ ↓", _("Move the region (Ctrl: by one pixel)")},
        {"Shift+← → ↑ ↓", _("Make the region narrower, wider, lower, taller")},
        {"Tab, Shift+Tab", _("The next or previous region")},
        {"Delete", _("Remove the region")},
        {"B, P", _("Blur or pixelate the region")},
        {"Alt+F, Alt+T, Alt+Y, Alt+O", _("From, To, Style, Note of the region; Enter returns")},
        {"Ctrl+S", _("Save the regions into lesson.md")},
        {"Esc", _("Close the editor (twice when something is unsaved)")},
    };
    html += key_rows(redact_keys);
    html += "</table>";
    return page(html);
}

}  // namespace lectern::desktop
