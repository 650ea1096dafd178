#include "app.hpp"

wxIMPLEMENT_APP(lectern::desktop::App);
