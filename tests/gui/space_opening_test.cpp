// A space opened before there is an application: the app starts opening the space the command
// line names while GTK starts and the window is made, and the window's session takes that
// opening over: the space shows once, and its index answers.

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include <wx/app.h>
#include <wx/init.h>

#include "space_session.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using namespace lectern::desktop;

namespace {

// Where the index goes while a test runs (the opening reads LECTERN_INDEX_DIR on its thread).
class IndexDirForTest {
  public:
    IndexDirForTest() { setenv("LECTERN_INDEX_DIR", dir_.path().c_str(), 1); }
    ~IndexDirForTest() { unsetenv("LECTERN_INDEX_DIR"); }

  private:
    test::TempIndexDir dir_;
};

}  // namespace

TEST(DesktopSpaceOpening, BegunBeforeTheApplicationShowsTheSpaceAndItsIndexAnswers) {
    IndexDirForTest index_dir;
    test::TempSpace space;
    space.write("procedures/vpn.md", test::procedure("vpn", "Connect to the VPN first.\n"));
    space.write("procedures/refund.md", test::procedure("refund", "Refund the customer.\n"));

    SpaceOpening opening(space.root(), false);  // no application exists yet

    wxInitializer application;  // results come back through the application's queue
    ASSERT_TRUE(application.IsOk());
    int loaded = 0;
    std::shared_ptr<SearchBackend> search;
    std::string failure;
    std::unique_ptr<SpaceSession> session;
    session = std::make_unique<SpaceSession>(
        SpaceSession::Handlers{[&](std::shared_ptr<SearchBackend> index) {
                                   ++loaded;
                                   search = std::move(index);
                               },
                               [&](const std::string& message) { failure = message; },
                               [](std::shared_ptr<SearchBackend>, bool) {},
                               [](const std::string&) {}, [](std::size_t) {}});
    session->load(std::move(opening));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!session->content_checked() && failure.empty() &&
           std::chrono::steady_clock::now() < deadline) {
        wxAppConsole::GetInstance()->ProcessPendingEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(failure, "");
    EXPECT_EQ(loaded, 1);
    ASSERT_TRUE(session->space());
    EXPECT_TRUE(session->space()->find_by_id("vpn"));
    EXPECT_TRUE(session->space()->find_by_id("refund"));
    ASSERT_TRUE(search);
    const auto hits = search->search("vpn", 10);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].document_id, "vpn");
    session.reset();  // before the application goes
}
