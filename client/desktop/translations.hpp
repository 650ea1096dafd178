#pragma once

#include <string>

namespace lectern::desktop {

/// Loads the app's message catalog (lectern.mo) for `language` ("pl"; empty: the user's
/// language), from the installed locale folder or, when run from the build tree, from the
/// build's. Dates and numbers follow the user's locale.
void set_up_translations(const std::string& language);

}  // namespace lectern::desktop
