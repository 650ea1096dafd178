// GUI test of the lesson window on a space the test made (tests/gui/make_lesson_space.cmake):
// a lesson imported from an ffmpeg-made recording, opened from a search hit in its transcript
// at that step, its storyboard walked with number and arrow keys, its completion signed with
// the passphrase into the local ledger; then a lesson whose video was never downloaded (a Git
// LFS pointer), whose storyboard still works under a message that says why, and which plays the
// object once it is in the space's LFS cache.

#include <fstream>

#include "gui_test_steps.hpp"
#include "ledger/keys.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signoff_status.hpp"
#include "lesson_window.hpp"
#include "main_frame.hpp"
#include "sync/lfs.hpp"
#include "unlocker.hpp"

namespace lectern::desktop {

namespace {

using namespace gui_test;

const char* const kPassphrase = "lesson test passphrase";

LessonWindow* window_of(const std::string& id) {
    LessonWindow* w = find_lesson_window();
    return w && w->lesson_id() == id && w->IsShown() && !w->IsBeingDeleted() ? w : nullptr;
}

std::function<bool()> at_step(const std::string& id, int step) {
    return [id, step] {
        const LessonWindow* w = window_of(id);
        return w && w->current_step() == step;
    };
}

std::optional<sync::LfsPointer> pointer_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return sync::parse_lfs_pointer(std::string(std::istreambuf_iterator<char>(in), {}));
}

bool completion_in_ledger(const std::string& id, const std::string& by = "storyboard") {
    const auto ledger = ledger::LocalLedger::open(ledger::local_ledger_dir("northwind"));
    if (!ledger) return false;
    for (const auto& stored : ledger::ledger_records(*ledger)) {
        const auto& r = stored.record;
        if (r.kind == "lesson-completion" && r.document_id == id &&
            r.details.value("completed_by", "") == by && ledger::verify_signature(r))
            return true;
    }
    return false;
}

}  // namespace

std::vector<GuiTestDriver::Step> lesson_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    steps.push_back({"this computer has a signing key (as File > Signing key makes)",
                     [] {
                         const SigningIdentity who = signing_identity();
                         const auto key =
                             ledger::seal_key(ledger::SigningKey::generate(), who.user, who.device,
                                              secure_copy(kPassphrase), ledger::KdfCost::minimum());
                         std::filesystem::create_directories(who.key_file.parent_path());
                         ledger::save_key(who.key_file, key);
                     },
                     [] { return std::filesystem::exists(signing_identity().key_file); }});
    // "quokka" is only in the transcript of the third step.
    auto open = search_and_open(frame, "quokka", "refund-in-crm");
    open.back().until = at_step("refund-in-crm", 2);
    steps.insert(steps.end(), open.begin(), open.end());
    steps.push_back({"the storyboard shows the step with its caption; the video plays or says why",
                     {},
                     [] {
                         const LessonWindow* w = window_of("refund-in-crm");
                         if (!w || w->progress().step_count < 3) return false;
                         return w->player() != LessonWindow::Player::Unavailable ||
                                !w->video_message().empty();
                     },
                     std::chrono::milliseconds(600)});
    steps.push_back(
        {"screenshot: the lesson at the searched step", screenshot(shots, "12-lesson-step"), {}});
    steps.push_back(
        {"number key 1 shows the first step", [] { key('1'); }, at_step("refund-in-crm", 0)});
    steps.push_back(
        {"the right arrow shows the next", [] { key(WXK_RIGHT); }, at_step("refund-in-crm", 1)});
    steps.push_back({"every step viewed: completion can be recorded", {}, [] {
                         const LessonWindow* w = window_of("refund-in-crm");
                         return w && w->progress().storyboard_viewed() &&
                                w->completion() == LessonWindow::Completion::Ready;
                     }});
    steps.push_back({"Enter goes to the passphrase", [] { key(WXK_RETURN); },
                     [&frame] { return frame.focused_name() == "lesson-passphrase"; }});
    steps.push_back({"the passphrase and Enter sign the completion",
                     [] {
                         type(kPassphrase);
                         key(WXK_RETURN);
                     },
                     [] {
                         const LessonWindow* w = window_of("refund-in-crm");
                         return w && w->completion() == LessonWindow::Completion::Recorded;
                     },
                     std::chrono::milliseconds(300), std::chrono::milliseconds(20000)});
    steps.push_back({"a signed lesson-completion record is in the local ledger", {}, [] {
                         return completion_in_ledger("refund-in-crm");
                     }});
    steps.push_back(
        {"screenshot: completion recorded", screenshot(shots, "13-lesson-completed"), {}});
    steps.push_back({"Esc closes the lesson", [] { key(WXK_ESCAPE); },
                     [] { return window_of("refund-in-crm") == nullptr; },
                     std::chrono::milliseconds(300)});
    // No refresh of its own needed: signing in the lesson window redraws the standing at once.
    steps.push_back({"Ctrl+P: My path counts the lesson completed", [] { key('P', wxMOD_CONTROL); },
                     [&frame] {
                         return frame.current_view() == View::Path &&
                                frame.path_progress_text().starts_with("1 of ");
                     },
                     std::chrono::milliseconds(300)});

    auto offline = search_and_open(frame, "wombat", "offline-refund");
    offline.back().until = [] { return window_of("offline-refund") != nullptr; };
    steps.insert(steps.end(), offline.begin(), offline.end());
    steps.push_back({"a video never downloaded: the message says so", {}, [] {
                         const LessonWindow* w = window_of("offline-refund");
                         return w && w->video_check().problem == VideoProblem::NotDownloaded &&
                                w->player() == LessonWindow::Player::Unavailable &&
                                w->video_message().find("downloaded") != std::string::npos;
                     }});
    steps.push_back({"and the storyboard still moves with the keys", [] { key(WXK_END); },
                     [] {
                         const LessonWindow* w = window_of("offline-refund");
                         return w && w->current_step() + 1 == int(w->progress().step_count);
                     }});
    steps.push_back({"screenshot: storyboard without the video",
                     screenshot(shots, "14-lesson-not-downloaded"),
                     {}});
    // As sync leaves a lesson: the pointer in the tree, the object in the space's LFS cache.
    steps.push_back(
        {"the object arrives in the space's LFS cache",
         [] {
             const LessonWindow* w = window_of("offline-refund");
             if (!w) return;
             const auto pointer = pointer_of(w->lesson().video);
             if (!pointer) return;
             const auto file = sync::lfs_cache_file("northwind", *pointer);
             std::filesystem::create_directories(file.parent_path());
             std::filesystem::copy_file(
                 w->lesson().video.parent_path().parent_path() / "refund-in-crm" / "video.mp4",
                 file, std::filesystem::copy_options::overwrite_existing);
         },
         [] {
             const LessonWindow* w = window_of("offline-refund");
             const auto pointer = w ? pointer_of(w->lesson().video) : std::nullopt;
             return pointer && std::filesystem::exists(sync::lfs_cache_file("northwind", *pointer));
         }});
    steps.push_back({"Esc closes it", [] { key(WXK_ESCAPE); },
                     [] { return find_lesson_window() == nullptr; },
                     std::chrono::milliseconds(300)});
    auto cached = search_and_open(frame, "wombat", "offline-refund");
    cached.back().until = [] { return window_of("offline-refund") != nullptr; };
    steps.insert(steps.end(), cached.begin(), cached.end());
    steps.push_back({"opened again, it plays the cached object", {}, [] {
                         const LessonWindow* w = window_of("offline-refund");
                         return w && w->video_check().problem == VideoProblem::None &&
                                w->video_check().file.string().find("/lfs/") != std::string::npos &&
                                w->video_message().find("downloaded") == std::string::npos;
                     }});
    // Playback through wxMediaCtrl (GStreamer's playbin, qtdemux and avdec_h264: the
    // plugins scripts/install-deps.sh installs), watched to the end: completed by the video.
    steps.push_back({"Home, then Space plays the video from its start",
                     [] {
                         key(WXK_HOME);
                         key(WXK_SPACE);
                     },
                     [] {
                         const LessonWindow* w = window_of("offline-refund");
                         return w && w->player() == LessonWindow::Player::Playing;
                     },
                     std::chrono::milliseconds(1500), std::chrono::milliseconds(20000)});
    steps.push_back({"screenshot: the video playing", screenshot(shots, "16-lesson-playing"), {}});
    steps.push_back({"it plays to the end: 90% watched, the lesson may be recorded",
                     {},
                     [] {
                         const LessonWindow* w = window_of("offline-refund");
                         return w && w->player() != LessonWindow::Player::Playing &&
                                w->progress().watched() &&
                                w->completion() == LessonWindow::Completion::Ready;
                     },
                     std::chrono::milliseconds(300),
                     std::chrono::milliseconds(40000)});
    steps.push_back({"Enter, the passphrase and Enter sign it",
                     [] {
                         key(WXK_RETURN);
                         type(kPassphrase);
                         key(WXK_RETURN);
                     },
                     [] {
                         const LessonWindow* w = window_of("offline-refund");
                         return w && w->completion() == LessonWindow::Completion::Recorded;
                     },
                     std::chrono::milliseconds(300), std::chrono::milliseconds(20000)});
    steps.push_back({"the record says the video was watched", {}, [] {
                         return completion_in_ledger("offline-refund", "video");
                     }});
    steps.push_back({"Esc closes it again", [] { key(WXK_ESCAPE); },
                     [] { return find_lesson_window() == nullptr; },
                     std::chrono::milliseconds(300)});
    return steps;
}

}  // namespace lectern::desktop
