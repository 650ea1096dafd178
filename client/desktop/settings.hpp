#pragma once
// Preferences and what the app remembers, typed; wxConfig stores them. Keys live in
// settings.cpp and nowhere else.

#include <memory>
#include <string>

#include <wx/gdicmn.h>

class wxConfigBase;

namespace lectern::desktop {

class Settings {
  public:
    /// Reads and writes `config` (a wxFileConfig in tests, the user's config otherwise).
    explicit Settings(std::unique_ptr<wxConfigBase> config);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    static constexpr int kMinFontSize = 8;
    static constexpr int kMaxFontSize = 28;

    /// Size of the main window; default 1100 x 720.
    wxSize window_size() const;
    void set_window_size(wxSize size);

    /// Id of the document open when the app closed; default none.
    std::string last_document() const;
    void set_last_document(const std::string& id);

    /// Point size of document text, kMinFontSize..kMaxFontSize; default 12.
    int font_size() const;
    void set_font_size(int points);

    /// The last query typed in the search box; default none.
    std::string last_search() const;
    void set_last_search(const std::string& query);

    static constexpr int kMinSyncMinutes = 1;
    static constexpr int kMaxSyncMinutes = 24 * 60;

    /// The sync server's address ("https://lectern.example.org"); default none (offline).
    std::string server_url() const;
    void set_server_url(const std::string& url);

    /// Minutes between background syncs, kMinSyncMinutes..kMaxSyncMinutes; default 15.
    int sync_interval_minutes() const;
    void set_sync_interval_minutes(int minutes);

    /// Language of the interface ("pl"); default empty: the system's.
    std::string language() const;
    void set_language(const std::string& code);

    /// True once the first-start choice (sign in, or the sample offline) was made.
    bool first_start_done() const;
    void set_first_start_done(bool done);

    /// The server's space the app opens when started without --space or --sample (chosen at
    /// the first start's sign-in); default none: the sample content.
    std::string synced_space() const;
    void set_synced_space(const std::string& space);

    /// The agent's start date (YYYY-MM-DD) from which My path counts due days: set to the day
    /// of the first path view on this computer, editable in Preferences; default none.
    std::string start_date() const;
    /// Ignores a text that is not a date of the calendar.
    void set_start_date(const std::string& iso_date);

    /// Writes pending changes to disk.
    void flush();

  private:
    std::unique_ptr<wxConfigBase> config_;
};

}  // namespace lectern::desktop
