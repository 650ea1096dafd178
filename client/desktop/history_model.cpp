#include "history_model.hpp"

#include <fstream>
#include <sstream>

#include <wx/datetime.h>
#include <wx/intl.h>

#include "common/error.hpp"
#include "html_theme.hpp"
#include "labels.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

std::string text(const wxString& s) {
    return escape_html(from_wx(s));
}

// True when the line starting at `at` begins a Markdown block of its own (a list item, a
// heading, a quote, a table row, a blank line): the line break before it is kept. Other
// breaks inside a paragraph are the author's wrapping and read better as spaces.
bool starts_block(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    if (at >= text.size() || text[at] == '\n') return true;
    const char c = text[at];
    if (c == '#' || c == '>' || c == '|' || c == '-' || c == '*' || c == '+' || c == '`')
        return true;
    std::size_t digits = at;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    return digits > at && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
}

// Plain text as HTML (wxHtmlWindow's <pre> would not wrap): line breaks between blocks
// kept (and every break of the front matter, which ends at `front_matter_end`), breaks
// inside a paragraph as spaces. `all` is the whole text `part` belongs to,
// starting at `offset`, so a break can look at the next line even in the next run.
std::string text_html(std::string_view all, std::size_t offset, std::string_view part,
                      std::size_t front_matter_end) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const auto newline = part.find('\n', start);
        out += escape_html(part.substr(
            start, newline == std::string_view::npos ? std::string_view::npos : newline - start));
        if (newline == std::string_view::npos) break;
        const std::size_t next = offset + newline + 1;
        out += next <= front_matter_end || starts_block(all, next) ? "<br>\n" : " ";
        start = newline + 1;
    }
    return out;
}

VersionRow row_for(const content::DocumentVersion& v) {
    VersionRow row;
    row.version = v;
    row.date = local_date_time(v.time);
    row.label = to_wx(short_version(v.blob_id));
    row.message = to_wx(v.summary);
    // TRANSLATORS: after a version's message in the History list: a typo fix that needs
    // no new sign-off.
    if (v.minor) row.message += " " + wxString(_("(minor change)"));
    return row;
}

std::string describe(const VersionRow& row) {
    return text(row.label) + " (" + text(row.uncommitted ? row.message : row.date) + ")";
}

}  // namespace

wxString local_date_time(std::int64_t seconds_since_epoch) {
    const wxDateTime when(static_cast<time_t>(seconds_since_epoch));
    return when.FormatDate() + " " + when.Format("%H:%M");
}

DocumentHistory load_document_history(const content::Space& space, const content::Document& doc) {
    DocumentHistory history;
    auto repo = content::ContentRepository::open(space.root());
    if (!repo) {
        history.note =
            _("This content is a plain folder, not a git repository: it has no history.");
    } else {
        for (const auto& v : repo->history(doc.path)) history.rows.push_back(row_for(v));
    }
    if (repo && (history.rows.empty() || history.rows.front().version.blob_id != doc.blob_id)) {
        VersionRow copy;
        copy.version.blob_id = doc.blob_id;
        copy.version.path = doc.path;
        copy.uncommitted = true;
        copy.label = to_wx(short_version(doc.blob_id));
        // TRANSLATORS: a version in the History list: the file as it is on disk now.
        copy.message = _("On this computer, not committed");
        copy.date = _("now");
        history.rows.insert(history.rows.begin(), std::move(copy));
    }
    return history;
}

std::string version_text(const std::filesystem::path& space_root, const VersionRow& row) {
    if (row.uncommitted) {
        std::ifstream in(space_root / row.version.path, std::ios::binary);
        if (!in) throw Error(ErrorKind::Io, "cannot read " + row.version.path);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }
    auto repo = content::ContentRepository::open(space_root);
    std::optional<std::string> bytes;
    if (repo) bytes = repo->read_blob(row.version.blob_id);
    if (!bytes) {
        throw Error(ErrorKind::NotFound,
                    "version " + row.version.blob_id +
                        " is not in the content repository; sync and try again");
    }
    return *bytes;
}

std::string diff_page_html(const std::vector<content::DiffRun>& runs, const VersionRow& older,
                           const VersionRow& newer) {
    const auto stats = content::word_diff_stats(runs);
    std::string html = "<h3><font color=\"" + std::string(kHeadingColour) + "\">" +
                       // TRANSLATORS: heading of the diff view: "Changes from VERSION to VERSION".
                       text(wxString::Format(_("Changes from %s to %s"), "\x01", "\x02")) +
                       "</font></h3>";
    // The versions are put in after translating and escaping: they hold HTML of their own.
    const auto put = [&html](const char* placeholder, const std::string& value) {
        if (auto at = html.find(placeholder); at != std::string::npos) html.replace(at, 1, value);
    };
    put("\x01", describe(older));
    put("\x02", describe(newer));
    const int inserted = static_cast<int>(stats.inserted_words);
    const int deleted = static_cast<int>(stats.deleted_words);
    wxString summary;
    if (inserted == 0 && deleted == 0) {
        summary = _("The texts are the same.");
    } else {
        summary =
            wxString::Format(wxPLURAL("%d word inserted", "%d words inserted", inserted),
                             inserted) +
            ", " +
            wxString::Format(wxPLURAL("%d word deleted", "%d words deleted", deleted), deleted);
    }
    html += "<table width=\"100%\" cellpadding=\"6\" bgcolor=\"" + std::string(kPanelColour) +
            "\"><tr><td><font size=\"2\" color=\"" + kMutedColour + "\">" + text(summary) +
            " &nbsp;&middot;&nbsp; <span style=\"background-color: #d5efd0\"><u>" +
            // TRANSLATORS: legend of the diff view.
            text(_("inserted")) +
            "</u></span> &nbsp; <span style=\"background-color: #f6d5d5\"><del>" +
            text(_("deleted")) + "</del></span></font></td></tr></table><p>";
    // Both texts' runs in one string, so a line break can see the line after it.
    std::string all;
    for (const auto& run : runs) all += run.text;
    std::size_t front_matter_end = 0;
    if (all.starts_with("---\n")) {
        const auto end = all.find("\n---", 3);
        if (end != std::string::npos) front_matter_end = end + 1;
    }
    bool anchored = false;
    std::size_t offset = 0;
    content::DiffOp previous = content::DiffOp::Equal;
    for (const auto& run : runs) {
        if (run.op != content::DiffOp::Equal && !anchored) {
            html += std::string("<a name=\"") + kFirstChangeAnchor + "\"></a>";
            anchored = true;
        }
        const std::string body = text_html(all, offset, run.text, front_matter_end);
        offset += run.text.size();
        switch (run.op) {
            case content::DiffOp::Equal:
                html += body;
                break;
            case content::DiffOp::Insert:
                // "5" replaced by "10" would read "510" without a gap between them.
                if (previous == content::DiffOp::Delete) html += "&nbsp;";
                html += "<span style=\"background-color: #d5efd0\"><font color=\"#1d5c1d\"><u>" +
                        body + "</u></font></span>";
                break;
            case content::DiffOp::Delete:
                html += "<span style=\"background-color: #f6d5d5\"><font color=\"" +
                        std::string(kWarningColour) + "\"><del>" + body + "</del></font></span>";
                break;
        }
        previous = run.op;
    }
    html += "</p>";
    return page(html);
}

}  // namespace lectern::desktop
