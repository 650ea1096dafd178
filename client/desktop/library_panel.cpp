#include "library_panel.hpp"

#include <wx/intl.h>
#include <wx/log.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

// Letters typed within this time of each other make one prefix for type-ahead.
constexpr std::chrono::milliseconds kTypeAheadPause{1000};

using MadeGroups = std::vector<std::pair<std::size_t, std::vector<LibraryEntry>>>;

}  // namespace

LibraryPanel::LibraryPanel(wxWindow* parent) : wxPanel(parent) {
    auto* label = new wxStaticText(this, wxID_ANY, _("&Library"));
    list_ = new LibraryList(this, [this](std::size_t row) { return look_of(row); });
    list_->SetName("library");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxLEFT | wxTOP | wxBOTTOM, 6);
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    list_->Bind(wxEVT_KEY_DOWN, &LibraryPanel::on_key, this);
    list_->Bind(wxEVT_CHAR, &LibraryPanel::on_char, this);
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        if (list_->GetSelection() != wxNOT_FOUND)
            activate(static_cast<std::size_t>(list_->GetSelection()));
    });
}

void LibraryPanel::show(const wxString& space_title, std::vector<LibraryGroup> groups) {
    const bool same_space = space_title == space_title_ && groups.size() == groups_.size();
    const auto keep = same_space ? selected() : std::nullopt;
    std::vector<bool> open(groups.size(), false);
    MadeGroups kept;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!groups[g].make_entries) {
            open[g] = true;
        } else if (same_space && open_[g]) {
            // Open: its rows stay as they were until the new ones are made.
            open[g] = true;
            groups[g].entries = std::move(groups_[g].entries);
        }
    }
    space_title_ = space_title;
    groups_ = std::move(groups);
    open_ = std::move(open);
    const std::uint64_t generation = ++generation_;
    std::vector<std::pair<std::size_t, std::function<std::vector<LibraryEntry>()>>> to_make;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        if (groups_[g].make_entries) to_make.emplace_back(g, groups_[g].make_entries);
    }
    if (!to_make.empty()) {
        background_.run<MadeGroups>(
            [to_make] {
                MadeGroups made;
                for (const auto& [group, make] : to_make) made.emplace_back(group, make());
                return made;
            },
            [this, generation](MadeGroups& entries) { made(generation, entries); },
            [](const std::string& message) {
                wxLogError(_("The library could not list the documents: %s"), to_wx(message));
            });
    }
    relist(keep);
}

void LibraryPanel::made(std::uint64_t generation, MadeGroups& made) {
    if (generation != generation_) return;  // shown anew since: its own are being made
    const auto keep = selected();
    for (auto& [group, entries] : made) {
        groups_[group].entries = std::move(entries);
        groups_[group].make_entries = nullptr;
    }
    relist(keep);
    if (pending_select_) {
        const Location where = *pending_select_;
        pending_select_.reset();
        select(where);
    }
}

RowLook LibraryPanel::look_of(std::size_t row) const {
    RowLook look;
    if (row >= rows_.size()) return look;
    const LibraryRow& at = rows_[row];
    look.label = row_label(at, groups_, space_title_);
    switch (at.kind) {
        case LibraryRow::Kind::Space:
            look.bold = true;
            break;
        case LibraryRow::Kind::Group: {
            const auto& group = groups_[at.group];
            look.level = 1;
            look.bold = true;
            if (group.size > 0) {
                look.expander =
                    open_[at.group] ? RowLook::Expander::Open : RowLook::Expander::Closed;
                look.note = wxNumberFormatter::ToString(static_cast<long>(group.size));
            }
            break;
        }
        case LibraryRow::Kind::Entry: {
            const auto& entry = groups_[at.group].entries[at.entry];
            look.level = 2;
            look.warning = entry.stale || entry.asks_signature;
            break;
        }
    }
    return look;
}

std::optional<LibraryPanel::Selected> LibraryPanel::selected() const {
    const int row = list_->GetSelection();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= rows_.size()) return std::nullopt;
    const LibraryRow& at = rows_[static_cast<std::size_t>(row)];
    Selected out{at.kind, at.group, std::nullopt};
    if (at.kind == LibraryRow::Kind::Entry) out.target = groups_[at.group].entries[at.entry].target;
    return out;
}

void LibraryPanel::relist(const std::optional<Selected>& keep) {
    std::vector<bool> shown(open_.size());
    for (std::size_t g = 0; g < open_.size(); ++g) shown[g] = open_[g];
    rows_ = library_rows(groups_, shown);
    list_->set_row_count(rows_.size());
    if (!keep) {
        list_->SetSelection(wxNOT_FOUND);
        return;
    }
    std::optional<std::size_t> row;
    if (keep->target) row = row_of(rows_, groups_, *keep->target);
    if (!row && keep->kind != LibraryRow::Kind::Space) {
        for (std::size_t i = 0; i < rows_.size() && !row; ++i) {
            if (rows_[i].kind == LibraryRow::Kind::Group && rows_[i].group == keep->group) row = i;
        }
    }
    select_row(row.value_or(0));
}

void LibraryPanel::select_row(std::size_t row) {
    if (row >= rows_.size()) return;
    list_->SetSelection(static_cast<int>(row));
    if (!list_->IsRowVisible(row)) list_->ScrollToRow(row);
}

void LibraryPanel::set_open(std::size_t group, bool open) {
    if (group >= open_.size() || open_[group] == open) return;
    const auto keep = selected();
    open_[group] = open;
    relist(keep);
}

void LibraryPanel::activate(std::size_t row) {
    if (row >= rows_.size()) return;
    const LibraryRow& at = rows_[row];
    if (at.kind == LibraryRow::Kind::Entry) {
        if (on_open_) on_open_(groups_[at.group].entries[at.entry].target);
    } else if (at.kind == LibraryRow::Kind::Group) {
        set_open(at.group, !open_[at.group]);
    }
}

void LibraryPanel::on_key(wxKeyEvent& event) {
    const int selection = list_->GetSelection();
    const bool typing =
        !typed_.empty() && std::chrono::steady_clock::now() - typed_at_ < kTypeAheadPause;
    if (event.HasAnyModifiers() && event.GetKeyCode() != WXK_TAB) {
        event.Skip();
        return;
    }
    switch (event.GetKeyCode()) {
        case WXK_TAB:
            // The list takes every key (wxWANTS_CHARS): Tab moves on as in any other pane.
            list_->Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward
                                              : wxNavigationKeyEvent::IsForward);
            return;
        case WXK_RETURN:
        case WXK_NUMPAD_ENTER:
            if (selection != wxNOT_FOUND) activate(static_cast<std::size_t>(selection));
            return;
        case WXK_SPACE:
            if (typing) {
                type_ahead(' ');
                return;
            }
            break;
        case WXK_RIGHT:
        case WXK_NUMPAD_RIGHT:
            if (selection == wxNOT_FOUND) return;
            if (const LibraryRow& at = rows_[static_cast<std::size_t>(selection)];
                at.kind == LibraryRow::Kind::Group && groups_[at.group].size > 0) {
                if (!open_[at.group]) {
                    set_open(at.group, true);
                } else if (static_cast<std::size_t>(selection) + 1 < rows_.size() &&
                           rows_[static_cast<std::size_t>(selection) + 1].kind ==
                               LibraryRow::Kind::Entry) {
                    select_row(static_cast<std::size_t>(selection) + 1);
                }
            } else if (at.kind == LibraryRow::Kind::Space && rows_.size() > 1) {
                select_row(1);
            }
            return;
        case WXK_LEFT:
        case WXK_NUMPAD_LEFT: {
            if (selection == wxNOT_FOUND) return;
            const LibraryRow& at = rows_[static_cast<std::size_t>(selection)];
            if (at.kind == LibraryRow::Kind::Group && open_[at.group] &&
                groups_[at.group].size > 0) {
                set_open(at.group, false);
            } else if (at.kind != LibraryRow::Kind::Space) {
                // Up to the row this one is under: the group, or the space.
                std::size_t up = static_cast<std::size_t>(selection);
                const auto parent = at.kind == LibraryRow::Kind::Entry ? LibraryRow::Kind::Group
                                                                       : LibraryRow::Kind::Space;
                while (up > 0 && rows_[up].kind != parent) --up;
                select_row(up);
            }
            return;
        }
        default:
            break;
    }
    event.Skip();  // arrows, Home/End, Page Up/Down: the list's own
}

void LibraryPanel::on_char(wxKeyEvent& event) {
    const wxChar typed = event.GetUnicodeKey();
    if (typed == WXK_NONE || typed < 32 || (event.GetModifiers() & ~wxMOD_SHIFT) != 0) {
        event.Skip();
        return;
    }
    type_ahead(typed);
}

void LibraryPanel::type_ahead(wxChar typed) {
    const auto now = std::chrono::steady_clock::now();
    if (now - typed_at_ >= kTypeAheadPause) typed_.clear();
    typed_at_ = now;
    typed_ += typed;
    const int selection = list_->GetSelection();
    const std::size_t from = selection == wxNOT_FOUND ? 0 : static_cast<std::size_t>(selection);
    // One letter moves on to the next row that starts with it; more letters stay on the row
    // while it still matches.
    if (auto row =
            row_starting_with(rows_, groups_, space_title_, from, typed_, typed_.length() > 1))
        select_row(*row);
}

void LibraryPanel::select(const Location& where) {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        if (groups_[g].make_entries && groups_[g].lists && groups_[g].lists(where)) {
            pending_select_ = where;  // selected when its entries are made
            return;
        }
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        for (const auto& entry : groups_[g].entries) {
            if (entry.target != where) continue;
            if (!open_[g]) {
                open_[g] = true;
                relist(std::nullopt);
            }
            if (auto row = row_of(rows_, groups_, where)) select_row(*row);
            return;
        }
    }
}

wxString LibraryPanel::label_of(const Location& where) const {
    auto label_in = [&where](const std::vector<LibraryEntry>& entries) -> wxString {
        for (const auto& entry : entries) {
            if (entry.target == where) return entry.label;
        }
        return {};
    };
    for (const auto& group : groups_) {
        // A group whose entries are being made makes them here too (tests ask; the window
        // does not).
        const wxString label = !group.make_entries  ? label_in(group.entries)
                               : group.lists(where) ? label_in(group.make_entries())
                                                    : wxString();
        if (!label.empty()) return label;
    }
    return {};
}

void LibraryPanel::focus_rows() {
    list_->SetFocus();
    if (list_->GetSelection() == wxNOT_FOUND && !rows_.empty()) select_row(0);
}

bool LibraryPanel::group_open(std::size_t group) const {
    return group < groups_.size() && open_[group] && !groups_[group].make_entries;
}

wxString LibraryPanel::selected_label() const {
    const int row = list_->GetSelection();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= rows_.size()) return {};
    return row_label(rows_[static_cast<std::size_t>(row)], groups_, space_title_);
}

std::optional<Location> LibraryPanel::selected_target() const {
    const auto at = selected();
    return at ? at->target : std::nullopt;
}

wxWindow& LibraryPanel::rows_window() {
    return *list_;
}

}  // namespace lectern::desktop
