#include "translations.hpp"

#include <filesystem>

#include <wx/translation.h>
#include <wx/uilocale.h>

#include "wx_text.hpp"

namespace lectern::desktop {

void set_up_translations(const std::string& language) {
    wxUILocale::UseDefault();
    // Beside the binary (bin/../share/locale) for a moved install, then the configured one.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = exe.parent_path().parent_path() / "share" / "locale";
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(to_wx(beside.string()));
    }
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(LECTERN_LOCALE_DIR);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(LECTERN_BUILD_LOCALE_DIR);
    auto* translations = new wxTranslations;
    if (!language.empty()) translations->SetLanguage(to_wx(language));
    wxTranslations::Set(translations);  // owns it from here
    translations->AddStdCatalog();
    // The source strings are English: no catalog is needed for it.
    translations->AddCatalog("lectern", wxLANGUAGE_ENGLISH_US);
}

}  // namespace lectern::desktop
