// GUI test of the redaction editor on a lesson the test made (tests/gui/make_lesson_space.cmake),
// keyboard only: R on the step a search hit opened, N for a region, arrows and Shift+arrows to
// place and size it, the time range, style and note typed into their fields, Ctrl+S. Then
// lesson.md holds the region in video pixels, the window shows the command that applies it,
// the real `lectern lint` reports it as not applied, and after the real `lectern lesson redact`
// lint is clean.

#include <cstdlib>
#include <fstream>
#include <memory>

#include "common/error.hpp"
#include "gui_test_steps.hpp"
#include "lesson/child_process.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson_window.hpp"
#include "main_frame.hpp"
#include "redaction_dialog.hpp"

namespace lectern::desktop {

namespace {

using namespace gui_test;
namespace fs = std::filesystem;

const char* const kLesson = "refund-in-crm";

LessonWindow* lesson_window() {
    LessonWindow* w = find_lesson_window();
    return w && w->lesson_id() == kLesson && w->IsShown() && !w->IsBeingDeleted() ? w : nullptr;
}

const RedactionDialog* editor() {
    const RedactionDialog* d = find_redaction_dialog();
    return d && d->IsShown() ? d : nullptr;
}

std::function<bool()> selected_box(lesson::Box box) {
    return [box] {
        const RedactionDialog* d = editor();
        if (!d || d->editor().selected() < 0) return false;
        return d->editor().regions()[std::size_t(d->editor().selected())].box == box;
    };
}

std::function<bool()> focused(const MainFrame& frame, std::string name) {
    return [&frame, name] { return frame.focused_name() == name; };
}

std::function<bool()> selected_region(std::function<bool(const lesson::RedactionRegion&)> is) {
    return [is] {
        const RedactionDialog* d = editor();
        if (!d || d->editor().selected() < 0) return false;
        return is(d->editor().regions()[std::size_t(d->editor().selected())]);
    };
}

// The space and the lesson's file, read from the open window.
struct Paths {
    fs::path root;
    fs::path lesson_md;
};

// What the real command line said, kept between a step's action and its check.
struct Run {
    int status = -1;
    std::string out;
};

Run run_lectern(std::vector<std::string> args) {
    const char* cli = std::getenv("LECTERN_CLI_FOR_TESTS");
    if (!cli || !*cli) return {-1, "LECTERN_CLI_FOR_TESTS is not set"};
    args.insert(args.begin(), cli);
    try {
        const auto out = lesson::run_command(args, "lectern");
        return {out.status, out.out};
    } catch (const Error& e) {
        return {-1, e.what()};
    }
}

bool lint_says_not_applied(const std::string& json_out) {
    return json_out.find("lesson-redaction-not-applied") != std::string::npos;
}

}  // namespace

std::vector<GuiTestDriver::Step> lesson_redact_scenario(MainFrame& frame,
                                                        const std::string& shots) {
    auto paths = std::make_shared<Paths>();
    auto lint = std::make_shared<Run>();
    auto redact = std::make_shared<Run>();
    auto steps = opening(frame);
    // "quokka" is only in the transcript of the third step (at 6 s).
    auto open = search_and_open(frame, "quokka", kLesson);
    open.back().until = [] {
        const LessonWindow* w = lesson_window();
        return w && w->current_step() == 2;
    };
    steps.insert(steps.end(), open.begin(), open.end());
    steps.push_back({"a trainer's folder: the lesson offers the redaction editor", {}, [paths] {
                         const LessonWindow* w = lesson_window();
                         if (!w || w->region_editing() != lesson::RegionEditing::Allowed)
                             return false;
                         paths->lesson_md = w->lesson().file;
                         paths->root = w->lesson().file.parent_path().parent_path().parent_path();
                         return w->redaction_command().empty();
                     }});
    steps.push_back({"R opens the editor on the step shown", [] { key('R'); },
                     [&frame] {
                         return editor() && editor()->editor().regions().empty() &&
                                frame.focused_name() == "redact-drawing";
                     },
                     std::chrono::milliseconds(400)});
    // 640x360 video: a quarter wide, an eighth high, in the middle; arrows step 8 pixels.
    steps.push_back(
        {"N draws a region in the middle", [] { key('N'); }, selected_box({240, 157, 160, 45})});
    steps.push_back({"arrows move it, Shift+arrows make it wider and taller",
                     [] {
                         for (int i = 0; i < 3; ++i) key(WXK_RIGHT);
                         for (int i = 0; i < 6; ++i) key(WXK_UP);  // over the form's top edge
                         key(WXK_RIGHT, wxMOD_SHIFT);
                         key(WXK_RIGHT, wxMOD_SHIFT);
                         key(WXK_DOWN, wxMOD_SHIFT);
                     },
                     selected_box({264, 109, 176, 53})});
    steps.push_back({"it starts at the step's time and lasts to the end", {}, [] {
                         const LessonWindow* w = lesson_window();
                         const double at = w ? w->lesson().steps[2].at : -1;
                         return selected_region([at](const lesson::RedactionRegion& r) {
                             return at > 0 && r.from == at && r.to < 0 &&
                                    r.style == lesson::RedactStyle::Pixelate;
                         })();
                     }});
    steps.push_back(
        {"Alt+F reaches From", [] { key('F', wxMOD_ALT); }, focused(frame, "redact-from")});
    steps.push_back(
        {"typing 2.5 starts it earlier", [] { type("2.5"); },
         selected_region([](const lesson::RedactionRegion& r) { return r.from == 2.5; })});
    steps.push_back({"Alt+T reaches To", [] { key('T', wxMOD_ALT); }, focused(frame, "redact-to")});
    steps.push_back(
        {"typing 7.5 ends it there", [] { type("7.5"); },
         selected_region([](const lesson::RedactionRegion& r) { return r.to == 7.5; })});
    steps.push_back(
        {"Alt+Y reaches Style", [] { key('Y', wxMOD_ALT); }, focused(frame, "redact-style")});
    steps.push_back({"Down chooses blur", [] { key(WXK_DOWN); },
                     selected_region([](const lesson::RedactionRegion& r) {
                         return r.style == lesson::RedactStyle::Blur;
                     })});
    steps.push_back(
        {"Alt+O and a note", [] { key('O', wxMOD_ALT); }, focused(frame, "redact-note")});
    steps.push_back({"the note typed", [] { type("account number"); },
                     selected_region([](const lesson::RedactionRegion& r) {
                         return r.note == "account number";
                     })});
    steps.push_back({"Enter returns to the drawing", [] { key(WXK_RETURN); },
                     focused(frame, "redact-drawing")});
    steps.push_back({"screenshot: the editor with the region blurred in the preview",
                     screenshot(shots, "20-redaction-editor"),
                     {}});
    steps.push_back({"Ctrl+S saves and closes the editor", [] { key('S', wxMOD_CONTROL); },
                     [] {
                         const LessonWindow* w = lesson_window();
                         return !editor() && w && !w->redaction_command().empty();
                     },
                     std::chrono::milliseconds(400)});
    steps.push_back({"the window says it is not applied and shows the command", {}, [paths] {
                         const LessonWindow* w = lesson_window();
                         const std::string command = w ? w->redaction_command() : "";
                         return w &&
                                w->redaction_notice().find("Not applied") != std::string::npos &&
                                command ==
                                    "lectern lesson redact lessons/refund-in-crm --original "
                                    "RECORDING --space " +
                                        paths->root.string();
                     }});
    steps.push_back(
        {"lesson.md lists the region in video pixels, its times and style", {}, [paths] {
             const auto doc = lesson::read_lesson_document(paths->lesson_md);
             const auto regions = doc.regions();
             if (regions.size() != 1) return false;
             const auto& r = regions[0];
             std::ifstream in(paths->lesson_md);
             const std::string text{std::istreambuf_iterator<char>(in), {}};
             return r.box == lesson::Box{264, 109, 176, 53} && r.from == 2.5 && r.to == 7.5 &&
                    r.style == lesson::RedactStyle::Blur && r.note == "account number" &&
                    text.find(
                        "  - box: [264, 109, 176, 53]\n    from: 2.5\n    to: "
                        "7.5\n    style: blur\n") != std::string::npos &&
                    doc.chapters().size() == 3;
         }});
    steps.push_back({"screenshot: saved, with the command to run",
                     screenshot(shots, "21-redaction-saved"),
                     {}});
    steps.push_back({"`lectern lint` reports the region as not applied",
                     [paths, lint] {
                         *lint = run_lectern({"lint", paths->root.string(), "--format", "json"});
                     },
                     [lint] { return lint->status == 1 && lint_says_not_applied(lint->out); }});
    steps.push_back({"`lectern lesson redact` applies it from the original recording",
                     [paths, redact] {
                         *redact =
                             run_lectern({"lesson", "redact", "lessons/refund-in-crm", "--original",
                                          paths->root.string() + ".video/refund.mp4", "--space",
                                          paths->root.string()});
                     },
                     [redact] {
                         return redact->status == 0 &&
                                redact->out.find("1 regions hidden") != std::string::npos;
                     },
                     std::chrono::milliseconds(150), std::chrono::milliseconds(60000)});
    steps.push_back({"then lint is clean",
                     [paths, lint] {
                         *lint = run_lectern({"lint", paths->root.string(), "--format", "json"});
                     },
                     [lint] { return lint->status == 0 && !lint_says_not_applied(lint->out); }});
    steps.push_back({"Esc closes the lesson", [] { key(WXK_ESCAPE); },
                     [] { return lesson_window() == nullptr; }, std::chrono::milliseconds(300)});
    return steps;
}

}  // namespace lectern::desktop
