#pragma once
// Building blocks of the GUI test scenarios: keys through the X server, screenshots, and the
// steps every scenario starts with.

#include <functional>
#include <string>
#include <vector>

#include <wx/defs.h>

#include "gui_test_driver.hpp"
#include "navigation.hpp"

namespace lectern::desktop {

class MainFrame;
class QuizSession;

namespace gui_test {

using Step = GuiTestDriver::Step;

/// A key pressed (and released) through XTest, the way a real keyboard's are.
void key(int code, int modifiers = wxMOD_NONE);
/// Text typed through XTest.
void type(const char* text);
/// An action that saves the whole Xvfb screen as DIR/NAME.png (none when `dir` is empty).
std::function<void()> screenshot(const std::string& dir, const std::string& name);
/// Row of a document in the search results, or -1 (also while a search runs).
int result_row(const MainFrame& frame, const std::string& id);
bool result_listed(const MainFrame& frame, const std::string& id);
/// Arrows down to the document's row, then Enter: wherever the ranking put it.
std::function<void()> open_result(const MainFrame& frame, std::string id);
/// The content and its index ready, the window focused: where every scenario starts.
std::vector<Step> opening(MainFrame& frame);
/// A condition: the frame shows `view` of `id`.
std::function<bool()> showing(const MainFrame& frame, View view, std::string id);
/// Steps that open a document through the search box (Ctrl+K, the query, arrows, Enter).
std::vector<Step> search_and_open(MainFrame& frame, const char* query, const std::string& id);
/// File > Signing key with the passphrase "correct horse", typed twice.
std::vector<Step> make_signing_key(MainFrame& frame);
/// Home, then Page Down through the document on screen.
std::vector<Step> read_to_the_end();
/// The session of the open quiz window, or nullptr.
const QuizSession* quiz_session();
/// Steps answering each of the ten questions of the open quiz window with number keys (or
/// typing) and Enter, all right or all wrong, with screenshots NAME-feedback, NAME-question.
void take_quiz(std::vector<Step>& steps, bool right, const std::string& shots,
               const std::string& name);

}  // namespace gui_test

/// Scenarios in files of their own: the registry in gui_test_scenarios.cpp asks each.
std::vector<GuiTestDriver::Step> highlight_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> history_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> lock_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> first_start_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> sign_in_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> synced_start_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> library_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> bench_scenario(MainFrame& frame, const std::string& shots);
/// The benchmark's library steps; `report` is set to print their figures.
std::vector<GuiTestDriver::Step> library_bench_steps(MainFrame& frame,
                                                     std::function<void()>& report);
std::vector<GuiTestDriver::Step> quiz_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> quiz_signed_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> lesson_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> lesson_redact_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> sign_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> sync_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> sync_cancel_scenario(MainFrame& frame, const std::string& shots);
std::vector<GuiTestDriver::Step> set_aside_scenario(MainFrame& frame, const std::string& shots);

}  // namespace lectern::desktop
