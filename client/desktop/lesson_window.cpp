#include "lesson_window.hpp"

#include <cmath>

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/image.h>
#include <wx/listbox.h>
#include <wx/log.h>
#include <wx/mediactrl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/error.hpp"
#include "common/log.hpp"
#include "content/history.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_document.hpp"
#include "ledger/signoff_status.hpp"
#include "lesson/completion_records.hpp"
#include "lesson/video_info.hpp"
#include "lesson/viewing_store.hpp"
#include "media_support.hpp"
#include "unlocker.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

const char* const kWindowName = "lesson-window";

std::optional<std::filesystem::path> progress_file(const std::string& space_name,
                                                   const std::string& lesson_id) {
    if (space_name.empty()) return std::nullopt;
    try {
        return lesson::viewing_file(space_name, lesson_id);
    } catch (const Error&) {
        return std::nullopt;
    }
}

std::string space_name_of(const content::Space& space) {
    try {
        return ledger::space_name_of(space.root()).value_or("");
    } catch (const Error&) {
        return {};
    }
}

wxString no_player_message() {
    return _(
        "This computer has no media player for the video (GStreamer's plugins: "
        "gstreamer1.0-plugins-good and gstreamer1.0-libav). The storyboard shows every "
        "step.");
}

}  // namespace

/// A key frame scaled to fit, with the part of the screen that changed outlined.
class StepPicture : public wxWindow {
  public:
    explicit StepPicture(wxWindow* parent) : wxWindow(parent, wxID_ANY) {
        SetName("lesson-frame");
        SetCanFocus(false);  // Tab goes from the chapters straight to the completion bar
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetMinSize(wxSize(320, 180));
        Bind(wxEVT_PAINT, &StepPicture::on_paint, this);
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            Refresh();
            e.Skip();
        });
    }
    bool AcceptsFocus() const override { return false; }

    void show(const std::filesystem::path& file, std::optional<lesson::Box> box) {
        image_ = wxImage();
        if (!file.empty() && std::filesystem::exists(file)) {
            wxLogNull quiet;  // a damaged frame shows as missing, not as a dialog
            image_.LoadFile(file.string());
        }
        box_ = box;
        Refresh();
    }
    bool has_image() const { return image_.IsOk(); }

  private:
    void on_paint(wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(wxBrush(wxColour(40, 40, 40)));
        dc.Clear();
        const wxSize area = GetClientSize();
        if (!image_.IsOk()) {
            dc.SetTextForeground(*wxWHITE);
            // TRANSLATORS: shown where a step's key frame picture should be.
            dc.DrawLabel(_("No picture for this step"), wxRect(area), wxALIGN_CENTER);
            return;
        }
        const double scale =
            std::min(double(area.x) / image_.GetWidth(), double(area.y) / image_.GetHeight());
        if (scale <= 0) return;
        const int w = std::max(1, int(image_.GetWidth() * scale));
        const int h = std::max(1, int(image_.GetHeight() * scale));
        const int x = (area.x - w) / 2, y = (area.y - h) / 2;
        dc.DrawBitmap(wxBitmap(image_.Scale(w, h, wxIMAGE_QUALITY_BILINEAR)), x, y);
        if (box_ && !box_->empty()) {
            dc.SetPen(wxPen(wxColour(255, 140, 0), 3));
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            dc.DrawRectangle(x + int(box_->x * scale), y + int(box_->y * scale),
                             std::max(4, int(box_->width * scale)),
                             std::max(4, int(box_->height * scale)));
        }
    }

    wxImage image_;
    std::optional<lesson::Box> box_;
};

LessonWindow::LessonWindow(wxWindow* parent, std::shared_ptr<const content::Space> space,
                           LessonStoryboard lesson, int step, std::function<void()> on_recorded)
    : wxFrame(parent, wxID_ANY, to_wx(lesson.title), wxDefaultPosition, wxSize(1000, 700),
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT, kWindowName),
      space_(std::move(space)),
      lesson_(std::move(lesson)),
      check_(check_video(lesson_.video, space_name_of(*space_))),
      tracker_(lesson_, progress_file(space_name_of(*space_), lesson_.id)),
      space_name_(space_name_of(*space_)),
      on_recorded_(std::move(on_recorded)),
      editing_(lesson::region_editing(space_->root(), lesson_.file)),
      timer_(this) {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_JPEG)) wxInitAllImageHandlers();
    build();
    set_up_player();
    Bind(wxEVT_CHAR_HOOK, &LessonWindow::on_char_hook, this);
    Bind(wxEVT_TIMER, &LessonWindow::on_timer, this, timer_.GetId());
    load_deadline_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (player_ == Player::Loading)
            player_unavailable(
                _("The video did not open: the file may be damaged, or this "
                  "computer lacks its codec (gstreamer1.0-libav). The storyboard "
                  "shows every step."));
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        timer_.Stop();
        tracker_.stopped();
        e.Skip();
    });
    show_step(std::clamp(step, 0, std::max(0, int(lesson_.steps.size()) - 1)));
    refresh_completion();
    list_->SetFocus();
}

LessonWindow::~LessonWindow() {
    timer_.Stop();
    load_deadline_.Stop();
    tracker_.stopped();
}

void LessonWindow::build() {
    auto* root = new wxPanel(this);
    list_ = new wxListBox(root, wxID_ANY);
    list_->SetName("lesson-chapters");
    list_->SetMinSize(wxSize(240, -1));
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { go_to(e.GetSelection()); });
    // Enter in the list (the list takes it before any key hook): once the lesson may be
    // recorded, on to the passphrase (what the window asks for then; Space still plays);
    // before that, play from that step.
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) {
        go_to(e.GetSelection());
        if (passphrase_->IsEnabled()) {
            passphrase_->SetFocus();
        } else if (player_ == Player::Ready || player_ == Player::Loading) {
            play_or_pause();
        }
    });

    message_ = new wxStaticText(root, wxID_ANY, {});
    message_->SetName("lesson-video-message");
    message_->SetForegroundColour(wxColour(150, 60, 0));
    book_ = new wxSimplebook(root);
    picture_ = new StepPicture(book_);
    book_->AddPage(picture_, {});
    caption_ = new wxStaticText(root, wxID_ANY, {});
    caption_->SetName("lesson-caption");
    caption_->SetFont(caption_->GetFont().Scaled(1.3f).Bold());
    transcript_ = new wxStaticText(root, wxID_ANY, {});
    transcript_->SetName("lesson-transcript");
    status_ = new wxStaticText(root, wxID_ANY, {});
    status_->SetName("lesson-progress");

    completion_text_ = new wxStaticText(root, wxID_ANY, {});
    completion_text_->SetName("lesson-completion");
    passphrase_ =
        new wxTextCtrl(root, wxID_ANY, {}, wxDefaultPosition, wxSize(220, -1), wxTE_PASSWORD);
    passphrase_->SetName("lesson-passphrase");
    // TRANSLATORS: placeholder of the passphrase box that signs a lesson's completion.
    passphrase_->SetHint(_("Passphrase"));
    // TRANSLATORS: button that signs the record that the agent completed the lesson.
    complete_button_ = new wxButton(root, wxID_ANY, _("Record completion"));
    complete_button_->SetName("lesson-complete");
    complete_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record_completion(); });

    // A trainer's tool: offered where lesson.md may be edited, and said why not where it is
    // merely read-only; never in a synced space or the sample, which agents only read.
    const bool offered = editing_ == lesson::RegionEditing::Allowed ||
                         editing_ == lesson::RegionEditing::NotWritable;
    // TRANSLATORS: button of the lesson window (trainers): draw the regions to hide in the
    // video on the step shown; R is its key.
    redact_button_ = new wxButton(root, wxID_ANY, _("Redact regions… (R)"));
    redact_button_->SetName("lesson-redact");
    redact_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_regions(); });
    redact_button_->Show(offered);
    redaction_text_ = new wxStaticText(root, wxID_ANY, {});
    redaction_text_->SetName("lesson-redaction");
    redaction_text_->SetForegroundColour(wxColour(150, 60, 0));
    redaction_command_ =
        new wxTextCtrl(root, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_READONLY);
    redaction_command_->SetName("lesson-redaction-command");
    redaction_command_->Hide();

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(message_, 0, wxEXPAND | wxBOTTOM, 4);
    right->Add(book_, 1, wxEXPAND);
    right->Add(caption_, 0, wxEXPAND | wxTOP, 8);
    right->Add(transcript_, 0, wxEXPAND | wxTOP, 4);
    right->Add(status_, 0, wxEXPAND | wxTOP, 8);
    right->Add(completion_text_, 0, wxEXPAND | wxTOP, 8);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(passphrase_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    bar->Add(complete_button_, 0, wxALIGN_CENTER_VERTICAL);
    bar->AddStretchSpacer();
    bar->Add(redact_button_, 0, wxALIGN_CENTER_VERTICAL);
    right->Add(bar, 0, wxEXPAND | wxTOP, 4);
    right->Add(redaction_text_, 0, wxEXPAND | wxTOP, 8);
    right->Add(redaction_command_, 0, wxEXPAND | wxTOP, 4);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(list_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(right, 1, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, 8);
    root->SetSizer(sizer);
    refresh_list();
    if (offered && lesson_.regions_pending) show_redaction_notice(-1);
}

void LessonWindow::set_up_player() {
    switch (check_.problem) {
        case VideoProblem::Missing:
            player_unavailable(
                _("The video of this lesson is missing. The storyboard shows every "
                  "step."));
            return;
        case VideoProblem::NotDownloaded:
            player_unavailable(
                _("The video has not been downloaded to this computer yet (sync "
                  "with the server to fetch it). The storyboard shows every step."));
            return;
        case VideoProblem::Unreadable:
            player_unavailable(
                _("The video file is empty: it was damaged on the way (sync "
                  "again). The storyboard shows every step."));
            return;
        case VideoProblem::None:
            break;
    }
    if (const std::string missing = missing_media_support(); !missing.empty()) {
        log::info(log::Channel{"lesson"}, "no video player: " + missing);
        player_unavailable(no_player_message());
        return;
    }
    wxLogNull quiet;  // a backend's errors are said in the window, not in dialogs
    media_ = new wxMediaCtrl();
    if (!media_->Create(book_, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, 0,
                        wxEmptyString, wxDefaultValidator, "lesson-player")) {
        delete media_;
        media_ = nullptr;
        player_unavailable(no_player_message());
        return;
    }
    book_->AddPage(media_, {});
    media_->Bind(wxEVT_MEDIA_LOADED, &LessonWindow::on_media_loaded, this);
    media_->Bind(wxEVT_MEDIA_STOP, &LessonWindow::on_media_stop, this);
    media_->Bind(wxEVT_MEDIA_FINISHED, &LessonWindow::on_media_stop, this);
    if (!media_->Load(wxString::FromUTF8(check_.file.string()))) {
        player_unavailable(
            _("The media player could not open the video. The storyboard shows "
              "every step."));
        return;
    }
    player_ = Player::Loading;
    message_->SetLabel(_("Loading the video\u2026 Space plays it."));
    // A damaged file or a codec GStreamer lacks never loads: say so rather than wait forever.
    load_deadline_.StartOnce(kLoadSeconds * 1000);
}

void LessonWindow::player_unavailable(const wxString& why) {
    player_ = Player::Unavailable;
    if (media_) media_->Hide();
    book_->ChangeSelection(0);
    message_->SetLabel(why);
    message_->Wrap(std::max(300, GetClientSize().x - 300));
    Layout();
}

std::string LessonWindow::video_message() const {
    return from_wx(message_->GetLabel());
}

void LessonWindow::on_media_loaded(wxMediaEvent&) {
    if (player_ == Player::Unavailable) return;
    load_deadline_.Stop();
    player_ = Player::Ready;
    // TRANSLATORS: above the lesson's picture once its video can be played.
    message_->SetLabel(_("Space plays the video from the step shown and pauses it."));
    if (play_when_loaded_) play_or_pause();
}

void LessonWindow::on_media_stop(wxMediaEvent& event) {
    if (player_ == Player::Playing) {
        tracker_.playing_at(media_->Tell() / 1000.0);
        tracker_.stopped();
        player_ = Player::Ready;
        timer_.Stop();
        book_->ChangeSelection(0);
        refresh_list();
        refresh_completion();
    }
    event.Skip();
}

void LessonWindow::play_or_pause() {
    if (!media_ || player_ == Player::Unavailable) return;
    if (player_ == Player::Loading) {
        play_when_loaded_ = true;
        return;
    }
    if (player_ == Player::Playing) {
        media_->Pause();
        tracker_.playing_at(media_->Tell() / 1000.0);
        tracker_.stopped();
        player_ = Player::Ready;
        timer_.Stop();
        book_->ChangeSelection(0);
        show_step(current_);
        refresh_completion();
        return;
    }
    const double at = lesson_.steps.empty() ? 0 : lesson_.steps[current_].at;
    media_->Seek(static_cast<wxFileOffset>(at * 1000));
    if (!media_->Play()) {
        player_unavailable(
            _("The media player could not play the video. The storyboard shows "
              "every step."));
        return;
    }
    player_ = Player::Playing;
    book_->ChangeSelection(1);
    tracker_.playing_at(at);
    timer_.Start(250);
}

void LessonWindow::on_timer(wxTimerEvent&) {
    if (player_ != Player::Playing || !media_) return;
    const double t = media_->Tell() / 1000.0;
    tracker_.playing_at(t);
    std::vector<double> starts;
    for (const auto& s : lesson_.steps) starts.push_back(s.at);
    int index = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        if (starts[i] <= t) index = static_cast<int>(i);
    }
    if (index != current_) {
        current_ = index;
        list_->SetSelection(current_);
        caption_->SetLabel(to_wx(lesson_.steps[current_].caption));
    }
    const auto p = tracker_.progress();
    status_->SetLabel(wxString::Format(
        _("Playing %s of %s \u00b7 %d%% watched"), to_wx(lesson::format_time(t)),
        to_wx(lesson::format_time(lesson_.duration)), int(std::floor(p.watched_share() * 100))));
    if (completion_ == Completion::NotYet && p.complete()) refresh_completion();
}

void LessonWindow::go_to(int index) {
    if (lesson_.steps.empty()) return;
    index = std::clamp(index, 0, int(lesson_.steps.size()) - 1);
    if (player_ == Player::Playing) {
        tracker_.stopped();
        current_ = index;
        list_->SetSelection(current_);
        caption_->SetLabel(to_wx(lesson_.steps[current_].caption));
        media_->Seek(static_cast<wxFileOffset>(lesson_.steps[index].at * 1000));
        tracker_.playing_at(lesson_.steps[index].at);
        return;
    }
    show_step(index);
    refresh_completion();
}

void LessonWindow::show_step(int index) {
    if (lesson_.steps.empty()) {
        caption_->SetLabel(_("This lesson has no steps yet."));
        return;
    }
    current_ = index;
    const StoryboardStep& step = lesson_.steps[index];
    picture_->show(step.frame, step.box);
    caption_->SetLabel(wxString::Format(_("Step %d of %d (%s): %s"), index + 1,
                                        int(lesson_.steps.size()),
                                        to_wx(lesson::format_time(step.at)), to_wx(step.caption)));
    transcript_->SetLabel(to_wx(step.transcript));
    transcript_->Wrap(std::max(300, book_->GetClientSize().x));
    tracker_.view_step(static_cast<std::size_t>(index));
    refresh_list();
    Layout();
}

void LessonWindow::refresh_list() {
    const auto p = tracker_.progress();
    wxArrayString items;
    for (std::size_t i = 0; i < lesson_.steps.size(); ++i) {
        items.Add(wxString::Format("%s %zu. %s  %s", p.steps_viewed.count(i) ? "\u2713" : " ",
                                   i + 1, to_wx(lesson::format_time(lesson_.steps[i].at)),
                                   to_wx(lesson_.steps[i].caption)));
    }
    if (list_->GetStrings() != items) list_->Set(items);
    if (!lesson_.steps.empty()) list_->SetSelection(current_);
    status_->SetLabel(wxString::Format(_("%d of %d steps viewed \u00b7 %d%% of the video watched"),
                                       int(p.steps_viewed.size()), int(lesson_.steps.size()),
                                       int(std::floor(p.watched_share() * 100))));
}

void LessonWindow::refresh_completion() {
    if (completion_ == Completion::Signing) return;
    const SigningIdentity who = signing_identity();
    bool can_sign = false;
    if (completion_ != Completion::Recorded) {
        if (space_name_.empty()) {
            completion_ = Completion::Unavailable;
            completion_text_->SetLabel(
                _("Completion is recorded only for a space synced from a server."));
        } else if (!std::filesystem::exists(who.key_file)) {
            completion_ = Completion::Unavailable;
            completion_text_->SetLabel(
                _("No signing key on this computer: File \u203a Signing key makes one."));
        } else {
            // Already completed on this version?
            try {
                if (auto ledger =
                        ledger::LocalLedger::open(ledger::local_ledger_dir(space_name_))) {
                    const auto done = lesson::completed_lessons(
                        ledger::ledger_records(*ledger, who.user), space_name_, who.user);
                    const auto it = done.find(lesson_.id);
                    if (it != done.end() && it->second.record.blob_id == lesson_.version) {
                        completion_ = Completion::Recorded;
                        recorded_id_ = it->second.record.id;
                    }
                }
            } catch (const Error&) {
                // An unreadable ledger is sync's to report; the bar offers signing.
            }
            if (completion_ != Completion::Recorded) {
                if (tracker_.progress().complete()) {
                    completion_ = Completion::Ready;
                    can_sign = true;
                    completion_text_->SetLabel(
                        _("Lesson completed. Type your passphrase and press Enter to record it "
                          "(signed)."));
                } else {
                    completion_ = Completion::NotYet;
                    completion_text_->SetLabel(wxString::Format(
                        _("Completed when you watch %d%% of the video or view every step."),
                        int(lesson::kWatchedShare * 100)));
                }
            }
        }
    }
    if (completion_ == Completion::Recorded) {
        completion_text_->SetLabel(_("Completion recorded and signed."));
    }
    passphrase_->Enable(can_sign);
    complete_button_->Enable(can_sign);
    Layout();
}

void LessonWindow::record_completion() {
    if (completion_ != Completion::Ready) return;
    auto passphrase =
        std::make_shared<ledger::SecureBuffer>(secure_copy(from_wx(passphrase_->GetValue())));
    passphrase_->Clear();
    completion_ = Completion::Signing;
    completion_text_->SetLabel(_("Signing\u2026"));
    list_->SetFocus();
    passphrase_->Enable(false);
    complete_button_->Enable(false);
    const SigningIdentity who = signing_identity();
    const auto progress = tracker_.progress();
    auto space = space_;
    const std::string space_name = space_name_, id = lesson_.id;
    background_.run<std::string>(
        [=]() -> std::string {
            const auto key = ledger::load_key(who.key_file);
            if (!key)
                throw Error(ErrorKind::NotFound, "no signing key at " + who.key_file.string());
            const auto repository = content::ContentRepository::open(space->root());
            if (!repository)
                throw Error(ErrorKind::InvalidArgument,
                            space->root().string() + " is not a git working tree: sync first");
            ledger::SigningSession session(lesson::completion_signing_request(
                lesson::lesson_to_sign(*space, *repository, space_name, id), progress, *key,
                ledger::local_ledger_dir(space_name)));
            session.show_text();
            session.enter_passphrase(std::move(*passphrase));
            if (!session.unlock_key()) return {};
            session.build_record();
            const std::string record = session.sign().id;
            session.append();
            return record;
        },
        [this](std::string& record) {
            completion_ = Completion::Ready;
            if (record.empty()) {
                refresh_completion();
                completion_text_->SetLabel(_("Wrong passphrase: nothing was recorded. Try again."));
                passphrase_->SetFocus();
                return;
            }
            recorded_id_ = record;
            completion_ = Completion::Recorded;
            refresh_completion();
            if (on_recorded_) on_recorded_();
            list_->SetFocus();  // the passphrase box is disabled now: keys go back to the steps
        },
        [this](const std::string& error) {
            completion_ = Completion::Ready;
            refresh_completion();
            completion_text_->SetLabel(wxString::Format(_("Not recorded: %s"), to_wx(error)));
        });
}

void LessonWindow::on_char_hook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    if (key == WXK_ESCAPE) {
        Close();
        return;
    }
    const wxWindow* focus = FindFocus();
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && passphrase_->IsEnabled()) {
        // Enter in the passphrase box signs (handled here: the box's own Enter event does not
        // come on every platform); anywhere else but the button it goes to the box.
        if (focus == passphrase_) {
            record_completion();
            return;
        }
        if (focus != complete_button_) {
            passphrase_->SetFocus();
            return;
        }
    }
    if (focus == passphrase_ || event.GetModifiers() != wxMOD_NONE) {
        event.Skip();
        return;
    }
    switch (key) {
        case WXK_LEFT:
        case WXK_UP:
            go_to(current_ - 1);
            return;
        case WXK_RIGHT:
        case WXK_DOWN:
            go_to(current_ + 1);
            return;
        case WXK_HOME:
            go_to(0);
            return;
        case WXK_END:
            go_to(int(lesson_.steps.size()) - 1);
            return;
        case WXK_SPACE:
            play_or_pause();
            return;
        case 'R':
            edit_regions();
            return;
        default:
            break;
    }
    int number = 0;
    if (key >= '1' && key <= '9') number = key - '0';
    if (key >= WXK_NUMPAD1 && key <= WXK_NUMPAD9) number = key - WXK_NUMPAD0;
    if (number > 0) {
        go_to(number - 1);
        return;
    }
    event.Skip();
}

LessonWindow* open_lesson_window(wxWindow* parent, std::shared_ptr<const content::Space> space,
                                 const content::Document& doc, int step,
                                 std::function<void()> on_recorded) {
    if (auto* open = find_lesson_window()) open->Destroy();
    try {
        LessonStoryboard lesson = load_storyboard(*space, doc);
        auto* window = new LessonWindow(parent, std::move(space), std::move(lesson), step,
                                        std::move(on_recorded));
        window->Show();
        window->Raise();
        return window;
    } catch (const Error& e) {
        wxMessageBox(to_wx(e.what()), _("This lesson cannot be opened"), wxOK | wxICON_WARNING,
                     parent);
        return nullptr;
    }
}

LessonWindow* find_lesson_window() {
    return dynamic_cast<LessonWindow*>(wxWindow::FindWindowByName(kWindowName));
}

}  // namespace lectern::desktop
