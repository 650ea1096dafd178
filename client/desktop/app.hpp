#pragma once
// The application: command line, language, settings, the main window, and the last-resort
// error handler.

#include <filesystem>
#include <memory>
#include <string>

#include <wx/app.h>

namespace lectern::desktop {

class GuiTestDriver;
class MainFrame;
class Settings;

struct AppOptions {
    std::filesystem::path space;  ///< --space DIR, or the sample content with --sample; else empty
    bool sample = false;          ///< `space` is the bundled sample: read through its git copy
    std::string language;         ///< --lang, e.g. "pl"; empty: the system's
    std::string config_file;      ///< --config FILE instead of the user's settings
    std::string gui_test;         ///< --gui-test SCENARIO: drive the app, then exit
    std::string screenshots;      ///< --screenshots DIR for the GUI test
};

class App : public wxApp {
  public:
    App();
    ~App() override;

    bool OnInit() override;
    int OnRun() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

    /// The first start's choice: sign in, or the sample content offline.
    void run_first_start(MainFrame& frame);
    /// Sets the process exit code (the GUI tests use it).
    void set_exit_code(int code) { exit_code_ = code; }

  private:
    AppOptions options_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<GuiTestDriver> test_driver_;
    int exit_code_ = 0;
};

}  // namespace lectern::desktop

wxDECLARE_APP(lectern::desktop::App);
