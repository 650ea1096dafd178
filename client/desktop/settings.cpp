#include "settings.hpp"

#include <algorithm>

#include <wx/config.h>

#include "progress/due_date.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {
// The only place the keys are spelled.
const char* const kWindowWidth = "/Window/Width";
const char* const kWindowHeight = "/Window/Height";
const char* const kLastDocument = "/Session/LastDocument";
const char* const kLastSearch = "/Session/LastSearch";
const char* const kFontSize = "/Appearance/FontSize";
const char* const kLanguage = "/Appearance/Language";
const char* const kServerUrl = "/Sync/Server";
const char* const kSyncMinutes = "/Sync/IntervalMinutes";
const char* const kFirstStartDone = "/Session/FirstStartDone";
const char* const kSyncedSpace = "/Sync/Space";
const char* const kStartDate = "/Path/StartDate";

constexpr int kDefaultWidth = 1100;
constexpr int kDefaultHeight = 720;
constexpr int kDefaultFontSize = 12;
constexpr int kDefaultSyncMinutes = 15;
constexpr int kMinWindowSide = 400;
}  // namespace

Settings::Settings(std::unique_ptr<wxConfigBase> config) : config_(std::move(config)) {}

Settings::~Settings() {
    flush();
}

wxSize Settings::window_size() const {
    const int w = static_cast<int>(config_->ReadLong(kWindowWidth, kDefaultWidth));
    const int h = static_cast<int>(config_->ReadLong(kWindowHeight, kDefaultHeight));
    return {std::max(w, kMinWindowSide), std::max(h, kMinWindowSide)};
}

void Settings::set_window_size(wxSize size) {
    config_->Write(kWindowWidth, static_cast<long>(size.GetWidth()));
    config_->Write(kWindowHeight, static_cast<long>(size.GetHeight()));
}

std::string Settings::last_document() const {
    return from_wx(config_->Read(kLastDocument, wxString()));
}

void Settings::set_last_document(const std::string& id) {
    config_->Write(kLastDocument, to_wx(id));
}

int Settings::font_size() const {
    const int points = static_cast<int>(config_->ReadLong(kFontSize, kDefaultFontSize));
    return std::clamp(points, kMinFontSize, kMaxFontSize);
}

void Settings::set_font_size(int points) {
    config_->Write(kFontSize, static_cast<long>(std::clamp(points, kMinFontSize, kMaxFontSize)));
}

std::string Settings::last_search() const {
    return from_wx(config_->Read(kLastSearch, wxString()));
}

void Settings::set_last_search(const std::string& query) {
    config_->Write(kLastSearch, to_wx(query));
}

std::string Settings::server_url() const {
    return from_wx(config_->Read(kServerUrl, wxString()));
}

void Settings::set_server_url(const std::string& url) {
    config_->Write(kServerUrl, to_wx(url));
}

int Settings::sync_interval_minutes() const {
    const int minutes = static_cast<int>(config_->ReadLong(kSyncMinutes, kDefaultSyncMinutes));
    return std::clamp(minutes, kMinSyncMinutes, kMaxSyncMinutes);
}

void Settings::set_sync_interval_minutes(int minutes) {
    config_->Write(kSyncMinutes,
                   static_cast<long>(std::clamp(minutes, kMinSyncMinutes, kMaxSyncMinutes)));
}

std::string Settings::language() const {
    return from_wx(config_->Read(kLanguage, wxString()));
}

void Settings::set_language(const std::string& code) {
    config_->Write(kLanguage, to_wx(code));
}

bool Settings::first_start_done() const {
    return config_->ReadBool(kFirstStartDone, false);
}

void Settings::set_first_start_done(bool done) {
    config_->Write(kFirstStartDone, done);
}

std::string Settings::synced_space() const {
    return from_wx(config_->Read(kSyncedSpace, wxString()));
}

void Settings::set_synced_space(const std::string& space) {
    config_->Write(kSyncedSpace, to_wx(space));
}

std::string Settings::start_date() const {
    const std::string date = from_wx(config_->Read(kStartDate, wxString()));
    return progress::add_days(date, 0) ? date : std::string();
}

void Settings::set_start_date(const std::string& iso_date) {
    if (progress::add_days(iso_date, 0)) config_->Write(kStartDate, to_wx(iso_date));
}

void Settings::flush() {
    config_->Flush();
}

}  // namespace lectern::desktop
