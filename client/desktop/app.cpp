#include "app.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>

#include "first_start_dialog.hpp"
#include "gui_test_driver.hpp"
#include "main_frame.hpp"
#include "settings.hpp"
#include "space_session.hpp"
#include "sync/client_config.hpp"
#include "translations.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

// The sample content: beside the binary first (bin/../share/lectern, so an installed tree
// can be moved, as the CLI does), then where it was installed, then the source tree's when
// the app runs from the build folder.
std::filesystem::path sample_content() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = exe.parent_path().parent_path() / "share" / "lectern" / "content";
        if (std::filesystem::exists(beside / "lectern.yaml", ec)) return beside;
    }
    const std::filesystem::path installed = std::filesystem::path(LECTERN_DATA_DIR) / "content";
    if (std::filesystem::exists(installed / "lectern.yaml", ec)) return installed;
    return LECTERN_SOURCE_CONTENT_DIR;
}

std::unique_ptr<wxConfigBase> open_config(const std::string& file) {
    if (!file.empty()) {
        return std::make_unique<wxFileConfig>("lectern", wxEmptyString, to_wx(file), wxEmptyString,
                                              wxCONFIG_USE_LOCAL_FILE);
    }
    return std::make_unique<wxConfig>("lectern");
}

// The window draws with cairo and never with OpenGL, yet GTK 3 on X11 asks the GL driver for
// its visuals when the display opens: with Mesa that loads the driver and LLVM, about 50 MB
// of the process's resident memory (43 MB of it libLLVM) for nothing. GDK_GL=disable skips
// that question (GTK 3.16 and later). It must be set before GTK starts, so here, before
// wxApp::Initialize; a value the user set is left alone.
void draw_without_opengl() {
    setenv("GDK_GL", "disable", 0);
}

}  // namespace

App::App() {
    draw_without_opengl();
}
App::~App() = default;

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddSwitch({}, "sample", _("open the bundled sample content"));
    parser.AddOption({}, "space", _("open the content space in this folder"));
    parser.AddOption({}, "lang", _("language of the interface, like pl"));
    parser.AddOption({}, "config", _("read and write the settings in this file"));
    parser.AddOption({}, "gui-test", _("run a GUI test scenario and exit (for the test suite)"));
    parser.AddOption({}, "screenshots", _("folder for the GUI test's screenshots"));
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    wxString value;
    if (parser.Found("space", &value)) {
        options_.space = from_wx(value);
    } else if (parser.Found("sample")) {
        options_.space = sample_content();
        options_.sample = true;
    }  // neither: the first-start dialog, or the sample once it was chosen
    if (parser.Found("lang", &value)) options_.language = from_wx(value);
    if (parser.Found("config", &value)) options_.config_file = from_wx(value);
    if (parser.Found("gui-test", &value)) options_.gui_test = from_wx(value);
    if (parser.Found("screenshots", &value)) options_.screenshots = from_wx(value);
    return true;
}

bool App::OnInit() {
    // The language comes before the command line so that --help is translated too; it is
    // read from the raw arguments for that reason.
    for (int i = 1; i + 1 < argc; ++i) {
        if (argv[i] == "--lang") options_.language = from_wx(argv[i + 1]);
        if (argv[i] == "--config") options_.config_file = from_wx(argv[i + 1]);
    }
    SetAppName("lectern");
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    settings_ = std::make_unique<Settings>(open_config(options_.config_file));
    // --lang, else the language chosen in Preferences, else the system's.
    set_up_translations(options_.language.empty() ? settings_->language() : options_.language);
    if (!wxApp::OnInit()) return false;

    const bool first_start = options_.space.empty() && !settings_->first_start_done();
    // Started plainly after the first start: the space signed in to then, else the sample.
    const std::string synced =
        options_.space.empty() && !first_start ? settings_->synced_space() : std::string();
    if (options_.space.empty() && !first_start && synced.empty()) {
        options_.space = sample_content();
        options_.sample = true;
    }
    // The space starts opening now, on a thread of its own, so that its index is read while
    // the window is made. Not earlier: wxWidgets and GTK change the environment and the locale,
    // which the opening's thread reads, until the translations are set up above.
    std::optional<SpaceOpening> opening;
    if (!options_.space.empty()) opening.emplace(options_.space, options_.sample);
    auto* frame = new MainFrame(*settings_, std::move(opening));
    frame->Show();
    if (!synced.empty()) frame->open_synced_space(synced);
    if (first_start) {
        // After the window is up, so the dialog has a parent and the GUI test can drive it.
        frame->CallAfter([this, frame] { run_first_start(*frame); });
    }
    if (!options_.gui_test.empty()) {
        test_driver_ = make_gui_test(options_.gui_test, *frame, options_.screenshots);
        if (!test_driver_) {
            std::cerr << "lectern-desktop: no GUI test named " << options_.gui_test << "\n";
            exit_code_ = 2;
            frame->Destroy();
            return true;
        }
        test_driver_->start();
    }
    return true;
}

void App::run_first_start(MainFrame& frame) {
    FirstStartDialog dialog(&frame);
    if (dialog.ShowModal() != wxID_OK) {
        frame.Close(true);
        return;
    }
    settings_->set_first_start_done(true);
    if (dialog.use_sample()) {
        settings_->flush();
        frame.load_space(sample_content(), true);
        return;
    }
    // The token and server are in the client's settings (shared with the lectern CLI); the
    // app remembers which space to open.
    settings_->set_synced_space(dialog.space());
    if (const auto config = sync::load_client_config()) settings_->set_server_url(config->server);
    settings_->flush();
    frame.open_synced_space(dialog.space());
}

int App::OnRun() {
    const int loop_result = wxApp::OnRun();
    // wxWidgets ignores OnExit()'s value: the process exit code is what OnRun() returns.
    return exit_code_ != 0 ? exit_code_ : loop_result;
}

int App::OnExit() {
    test_driver_.reset();
    settings_.reset();
    return exit_code_;
}

bool App::OnExceptionInMainLoop() {
    // The one last-resort handler: say what happened and keep the window usable.
    try {
        throw;
    } catch (const std::exception& e) {
        std::cerr << "lectern-desktop: " << e.what() << "\n";
        if (options_.gui_test.empty())
            wxMessageBox(to_wx(e.what()), _("Something went wrong"), wxOK | wxICON_ERROR);
        else
            exit_code_ = 1;
    }
    return options_.gui_test.empty();
}

void App::OnUnhandledException() {
    try {
        throw;
    } catch (const std::exception& e) {
        std::cerr << "lectern-desktop: unhandled: " << e.what() << "\n";
    }
}

}  // namespace lectern::desktop
