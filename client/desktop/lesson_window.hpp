#pragma once
// A lesson in a window of its own: the storyboard (every step's key frame, with what changed
// outlined, its caption and transcript, readable without playing anything), the chapter list,
// a player with sound (wxMediaCtrl) when this machine can play the video, and the completion
// bar that signs a lesson-completion record. Keyboard first: arrows and number keys move
// between steps, Space plays and pauses, Enter (once completed) or Tab reaches the passphrase,
// R opens the redaction editor on the step shown (a trainer's space folder only), Esc closes.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <wx/frame.h>
#include <wx/timer.h>

#include "background.hpp"
#include "content/space.hpp"
#include "lesson/region_editing.hpp"
#include "lesson_storyboard.hpp"

class wxListBox;
class wxMediaCtrl;
class wxMediaEvent;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxButton;
class wxKeyEvent;

namespace lectern::desktop {

class StepPicture;

class LessonWindow : public wxFrame {
  public:
    enum class Player { Unavailable, Loading, Ready, Playing };
    enum class Completion { NotYet, Ready, Signing, Recorded, Unavailable };

    /// `on_recorded` runs once a completion has been signed (the main window redraws the
    /// agent's standing).
    LessonWindow(wxWindow* parent, std::shared_ptr<const content::Space> space,
                 LessonStoryboard lesson, int step, std::function<void()> on_recorded = {});
    ~LessonWindow() override;

    /// Shows step `index` (from 0) in the storyboard, or seeks the player there.
    void go_to(int index);
    void play_or_pause();
    /// Signs the completion with the passphrase typed in the completion bar.
    void record_completion();
    /// The redaction editor on the step shown, where the lesson may be edited here; else
    /// says why in the window.
    void edit_regions();

    // What the GUI test looks at.
    const std::string& lesson_id() const { return lesson_.id; }
    const LessonStoryboard& lesson() const { return lesson_; }
    int current_step() const { return current_; }
    Player player() const { return player_; }
    VideoCheck video_check() const { return check_; }
    std::string video_message() const;
    lesson::ViewingProgress progress() const { return tracker_.progress(); }
    Completion completion() const { return completion_; }
    const std::string& recorded_id() const { return recorded_id_; }
    lesson::RegionEditing region_editing() const { return editing_; }
    /// What the window says about the redaction regions (saved, not applied yet), and the
    /// command that applies them.
    std::string redaction_notice() const;
    std::string redaction_command() const;

  private:
    void build();
    void set_up_player();
    void player_unavailable(const wxString& why);
    void show_step(int index);
    void refresh_list();
    void refresh_completion();
    void show_redaction_notice(int saved);
    void tell_in_redaction_notice(const wxString& text);
    void on_char_hook(wxKeyEvent& event);
    void on_timer(wxTimerEvent& event);
    void on_media_loaded(wxMediaEvent& event);
    void on_media_stop(wxMediaEvent& event);

    std::shared_ptr<const content::Space> space_;
    LessonStoryboard lesson_;
    VideoCheck check_;
    ViewingTracker tracker_;
    int current_ = 0;
    Player player_ = Player::Unavailable;
    bool play_when_loaded_ = false;
    Completion completion_ = Completion::NotYet;
    std::string recorded_id_;
    std::string space_name_;  ///< the server's name for the space; empty when none
    std::function<void()> on_recorded_;
    lesson::RegionEditing editing_ = lesson::RegionEditing::NotALesson;

    wxListBox* list_ = nullptr;
    wxSimplebook* book_ = nullptr;
    StepPicture* picture_ = nullptr;
    wxMediaCtrl* media_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxStaticText* caption_ = nullptr;
    wxStaticText* transcript_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText* completion_text_ = nullptr;
    wxTextCtrl* passphrase_ = nullptr;
    wxButton* complete_button_ = nullptr;
    wxButton* redact_button_ = nullptr;
    wxStaticText* redaction_text_ = nullptr;
    wxTextCtrl* redaction_command_ = nullptr;
    wxTimer timer_;          // follows the player while it plays
    wxTimer load_deadline_;  // a video that never loads
    static constexpr int kLoadSeconds = 15;
    Background background_;  // signing (Argon2id) off the UI thread
};

/// Opens the lesson `doc` of `space` at `step` (from 0) in a LessonWindow, replacing one that
/// is open. Returns nullptr after telling the agent why when the lesson cannot be read.
LessonWindow* open_lesson_window(wxWindow* parent, std::shared_ptr<const content::Space> space,
                                 const content::Document& doc, int step,
                                 std::function<void()> on_recorded = {});

/// The open lesson window, or nullptr.
LessonWindow* find_lesson_window();

}  // namespace lectern::desktop
